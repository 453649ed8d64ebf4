/** The owner's token: a bearer token or the login cookie, compared in constant time, wrong guesses limited per client; unset, the owner's routes answer 503. */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppDeps, AppEnv } from './deps'
import { HttpError } from './errors'
import { createFailureLimiter, type FailureLimiter } from './middleware/failure-limit'

export const adminCookie = 'citable_admin'

const encoder = new TextEncoder()

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

/** equal strings, in time that depends on neither their contents nor their lengths */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([digest(a), digest(b)])
  let diff = 0
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!
  return diff === 0
}

/** the cookie holds a keyed hash of the token, never the token itself */
export async function sessionValue(token: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(token),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, encoder.encode('citable admin session v1')),
  )
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export const notConfigured = () =>
  new HttpError('not_configured', "the owner's routes are not configured: set ADMIN_TOKEN")

export type AdminCheck = 'ok' | 'missing' | 'wrong'

/** what the request carries: the bearer token, else the cookie */
export async function checkAdmin(c: Context<AppEnv>, token: string): Promise<AdminCheck> {
  const header = c.req.header('authorization')
  if (header !== undefined) {
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? ''
    return (await constantTimeEqual(bearer, token)) ? 'ok' : 'wrong'
  }
  const cookie = getCookie(c, adminCookie)
  if (cookie === undefined) return 'missing'
  return (await constantTimeEqual(cookie, await sessionValue(token))) ? 'ok' : 'wrong'
}

const limiters = new WeakMap<AppDeps, FailureLimiter>()

/** the app's count of wrong tokens per client: the one it was given, or one made on first use */
function failuresOf(deps: AppDeps): FailureLimiter {
  let found = deps.adminFailures ?? limiters.get(deps)
  if (!found) {
    found = createFailureLimiter()
    limiters.set(deps, found)
  }
  return found
}

export const tooManyFailures = (retryAfter: number) =>
  new HttpError(
    'rate_limited',
    `too many wrong admin tokens from this address; try again in ${retryAfter} s`,
    { 'Retry-After': String(retryAfter) },
  )

/** a check that counts: 'wrong' is one more failure of this client; a client past the limit is
 * not checked at all (even the right token waits), so it learns nothing from trying */
export async function countedCheck(
  c: Context<AppEnv>,
  deps: AppDeps,
  token: string,
  given?: string,
): Promise<AdminCheck | { retryAfter: number }> {
  const client = deps.clientKey?.(c) ?? 'anonymous'
  const limiter = failuresOf(deps)
  const carries =
    given !== undefined ||
    c.req.header('authorization') !== undefined ||
    getCookie(c, adminCookie) !== undefined
  // a request with no token to check is shown the login form, locked or not
  if (!carries) return 'missing'
  const retryAfter = limiter.blocked(client)
  if (retryAfter > 0) return { retryAfter }
  const check =
    given === undefined
      ? await checkAdmin(c, token)
      : (await constantTimeEqual(given, token))
        ? 'ok'
        : 'wrong'
  if (check === 'wrong') limiter.fail(client)
  return check
}

/** for the JSON write routes: 503 without ADMIN_TOKEN, 401 without the right token, 429 after too many wrong ones */
export function requireAdmin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = deps.config.adminToken
    if (!token) throw notConfigured()
    const check = await countedCheck(c, deps, token)
    if (typeof check === 'object') throw tooManyFailures(check.retryAfter)
    if (check !== 'ok')
      throw new HttpError(
        'unauthorized',
        check === 'missing'
          ? 'send the admin token as Authorization: Bearer <ADMIN_TOKEN>'
          : 'the admin token is wrong',
        { 'WWW-Authenticate': 'Bearer realm="citable"' },
      )
    await next()
  }
}
