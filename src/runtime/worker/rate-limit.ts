/** Rate limiting on Workers: the platform's rate-limiting binding behind the app's RateLimiter, and the client key. */
import type { RateLimit } from '@cloudflare/workers-types'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/deps'
import { type ClientAddressOptions, clientAddress } from '../../http/middleware/client-address'
import type { RateLimiter } from '../../http/middleware/rate-limit'

/** the binding's period in wrangler.toml (`simple.period`) */
const periodSeconds = 60

/**
 * The binding counts per Cloudflare location and says only yes or no: its limit lives in
 * wrangler.toml (keep it equal to RATE_LIMIT_PER_MINUTE), and how many requests remain is not
 * known, so the decision leaves `remaining` out (and with it the RateLimit-Remaining header).
 */
export function bindingRateLimiter(binding: RateLimit, limit: number): RateLimiter {
  return {
    async hit(key) {
      const { success } = await binding.limit({ key })
      return success
        ? { ok: true, retryAfter: 0, limit }
        : { ok: false, retryAfter: periodSeconds, remaining: 0, limit }
    },
  }
}

/**
 * The client a request counts against, read as on Node: the address Cloudflare saw
 * (CF-Connecting-IP, which the client cannot set) stands where Node has the socket's, and
 * CLIENT_IP_HEADER with TRUSTED_PROXIES is for proxies of ours in front of Cloudflare. An IPv6
 * client counts by its /64, as on Node.
 */
export function workerClientKey(options: ClientAddressOptions = {}) {
  return (c: Context<AppEnv>): string =>
    clientAddress((name) => c.req.header(name), c.req.header('cf-connecting-ip'), options)
}
