/**
 * A limit on failures, not on requests: a client that has sent `failures` wrong admin tokens in
 * a window is refused until the window ends, whatever it sends then, so guessing the token
 * costs a window per few guesses. The table is bounded like the rate limiter's.
 */
import { digest } from './rate-limit'

export interface FailureLimiterOptions {
  /** wrong attempts allowed per window; defaults to 10 */
  failures?: number
  /** defaults to 15 minutes, counted from a client's first failure */
  windowMs?: number
  /** clients kept at most, the oldest window dropped first; defaults to 10,000 */
  maxKeys?: number
  /** a longer key is kept as a digest of itself; defaults to 64 characters */
  maxKeyLength?: number
  /** the clock; defaults to Date.now */
  now?: () => number
}

const defaults: Required<Omit<FailureLimiterOptions, 'now'>> = {
  failures: 10,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
  maxKeyLength: 64,
}

export interface FailureLimiter {
  /** whole seconds the client must wait before it may try again; 0 when it may try now */
  blocked(client: string): number
  /** counts one wrong attempt */
  fail(client: string): void
  /** clients held now, for tests */
  readonly size: number
}

export function createFailureLimiter(options: FailureLimiterOptions = {}): FailureLimiter {
  const { failures, windowMs, maxKeys, maxKeyLength } = { ...defaults, ...options }
  const now = options.now ?? Date.now
  // insertion order is window start order: a key is re-inserted when its window restarts
  const windows = new Map<string, { start: number; count: number }>()
  const keyOf = (client: string) => (client.length > maxKeyLength ? digest(client) : client)

  const current = (key: string, time: number) => {
    const w = windows.get(key)
    if (w && time - w.start >= windowMs) windows.delete(key)
    return w && time - w.start < windowMs ? w : undefined
  }

  return {
    get size() {
      return windows.size
    },
    blocked(client) {
      const time = now()
      const w = current(keyOf(client), time)
      if (!w || w.count < failures) return 0
      return Math.max(1, Math.ceil((w.start + windowMs - time) / 1000))
    },
    fail(client) {
      const key = keyOf(client)
      const time = now()
      const w = current(key, time)
      if (w) {
        w.count++
        return
      }
      for (const [old, ow] of windows) {
        if (time - ow.start < windowMs && windows.size < maxKeys) break
        windows.delete(old)
      }
      windows.set(key, { start: time, count: 1 })
    },
  }
}
