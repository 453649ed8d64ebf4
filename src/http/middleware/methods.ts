/** Which methods a path answers to, from the app's own routes: 405 with `Allow` instead of hono's 404. */
import type { Hono, MiddlewareHandler } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import type { AppEnv } from '../deps'
import { HttpError } from '../errors'

/**
 * The methods each registered path answers to (GET implies HEAD). Built on first use, when
 * every route is mounted; middleware (method ALL) does not count as a route.
 */
export function routeMethods(app: Hono<AppEnv>): (path: string) => string[] {
  let router: TrieRouter<string[]> | undefined
  let built = -1
  return (path) => {
    if (!router || built !== app.routes.length) {
      const byPath = new Map<string, Set<string>>()
      for (const route of app.routes) {
        if (route.method === 'ALL') continue
        const methods = byPath.get(route.path) ?? new Set<string>()
        methods.add(route.method)
        if (route.method === 'GET') methods.add('HEAD')
        byPath.set(route.path, methods)
      }
      router = new TrieRouter<string[]>()
      for (const [p, methods] of byPath) router.add('ALL', p, [...methods])
      built = app.routes.length
    }
    const out = new Set<string>()
    for (const [methods] of router.match('ALL', path)[0]) for (const m of methods) out.add(m)
    return [...out].sort()
  }
}

/** a path we serve asked with a method it does not answer to: 405 naming the ones it does */
export function methodNotAllowed(
  methodsFor: (path: string) => string[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    // a 404 a route gave on purpose (an unknown document) comes with an error; this is hono's
    if (c.res.status !== 404 || c.error) return
    const methods = methodsFor(c.req.path)
    if (methods.length === 0 || methods.includes(c.req.method)) return
    throw new HttpError(
      'method_not_allowed',
      `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(', ')}`,
      { Allow: methods.join(', ') },
    )
  }
}
