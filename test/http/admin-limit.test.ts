/** Wrong admin tokens: counted per client address, 429 with Retry-After past the limit, the table bounded. */
import { describe, expect, it } from 'vitest'
import { createFailureLimiter } from '../../src/http/middleware/failure-limit'
import { manualClock } from '../clock'
import { baseConfig, testApp } from './helpers'

const clock = (start = 1_000_000) => manualClock(start)

const token = baseConfig.adminToken!
const byHeader = (c: { req: { header(name: string): string | undefined } }) =>
  c.req.header('X-Test-Client') ?? 'one'
const login = (given: string, client = 'one'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Test-Client': client },
  body: new URLSearchParams({ token: given }).toString(),
})
const bearer = (given: string, client = 'one') => ({
  headers: { authorization: `Bearer ${given}`, 'X-Test-Client': client },
})

function limitedApp(time = clock()) {
  const adminFailures = createFailureLimiter({ failures: 3, windowMs: 600_000, now: time.now })
  return { ...testApp({ adminFailures, clientKey: byHeader }), time, adminFailures }
}

describe('createFailureLimiter', () => {
  it('allows the failures of a window, then says how long to wait', () => {
    const time = clock()
    const limiter = createFailureLimiter({ failures: 2, windowMs: 60_000, now: time.now })
    expect(limiter.blocked('a')).toBe(0)
    limiter.fail('a')
    expect(limiter.blocked('a')).toBe(0)
    time.advance(20_000)
    limiter.fail('a')
    expect(limiter.blocked('a')).toBe(40)
    expect(limiter.blocked('b')).toBe(0)
    time.advance(40_000)
    expect(limiter.blocked('a')).toBe(0)
  })

  it('keeps at most maxKeys clients however many addresses fail', () => {
    const time = clock()
    const limiter = createFailureLimiter({ failures: 1, maxKeys: 1000, now: time.now })
    for (let i = 0; i < 100_000; i++) limiter.fail(`198.51.${i >> 8}.${i & 255}-${i}`)
    expect(limiter.size).toBe(1000)
    // the newest are still counted
    expect(limiter.blocked('198.51.390.159-99999')).toBeGreaterThan(0)
  })

  it('holds a long key as a short digest, still counted', () => {
    const limiter = createFailureLimiter({ failures: 1 })
    limiter.fail('x'.repeat(10_000))
    expect(limiter.blocked('x'.repeat(10_000))).toBeGreaterThan(0)
    expect(limiter.blocked('x'.repeat(9_999))).toBe(0)
  })
})

describe('wrong admin tokens', () => {
  it('answers the sign-in form 429 with Retry-After after too many, even for the right token', async () => {
    const { app, time } = limitedApp()
    for (let i = 0; i < 3; i++)
      expect((await app.request('/admin/login', login('wrong-token'))).status).toBe(401)
    time.advance(60_000)
    const locked = await app.request('/admin/login', login(token))
    expect(locked.status).toBe(429)
    expect(locked.headers.get('Retry-After')).toBe('540')
    expect(locked.headers.get('set-cookie')).toBeNull()
    expect(await locked.text()).toContain(
      'Too many wrong tokens from your address: try again in 9 minutes.',
    )
  })

  it('counts each client address apart', async () => {
    const { app } = limitedApp()
    for (let i = 0; i < 3; i++) await app.request('/admin/login', login('wrong-token', 'guesser'))
    expect((await app.request('/admin/login', login(token, 'guesser'))).status).toBe(429)
    expect((await app.request('/admin/login', login(token, 'owner'))).status).toBe(303)
  })

  it('lets the client try again once the window is over', async () => {
    const { app, time } = limitedApp()
    for (let i = 0; i < 3; i++) await app.request('/admin/login', login('wrong-token'))
    time.advance(600_000)
    expect((await app.request('/admin/login', login(token))).status).toBe(303)
  })

  it('counts wrong bearer tokens on the JSON routes too, and answers them in JSON', async () => {
    const { app } = limitedApp()
    expect((await app.request('/admin', bearer('wrong-token'))).status).toBe(401)
    expect((await app.request('/admin/login', login('wrong-token'))).status).toBe(401)
    const put = { method: 'PUT', body: 'x', ...bearer('wrong-token') }
    expect((await app.request('/api/documents/x', put)).status).toBe(401)
    const locked = await app.request('/api/documents/x', { ...put, ...bearer(token) })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('Retry-After')).toBe('600')
    expect(await locked.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'too many wrong admin tokens from this address; try again in 600 s',
      },
    })
    expect((await app.request('/admin', bearer(token))).status).toBe(429)
  })

  it('still shows the login form to a request that carries no token', async () => {
    const { app } = limitedApp()
    for (let i = 0; i < 3; i++) await app.request('/admin/login', login('wrong-token'))
    const res = await app.request('/admin', { headers: { 'X-Test-Client': 'one' } })
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('<form method="post" action="/admin/login">')
  })

  it('does not count the right token', async () => {
    const { app, adminFailures } = limitedApp()
    for (let i = 0; i < 10; i++)
      expect((await app.request('/admin', bearer(token))).status).toBe(200)
    expect(adminFailures.size).toBe(0)
  })
})
