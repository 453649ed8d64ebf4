/** CORS: browsers on `allowedOrigins` and on our own exact origin may call the API; /widget.js is open to every page. */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'
import { HttpError } from '../errors'
import { setHeaders } from './headers'
import { publicPaths } from './security-headers'

export interface CorsOptions {
  /** origins (scheme://host[:port]) that may call from a browser */
  allowedOrigins: string[]
  /** the methods a path answers to, for preflights; empty for an unknown path */
  methodsFor: (path: string) => string[]
  /** the service's own origins; defaults to the origin of the request URL */
  ownOrigins?: (c: Context) => readonly string[]
}

/** response headers a page script may read */
const exposed = 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset'
const allowedHeaders = 'Content-Type, X-Request-Id'

/** the request URL's origin: right on Workers, where the URL is the routed host, not a Host header */
const requestOrigin = (c: Context) => [new URL(c.req.url).origin]

export function cors(options: CorsOptions): MiddlewareHandler<AppEnv> {
  const allowed = new Set(options.allowedOrigins)
  const own = options.ownOrigins ?? requestOrigin
  return async (c, next) => {
    const origin = c.req.header('Origin')
    const open = publicPaths.has(c.req.path)
    // whole origins compared as strings: scheme, host and port all count
    const permitted =
      origin !== undefined && origin !== 'null' && (allowed.has(origin) || own(c).includes(origin))
    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')

    if (preflight && origin !== undefined) {
      const methods = options.methodsFor(c.req.path)
      // an unknown path falls through to the 404
      if (methods.length > 0) {
        if (!open && !permitted)
          throw new HttpError('forbidden', `origin ${origin} may not call this service`, {
            Vary: 'Origin',
          })
        return c.body(null, 204, {
          'Access-Control-Allow-Origin': open ? '*' : origin,
          'Access-Control-Allow-Methods': methods.join(', '),
          'Access-Control-Allow-Headers': allowedHeaders,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        })
      }
    }

    await next()
    if (open) {
      setHeaders(c, { 'Access-Control-Allow-Origin': '*' })
      return
    }
    // the answer differs by Origin, so caches must keep them apart
    const vary = c.res.headers.get('Vary')
    if (!vary?.split(',').some((v) => v.trim() === 'Origin'))
      setHeaders(c, { Vary: vary ? `${vary}, Origin` : 'Origin' })
    if (permitted)
      setHeaders(c, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Expose-Headers': exposed,
      })
  }
}
