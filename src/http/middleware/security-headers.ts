/** Security headers on every response; a header a route set itself (a page's CSP, say) is kept. */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'
import { deleteHeaders, setHeaders } from './headers'

/** paths other sites load directly (a script tag), so they must not be locked to our origin */
export const publicPaths = new Set(['/widget.js'])

const defaults: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  // JSON needs no sources at all; HTML pages set their own policy in their routes
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const crossOrigin = publicPaths.has(c.req.path)
    setHeaders(
      c,
      {
        ...defaults,
        'Cross-Origin-Resource-Policy': crossOrigin ? 'cross-origin' : 'same-origin',
        // browsers heed HSTS only over https, so it is sent only there
        ...(new URL(c.req.url).protocol === 'https:'
          ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }
          : {}),
      },
      { keep: true },
    )
    // nothing that tells which stack serves the request
    deleteHeaders(c, ['X-Powered-By', 'Server'])
  }
}
