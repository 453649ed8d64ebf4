/** Builds the Hono app for a Worker's env: Durable Object sessions and dedupe, the rate-limit binding, logs to Workers Logs. */
import { waitUntil } from 'cloudflare:workers'
import type { Knowledge } from '../../core/knowledge/pack'
import { type App, createApp } from '../../http/app'
import { workerConfig } from './config'
import { d1Store } from './d1-store'
import { durableObjectDedupe } from './dedupe-object'
import type { Env } from './index'
import { bindingRateLimiter, workerClientKey } from './rate-limit'
import { durableObjectStore } from './session-object'

/** throws a CitableError naming the variable when one is bad */
export function workerApp(env: Env, knowledge: Knowledge): App {
  const { clientIp, ...config } = workerConfig(env)
  return createApp({
    service: {
      knowledge,
      sessions: durableObjectStore(env.SESSIONS),
      newId: () => crypto.randomUUID().replace(/-/g, '').slice(0, 20),
      now: () => Date.now(),
    },
    config,
    // JSON lines become structured, searchable fields in Workers Logs
    log: (line) => console.log(JSON.stringify(line)),
    // waitUntil from cloudflare:workers belongs to whichever request is running: safe in a shared app
    defer: waitUntil,
    clientKey: workerClientKey(clientIp),
    // without the binding (a trimmed wrangler.toml) the app falls back to a per-isolate counter
    rateLimiter:
      env.RATE_LIMITER && bindingRateLimiter(env.RATE_LIMITER, config.rateLimitPerMinute),
    eventDedupe: durableObjectDedupe(env.DEDUPE),
    // the corpus stays the deployed pack: no living corpus, so the document write routes answer 503
    store: env.DB && d1Store(env.DB),
  })
}
