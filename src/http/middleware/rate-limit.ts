/** Rate limiting of answer requests per client: the `RateLimiter` interface, an in-memory limiter, and the middleware. */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'
import { HttpError } from '../errors'
import { setHeaders } from './headers'

/** what a limiter says about one more request from a client */
export interface RateDecision {
  /** true when the request may go ahead */
  ok: boolean
  /** whole seconds until the client may try again; 0 when ok */
  retryAfter: number
  /** requests left in the window after this one, when known (the Workers binding does not say) */
  remaining?: number
  /** requests allowed per window */
  limit: number
  /** whole seconds until the window starts afresh, when the limiter knows */
  reset?: number
}

/** counts requests per client key; the in-memory one below, or a platform binding on Workers */
export interface RateLimiter {
  hit(key: string): Promise<RateDecision>
}

export interface MemoryRateLimiterOptions {
  /** requests per window per key */
  limit: number
  /** defaults to one minute */
  windowMs?: number
  /** the most keys kept; the oldest windows are dropped first; defaults to 10,000 */
  maxKeys?: number
  /** a longer key is kept as a 16-digit digest of itself; defaults to 64 characters */
  maxKeyLength?: number
  /** the clock; defaults to Date.now */
  now?: () => number
}

/** two 32-bit FNV-1a hashes of a key: a short stand-in for a long one */
export function digest(key: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x811c9dc5) ^ (b >>> 15)
  }
  return `#${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}

/**
 * A fixed window per key, starting at the key's first request. Memory stays bounded in entries
 * and in bytes: expired windows are dropped as new ones start, past `maxKeys` the oldest window
 * goes (which at worst forgives that client early), and no key held is longer than
 * `maxKeyLength` (10,000 keys of 64 characters: about 2 MB with the Map's own overhead).
 */
export function createMemoryRateLimiter(
  options: MemoryRateLimiterOptions,
): RateLimiter & { readonly size: number } {
  const { limit, windowMs = 60_000, maxKeys = 10_000, maxKeyLength = 64, now = Date.now } = options
  // insertion order is window start order, because a key is re-inserted when its window restarts
  const windows = new Map<string, { start: number; count: number }>()
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

  const evict = (time: number) => {
    for (const [key, w] of windows) {
      if (time - w.start < windowMs && windows.size < maxKeys) break
      windows.delete(key)
    }
  }

  return {
    /** keys held now, for tests and metrics */
    get size() {
      return windows.size
    },
    async hit(client) {
      const key = client.length > maxKeyLength ? digest(client) : client
      const time = now()
      let w = windows.get(key)
      if (!w || time - w.start >= windowMs) {
        windows.delete(key)
        evict(time)
        w = { start: time, count: 0 }
        windows.set(key, w)
      }
      w.count++
      const reset = seconds(w.start + windowMs - time)
      const ok = w.count <= limit
      return {
        ok,
        retryAfter: ok ? 0 : reset,
        remaining: Math.max(0, limit - w.count),
        limit,
        reset,
      }
    },
  }
}

/** the headers a decision gives (IETF RateLimit draft, in its widely used separate-field form) */
function rateHeaders(decision: RateDecision): Record<string, string> {
  const headers: Record<string, string> = { 'RateLimit-Limit': String(decision.limit) }
  if (decision.remaining !== undefined) headers['RateLimit-Remaining'] = String(decision.remaining)
  if (decision.reset !== undefined) headers['RateLimit-Reset'] = String(decision.reset)
  return headers
}

/** counts every request against `clientKey(c)`; over the limit answers 429 with Retry-After */
export function rateLimit(
  limiter: RateLimiter,
  clientKey: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = await limiter.hit(clientKey(c))
    const headers = rateHeaders(decision)
    if (!decision.ok) {
      const retryAfter = String(Math.max(1, Math.ceil(decision.retryAfter)))
      throw new HttpError('rate_limited', `too many requests; try again in ${retryAfter} s`, {
        ...headers,
        'Retry-After': retryAfter,
      })
    }
    await next()
    setHeaders(c, headers)
  }
}
