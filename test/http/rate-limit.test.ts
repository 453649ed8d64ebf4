/** Rate limiting of /api/answer and /api/feedback per client: 429 with Retry-After, a fresh window later, 0 = off, bounded memory. */
import { describe, expect, it } from 'vitest'
import { createMemoryRateLimiter, type RateLimiter } from '../../src/http/middleware/rate-limit'
import { manualClock } from '../clock'
import { json, testApp } from './helpers'

const clock = (start = 1_000_000) => manualClock(start)

// tests name the client in a header; the runtimes use the socket or CF-Connecting-IP
const byHeader = (c: { req: { header(name: string): string | undefined } }) =>
  c.req.header('X-Test-Client') ?? 'one'
const from = (client: string) => ({ headers: { 'X-Test-Client': client } })

function limitedApp(limit: number, time = clock()) {
  const rateLimiter = createMemoryRateLimiter({ limit, now: time.now })
  return {
    ...testApp({ config: { rateLimitPerMinute: limit }, rateLimiter, clientKey: byHeader }),
    time,
  }
}

describe('createMemoryRateLimiter', () => {
  it('allows the limit per window, then says how long to wait', async () => {
    const time = clock()
    const limiter = createMemoryRateLimiter({ limit: 2, now: time.now })
    expect(await limiter.hit('a')).toEqual({
      ok: true,
      retryAfter: 0,
      remaining: 1,
      limit: 2,
      reset: 60,
    })
    time.advance(15_000)
    expect(await limiter.hit('a')).toMatchObject({ ok: true, remaining: 0, reset: 45 })
    time.advance(14_500)
    expect(await limiter.hit('a')).toEqual({
      ok: false,
      retryAfter: 31,
      remaining: 0,
      limit: 2,
      reset: 31,
    })
    expect(await limiter.hit('b')).toMatchObject({ ok: true })
  })

  it('starts a fresh window once the old one is over', async () => {
    const time = clock()
    const limiter = createMemoryRateLimiter({ limit: 1, now: time.now })
    await limiter.hit('a')
    expect((await limiter.hit('a')).ok).toBe(false)
    time.advance(60_000)
    expect(await limiter.hit('a')).toMatchObject({ ok: true, remaining: 0 })
  })

  it('keeps at most maxKeys keys, dropping the oldest window first', async () => {
    const time = clock()
    const limiter = createMemoryRateLimiter({ limit: 1, maxKeys: 100, now: time.now })
    for (let i = 0; i < 10_000; i++) await limiter.hit(`client-${i}`)
    expect(limiter.size).toBe(100)
    // the newest clients are still counted; the oldest was forgotten
    expect((await limiter.hit('client-9999')).ok).toBe(false)
    expect((await limiter.hit('client-0')).ok).toBe(true)
  })

  it('drops expired windows as new clients come', async () => {
    const time = clock()
    const limiter = createMemoryRateLimiter({ limit: 1, now: time.now })
    for (let i = 0; i < 500; i++) await limiter.hit(`client-${i}`)
    time.advance(60_000)
    await limiter.hit('late')
    expect(limiter.size).toBe(1)
  })
})

