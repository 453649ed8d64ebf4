/** The owner's token: a bearer token or the login cookie, compared in constant time; unset, the owner's routes answer 503. */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppDeps, AppEnv } from './deps'
import { HttpError } from './errors'

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

/** for the JSON write routes: 503 without ADMIN_TOKEN, 401 without the right token */
export function requireAdmin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = deps.config.adminToken
    if (!token) throw notConfigured()
    const check = await checkAdmin(c, token)
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
