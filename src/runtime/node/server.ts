/** The Node entry: read the configuration, build the knowledge pack, serve the app, stop cleanly on SIGTERM. */
import { realpathSync } from 'node:fs'
import type { Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { analyze } from '../../core/nlu/nlp'
import { createApp } from '../../http/app'
import type { AppEnv, LogLine } from '../../http/deps'
import { type HttpErrorCode, httpErrors } from '../../http/errors'
import { clientAddress } from '../../http/middleware/client-address'
import { bundleRun } from './code-cache'
import { appConfig, readConfig } from './config'
import { drainable } from './drain'
import { startStoreService } from './store/start'
import { backgroundTasks } from './tasks'

/** how long in-flight requests, and the writes they left running, may take after SIGTERM before they are cut */
const drainMs = 10_000
/** a client must have sent its request line and headers by then (slowloris) */
export const headersTimeoutMs = 15_000
/** and the whole request, body included, by then */
export const requestTimeoutMs = 30_000

/**
 * The client a request counts against. With CLIENT_IP_HEADER set, each of the TRUSTED_PROXIES
 * proxies in front appended the address it saw, so the client is that many entries from the
 * right; entries further left are whatever the client wrote. Anything that is not an IP
 * address there means the socket's address, so a client cannot invent keys.
 */
export function nodeClientKey(header?: string, trustedProxies = 1) {
  return (c: Context<AppEnv>): string => {
    let socket: string | undefined
    try {
      socket = getConnInfo(c).remote.address
    } catch {
      // no socket (a request made in process): only the header can say
    }
    return clientAddress((name) => c.req.header(name), socket, { header, trustedProxies })
  }
}

/** the origins a browser may use to reach a server listening on host:port */
export function listeningOrigins(host: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]']
  const names = loopback.includes(host) ? loopback : [host]
  return names.map((h) => `http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`)
}

/** Node's own answer to a request it could not parse, in the contract's JSON shape */
function clientErrorResponse(error: NodeJS.ErrnoException): string {
  const [code, message]: [HttpErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['headers_too_large', 'the request line and headers must be at most 16 KiB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [
            'request_timeout',
            `the request took too long: headers are due within ${headersTimeoutMs / 1000} s, the whole request within ${requestTimeoutMs / 1000} s`,
          ]
        : ['bad_request', 'the request is not valid HTTP']
  const status = httpErrors[code]
  const reason = {
    400: 'Bad Request',
    408: 'Request Timeout',
    431: 'Request Header Fields Too Large',
  }
  const body = JSON.stringify({ error: { code, message } })
  return [
    `HTTP/1.1 ${status} ${reason[status as keyof typeof reason]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
    'Connection: close',
    '',
    body,
  ].join('\r\n')
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
  // a start from the stored snapshot has not read any text yet: load wink's model now, so the
  // first question does not pay for it (tens of ms) and /healthz means the service can answer
  analyze('warm up')
  const indexedMs = Math.round(performance.now() - started)
  let origins: string[] = []
  // question-log writes and Slack replies outlive their response: the drain waits for them too
  const tasks = backgroundTasks()
  const app = createApp({
    service,
    store,
    corpus,
    config: appConfig(config),
    log,
    defer: tasks.defer,
    clientKey: nodeClientKey(config.CLIENT_IP_HEADER, config.TRUSTED_PROXIES),
    ownOrigins: () => origins,
  })
  const server = serve(
    {
      fetch: app.fetch,
      port: config.PORT,
      hostname: config.HOST,
      serverOptions: {
        // a client that trickles its headers or body cannot hold a connection for long; node
        // checks these timeouts every connectionsCheckingInterval (30 s unless told), so that
        // interval is what makes 15 s mean 15 s
        headersTimeout: headersTimeoutMs,
        requestTimeout: requestTimeoutMs,
        connectionsCheckingInterval: 1_000,
      },
    },
    (info) => {
      origins = listeningOrigins(config.HOST, info.port)
      log({
        level: 'info',
        msg: `citable listening on http://${config.HOST}:${info.port}`,
        host: config.HOST,
        port: info.port,
        pid: process.pid,
        documents: service.knowledge.documents.size,
        facts: service.knowledge.facts.length,
        indexedMs,
        // ms since node started the process, on node's clock: what a start costs inside it
        listeningAtMs: Math.round(performance.now()),
        knowledgeFrom,
        codeCache: bundleRun()?.use,
      })
      saveCodeCache()
    },
  ) as Server
  server.on('error', (error: NodeJS.ErrnoException) =>
    fail(`cannot listen on ${config.HOST}:${config.PORT} (${error.code ?? error.message})`),
  )
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // a reset connection, or one whose answer has started, has nobody left to tell
    const answering = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent)
      return socket.destroy()
    socket.end(clientErrorResponse(error))
  })

  const drain = drainable(server)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) {
      log({ level: 'warn', msg: `${signal} again: stopping without waiting` })
      process.exit(1)
    }
    stopping = true
    // answers first, then the writes they started, then the store, which flushes what it holds
    void drain
      .stop()
      .then(() => tasks.settled())
      .then(() => store.close())
      .then(
        () => {
          log({ level: 'info', msg: 'stopped' })
          process.exit(0)
        },
        (error: Error) => {
          log({ level: 'error', msg: 'the store did not close', error: String(error) })
          process.exit(1)
        },
      )
    // logged once the listener is closed, so whoever reads it can rely on it
    log({
      level: 'info',
      msg: `${signal}: no new connections; finishing ${drain.inFlight} requests`,
    })
    setTimeout(() => {
      log({
        level: 'error',
        msg: `${drain.inFlight} requests and ${tasks.pending} writes still running after ${drainMs} ms`,
      })
      process.exit(1)
    }, drainMs).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  return server
}

/**
 * A start that found no code cache for its flags leaves one for the next, once it listens (its
 * bytecode then covers the start itself); best effort: a read-only dist/ only makes starts slower.
 */
function saveCodeCache() {
  const run = bundleRun()
  if (!run || run.use === 'used') return
  setImmediate(() => {
    try {
      run.saveCache()
      log({ level: 'info', msg: 'code cache saved for the next start with these node flags' })
    } catch (error) {
      log({ level: 'warn', msg: 'no code cache saved', error: String(error) })
    }
  })
}

/** `node dist/node/server.mjs`: start, or say why not and exit 1 */
export function main() {
  start().catch((error: Error) => fail(error.message))
}

// run only as the entry (npm start), so tests and tools may import the helpers above
const entry = process.argv[1] && realpathSync(process.argv[1])
if (entry === fileURLToPath(import.meta.url)) main()
