/** The middleware every request passes through, in order: log, headers, CORS, methods, limits, rate (answers, feedback). */
import type { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { cors } from './cors'
import { limitBodies, requireJson } from './limits'
import { methodNotAllowed, routeMethods } from './methods'
import { createMemoryRateLimiter, rateLimit } from './rate-limit'
import { requestLog } from './request-log'
import { securityHeaders } from './security-headers'

/** without a runtime-specific key every client shares one budget: runtimes pass their own */
const sharedKey = () => 'anonymous'
const answering = new Set(['GET', 'HEAD', 'POST'])

export function applyMiddleware(app: Hono<AppEnv>, deps: AppDeps): void {
  const methodsFor = routeMethods(app)
  // outermost first: the log line and the headers cover every response, errors included
  app.use(requestLog(deps.log))
  app.use(securityHeaders())
  const { publicUrl } = deps.config
  const ownOrigins = publicUrl ? () => [publicUrl] : deps.ownOrigins
  app.use(cors({ allowedOrigins: deps.config.allowedOrigins, methodsFor, ownOrigins }))
  app.use(methodNotAllowed(methodsFor))
  app.use(limitBodies())

  const limit = deps.config.rateLimitPerMinute
  if (limit > 0) {
    const limiter = deps.rateLimiter ?? createMemoryRateLimiter({ limit })
    const clientKey = deps.clientKey ?? sharedKey
    const limited = rateLimit(limiter, clientKey)
    // every answer request counts, malformed ones too; preflights and wrong methods do not
    app.use('/api/answer', (c, next) => (answering.has(c.req.method) ? limited(c, next) : next()))
    // feedback has a budget of its own (the same limit), so it neither spends nor is spent by answers
    const feedback = rateLimit(limiter, (c) => `feedback:${clientKey(c)}`)
    app.use('/api/feedback', (c, next) => (c.req.method === 'POST' ? feedback(c, next) : next()))
  }
  app.use('/api/answer', requireJson())
}
