/** Test helpers for the Slack channel: signing (independently, with node:crypto), apps, and a stand-in Slack Web API. */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Service } from '../../src/core/conversation/ask'
import { createApp } from '../../src/http/app'
import type { AppConfig, AppDeps, LogLine } from '../../src/http/deps'
import { seedService } from '../corpora'

export const secret = 'test-signing-secret'
export const botToken = 'xoxb-test-token'
export const hookToken = 'hook-token-123'

/** a question the corpus answers with citations, and one it does not */
export const answerable = 'How many smart city pilots are there?'
export const unanswerable = 'Who won the football world cup?'

/** one service per test file: building the knowledge pack is the slow part */
let shared: Service | undefined
export function sharedService(): Service {
  shared ??= seedService()
  return shared
}

/** wraps a service so a test can see which session ids were written */
export function recordingSessions(service: Service) {
  const ids: string[] = []
  const recorded: Service = {
    ...service,
    sessions: {
      get: (id) => service.sessions.get(id),
      set: (id, state) => {
        ids.push(id)
        return service.sessions.set(id, state)
      },
      delete: (id) => service.sessions.delete(id),
    },
  }
  return { service: recorded, ids }
}

/** a test configuration; pass a key as undefined to leave that variable unset */
export function config(
  slack: Partial<AppConfig['slack']> = {},
  rest: Partial<Omit<AppConfig, 'slack'>> = {},
): AppConfig {
  return {
    allowedOrigins: [],
    rateLimitPerMinute: 0,
    slack: { signingSecret: secret, botToken, apiBase: 'http://127.0.0.1:9/api', ...slack },
    outgoingWebhookToken: hookToken,
    ...rest,
  }
}

/** an app whose background work is collected, so a test can wait for it to finish */
export function testApp(overrides: Partial<AppDeps> = {}) {
  const tasks: Promise<unknown>[] = []
  const logs: LogLine[] = []
  const deps: AppDeps = {
    service: sharedService(),
    config: config(),
    log: (line) => logs.push(line),
    defer: (task) => tasks.push(task),
    ...overrides,
  }
  return { app: createApp(deps), deps, tasks, logs, settle: () => Promise.all(tasks) }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000)

/** Slack's signature, computed here with node:crypto rather than the code under test */
export function signature(body: string, timestamp: number | string, key = secret) {
  return `v0=${createHmac('sha256', key).update(`v0:${timestamp}:${body}`).digest('hex')}`
}

export function signedHeaders(
  body: string,
  contentType: 'form' | 'json',
  timestamp: number = nowSeconds(),
): Record<string, string> {
  return {
    'content-type':
      contentType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(body, timestamp),
  }
}

export interface RecordedCall {
  path: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}

/** a tiny Slack Web API on 127.0.0.1: records every call and answers `reply` (ok by default) */
export async function startSlackStandIn(
  reply: () => Record<string, unknown> = () => ({ ok: true }),
) {
  const calls: RecordedCall[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      raw += chunk
    })
    req.on('end', () => {
      calls.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') })
      res.writeHead(200, { 'content-type': 'application/json' })
      const ts = `1700000999.${String(calls.length).padStart(6, '0')}`
      res.end(JSON.stringify({ ts, ...reply() }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    apiBase: `http://127.0.0.1:${port}/api`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** polls until `check` holds, up to a bound; never a fixed sleep */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms and the condition never held`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** a short pause after the expected calls arrived, so an extra call would have had time to show up */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** an app_mention envelope as Slack sends it */
export function mentionEnvelope(options: {
  eventId: string
  text: string
  ts: string
  threadTs?: string
  user?: string
  channel?: string
  extra?: Record<string, unknown>
}) {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: options.eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
    event: {
      type: 'app_mention',
      user: options.user ?? 'U0042',
      text: options.text,
      ts: options.ts,
      channel: options.channel ?? 'C0777',
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      ...options.extra,
    },
  }
}