describe('rate limiting /api/answer', () => {
  it('answers 429 with Retry-After and RateLimit headers over the limit', async () => {
    const { app, time } = limitedApp(2)
    const first = await app.request('/api/answer?q=hello', from('a'))
    expect(first.status).toBe(200)
    expect(first.headers.get('RateLimit-Limit')).toBe('2')
    expect(first.headers.get('RateLimit-Remaining')).toBe('1')
    expect(first.headers.get('RateLimit-Reset')).toBe('60')
    time.advance(20_000)
    expect(
      (await app.request('/api/answer', json({ question: 'hello' }, from('a').headers))).status,
    ).toBe(200)
    const over = await app.request('/api/answer?q=hello', from('a'))
    expect(over.status).toBe(429)
    expect(over.headers.get('Retry-After')).toBe('40')
    expect(over.headers.get('RateLimit-Remaining')).toBe('0')
    expect(await over.json()).toEqual({
      error: { code: 'rate_limited', message: 'too many requests; try again in 40 s' },
    })
  })

  it('counts each client apart', async () => {
    const { app } = limitedApp(1)
    expect((await app.request('/api/answer?q=hi', from('a'))).status).toBe(200)
    expect((await app.request('/api/answer?q=hi', from('a'))).status).toBe(429)
    expect((await app.request('/api/answer?q=hi', from('b'))).status).toBe(200)
  })

  it('lets the client in again after the window', async () => {
    const { app, time } = limitedApp(1)
    await app.request('/api/answer?q=hi')
    expect((await app.request('/api/answer?q=hi')).status).toBe(429)
    time.advance(60_000)
    expect((await app.request('/api/answer?q=hi')).status).toBe(200)
  })

  it('counts malformed requests too, but not preflights or other routes', async () => {
    const { app } = limitedApp(1)
    const preflight = {
      method: 'OPTIONS',
      headers: { Origin: 'https://allowed.example', 'Access-Control-Request-Method': 'POST' },
    }
    expect((await app.request('/api/answer', preflight)).status).toBe(204)
    expect((await app.request('/healthz')).status).toBe(200)
    expect((await app.request('/api/answer', json('{bad'))).status).toBe(400)
    expect((await app.request('/api/answer?q=hi')).status).toBe(429)
  })

  it('does not limit when rateLimitPerMinute is 0', async () => {
    const { app } = limitedApp(0)
    for (let i = 0; i < 100; i++) {
      const res = await app.request('/api/answer?q=hi')
      expect(res.status).toBe(200)
      expect(res.headers.get('RateLimit-Limit')).toBeNull()
    }
  })

  it('takes any RateLimiter, such as a platform binding', async () => {
    const keys: string[] = []
    const rateLimiter: RateLimiter = {
      async hit(key) {
        keys.push(key)
        return { ok: false, retryAfter: 7, remaining: 0, limit: 60 }
      },
    }
    const { app } = testApp({
      config: { rateLimitPerMinute: 60 },
      rateLimiter,
      clientKey: () => '203.0.113.9',
    })
    const res = await app.request('/api/answer?q=hi')
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('7')
    expect(res.headers.get('RateLimit-Reset')).toBeNull()
    expect(keys).toEqual(['203.0.113.9'])
  })
})

describe('rate limiting POST /api/feedback', () => {
  const feedback = (client: string) =>
    json({ answerId: 'a-1', helpful: true }, { 'X-Test-Client': client })

  it('answers 429 with Retry-After over the limit, counted per client', async () => {
    const { app, time } = limitedApp(2)
    // no store here: feedback is refused with 503, and still counts
    expect((await app.request('/api/feedback', feedback('a'))).status).toBe(503)
    time.advance(10_000)
    expect((await app.request('/api/feedback', feedback('a'))).status).toBe(503)
    const over = await app.request('/api/feedback', feedback('a'))
    expect(over.status).toBe(429)
    expect(over.headers.get('Retry-After')).toBe('50')
    expect((await over.json()).error.code).toBe('rate_limited')
    expect((await app.request('/api/feedback', feedback('b'))).status).toBe(503)
  })

  it('keeps a budget apart from the answers', async () => {
    const { app } = limitedApp(1)
    expect((await app.request('/api/feedback', feedback('a'))).status).toBe(503)
    expect((await app.request('/api/feedback', feedback('a'))).status).toBe(429)
    expect((await app.request('/api/answer?q=hi', from('a'))).status).toBe(200)
    expect((await app.request('/api/answer?q=hi', from('a'))).status).toBe(429)
  })

  it('does not limit when rateLimitPerMinute is 0', async () => {
    const { app } = limitedApp(0)
    for (let i = 0; i < 100; i++)
      expect((await app.request('/api/feedback', feedback('a'))).status).toBe(503)
  })
})
