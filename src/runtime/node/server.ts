/** The Node entry: read the configuration, build the knowledge pack, serve the app, stop cleanly on SIGTERM. */
import { realpathSync } from 'node:fs'
import type { Server, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { createApp } from '../../http/app'
import type { AppEnv, LogLine } from '../../http/deps'
import { appConfig, readConfig } from './config'
import { startStoreService } from './store/start'

/** how long in-flight requests may take to finish after SIGTERM before they are cut */
const drainMs = 10_000

/**
 * The client a request counts against: the socket's address. A header is trusted only when
 * configured (a proxy in front sets it); with X-Forwarded-For the last entry is the one our
 * proxy added, the earlier ones are whatever the client sent.
 */
export function nodeClientKey(header?: string) {
  return (c: Context<AppEnv>): string => {
    const forwarded = header ? c.req.header(header)?.split(',').at(-1)?.trim() : undefined
    if (forwarded) return forwarded
    try {
      return getConnInfo(c).remote.address ?? 'unknown'
    } catch {
      return 'unknown'
    }
  }
}

const log = (line: LogLine) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)

function fail(message: string): never {
  process.stderr.write(`citable cannot start: ${message}\n`)
  process.exit(1)
}

export async function start(env: Record<string, string | undefined> = process.env) {
  const started = performance.now()
  const config = readConfig(env)
  const { service, store, corpus, knowledgeFrom } = await startStoreService({
    corpus: config.CORPUS_DIR,
    intents: config.INTENTS_DIR,
    url: config.DATABASE_URL,
    authToken: config.DATABASE_AUTH_TOKEN,
    dataDir: config.DATA_DIR,
  })
  const indexedMs = Math.round(performance.now() - started)
  const app = createApp({
    service,
    store,
    corpus,
    config: appConfig(config),
    log,
    clientKey: nodeClientKey(config.CLIENT_IP_HEADER),
  })
  const server = serve(
    {
      fetch: app.fetch,
      port: config.PORT,
      hostname: config.HOST,
      // a client that trickles its headers or body cannot hold a connection for long
      serverOptions: { headersTimeout: 15_000, requestTimeout: 30_000 },
    },
    (info) => {
      log({
        level: 'info',
        msg: `citable listening on http://${config.HOST}:${info.port}`,
        host: config.HOST,
        port: info.port,
        documents: service.knowledge.documents.size,
        facts: service.knowledge.facts.length,
        indexedMs,
        knowledgeFrom,
      })
    },
  ) as Server
  server.on('error', (error: NodeJS.ErrnoException) =>
    fail(`cannot listen on ${config.HOST}:${config.PORT} (${error.code ?? error.message})`),
  )

  let stopping = false
  const inFlight = new Set<ServerResponse>()
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res)
    res.once('close', () => {
      inFlight.delete(res)
      // a keep-alive connection whose last request just ended would hold close() open
      if (stopping) server.closeIdleConnections()
    })
  })

  const stop = (signal: string) => {
    if (stopping) {
      log({ level: 'warn', msg: `${signal} again: stopping without waiting` })
      process.exit(1)
    }
    stopping = true
    // answers still to come end their connection, so close() does not wait on keep-alive
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
    server.close(() => {
      log({ level: 'info', msg: 'stopped' })
      process.exit(0)
    })
    server.closeIdleConnections()
    // logged once the listener is closed, so whoever reads it can rely on it
    log({
      level: 'info',
      msg: `${signal}: no new connections; finishing ${inFlight.size} requests`,
    })
    setTimeout(() => {
      log({ level: 'error', msg: `${inFlight.size} requests still running after ${drainMs} ms` })
      process.exit(1)
    }, drainMs).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  return server
}

// run only as the entry (npm start), so tests and tools may import the helpers above
const entry = process.argv[1] && realpathSync(process.argv[1])
if (entry === fileURLToPath(import.meta.url)) {
  start().catch((error: Error) => fail(error.message))
}
