/** Security headers on every response, without overwriting what a route set for itself. */
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { securityHeaders } from '../../src/http/middleware/security-headers'
import { json, testApp } from './helpers'

const { app } = testApp()

const expected = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
}

describe('security headers', () => {
  const responses: [string, () => Response | Promise<Response>][] = [
    ['an answer', () => app.request('/api/answer', json({ question: 'What is MOHURD?' }))],
    ['a document', () => app.request('/api/documents/china-smart-cities')],
    ['a 400', () => app.request('/api/answer', json('{'))],
    ['a 404', () => app.request('/nope')],
    ['a 405', () => app.request('/api/answer', { method: 'PUT' })],
    ['a 413', () => app.request('/api/answer', json('x'.repeat(17_000)))],
  ]
  for (const [what, request] of responses) {
    it(`puts them on ${what}`, async () => {
      const res = await request()
      for (const [name, value] of Object.entries(expected))
        expect(res.headers.get(name)).toBe(value)
      expect(res.headers.get('Permissions-Policy')).toContain('camera=()')
      expect(res.headers.get('X-Powered-By')).toBeNull()
      expect(res.headers.get('Server')).toBeNull()
      expect(res.headers.get('Strict-Transport-Security')).toBeNull()
    })
  }

  it('keeps the policy a page route set', async () => {
    const page = await app.request('/')
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('keeps any header a route set, and strips stack-revealing ones', async () => {
    const own = new Hono()
    own.use(securityHeaders())
    own.get('/framed', (c) => {
      c.header('X-Frame-Options', 'SAMEORIGIN')
      c.header('Content-Security-Policy', "frame-ancestors 'self'")
      c.header('X-Powered-By', 'hono')
      c.header('Server', 'node')
      return c.text('ok')
    })
    const res = await own.request('/framed')
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'")
    expect(res.headers.get('X-Powered-By')).toBeNull()
    expect(res.headers.get('Server')).toBeNull()
  })

  it('adds HSTS over https only', async () => {
    const res = await app.request('https://citable.test/healthz')
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })
})
