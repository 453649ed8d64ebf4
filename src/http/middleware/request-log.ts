/** A request id on every response and one structured log line per request, with nothing secret in it. */
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppDeps, AppEnv } from '../deps'
import { setHeaders } from './headers'

/** an incoming X-Request-Id is kept only when it looks like one of ours (no log injection) */
export const requestIdPattern = /^[A-Za-z0-9_-]{8,64}$/

/**
 * The outermost middleware: everything after it, errors included, is timed and logged.
 * The line holds only fixed fields: never headers, the body, the query string or the question
 * (its length at most), so tokens, signatures and what users typed stay out of logs.
 */
export function requestLog(log: AppDeps['log']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const incoming = c.req.header('X-Request-Id')
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', requestId)
    await next()
    setHeaders(c, { 'X-Request-Id': requestId })
    if (!log) return
    const answer = c.get('answer')
    // the route pattern, not the path: low cardinality, and no document id or typed text
    const route =
      matchedRoutes(c)
        .filter((r) => r.method !== 'ALL')
        .at(-1)?.path ?? '(none)'
    const status = c.res.status
    log({
      level: status >= 500 ? 'error' : 'info',
      requestId,
      method: c.req.method,
      route,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      intent: answer?.intent,
      abstained: answer?.abstained,
      questionLength: c.get('questionLength'),
    })
  }
}
