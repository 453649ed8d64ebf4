/** The Node entry: read the configuration, build the knowledge pack, serve the app, stop cleanly on SIGTERM. */
import { serve } from '@hono/node-server'
import { createApp } from '../../http/app'
import type { LogLine } from '../../http/deps'
import { type EnvConfig, readConfig } from './config'
import { nodeService } from './service'

export function appConfig(env: EnvConfig) {
  return {
    allowedOrigins: env.ALLOWED_ORIGINS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    slack: {
      signingSecret: env.SLACK_SIGNING_SECRET,
      botToken: env.SLACK_BOT_TOKEN,
      apiBase: env.SLACK_API_BASE,
    },
    outgoingWebhookToken: env.OUTGOING_WEBHOOK_TOKEN,
  }
}

const log = (line: LogLine) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)

export function start(env: Record<string, string | undefined> = process.env) {
  const started = performance.now()
  const config = readConfig(env)
  const service = nodeService({ corpus: config.CORPUS_DIR, intents: config.INTENTS_DIR })
  const indexedMs = Math.round(performance.now() - started)
  const app = createApp({ service, config: appConfig(config), log })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log({
      level: 'info',
      msg: `citable listening on http://${config.HOST}:${info.port}`,
      documents: service.knowledge.documents.size,
      facts: service.knowledge.facts.length,
      indexedMs,
    })
  })
  const stop = (signal: string) => {
    log({ level: 'info', msg: `${signal}: finishing in-flight requests` })
    server.close(() => process.exit(0))
    // keep-alive sockets would hold close() open: end the idle ones now
    ;(server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.()
    setTimeout(() => process.exit(0), 10_000).unref()
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  return server
}

try {
  start()
} catch (error) {
  process.stderr.write(`citable cannot start: ${(error as Error).message}\n`)
  process.exit(1)
}
