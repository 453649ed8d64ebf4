/** CORS: allowed origins and our own may call the API from a browser; others get no grant; /widget.js is open. */
import { describe, expect, it } from 'vitest'
import { json, testApp } from './helpers'

const { app } = testApp({ config: { allowedOrigins: ['https://allowed.example'] } })

const preflight = (origin: string, path = '/api/answer') =>
  app.request(path, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  })

describe('cors', () => {
  it('grants an allowed origin and varies on Origin', async () => {
    const res = await app.request(
      '/api/answer',
      json({ question: 'hi' }, { Origin: 'https://allowed.example' }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://allowed.example')
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id')
    expect(res.headers.get('Vary')).toBe('Origin')
  })

  it('gives no grant to another origin', async () => {
    const res = await app.request('/api/answer?q=hi', {
      headers: { Origin: 'https://evil.example' },
    })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(res.headers.get('Vary')).toBe('Origin')
  })

  it('never grants the null origin', async () => {
    const res = await app.request('/api/answer?q=hi', { headers: { Origin: 'null' } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect((await preflight('null')).status).toBe(403)
  })

  it('grants our own origin without listing it', async () => {
    const res = await app.request('http://citable.test/api/answer?q=hi', {
      headers: { Origin: 'http://citable.test' },
    })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://citable.test')
  })

  it('answers a preflight from an allowed origin with the methods of the path', async () => {
    const res = await preflight('https://allowed.example')
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://allowed.example')
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, POST')
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type, X-Request-Id')
    expect(res.headers.get('Access-Control-Max-Age')).toBe('600')
  })

  it('refuses a preflight from another origin with 403 JSON and no grant', async () => {
    const res = await preflight('https://evil.example')
    expect(res.status).toBe(403)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(await res.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'origin https://evil.example may not call this service',
      },
    })
  })

  it('leaves a preflight to an unknown path to the 404', async () => {
    const res = await preflight('https://allowed.example', '/nope')
    expect(res.status).toBe(404)
    // an allowed page may read our errors too
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://allowed.example')
  })

  it('lets any page load /widget.js', async () => {
    const res = await app.request('/widget.js', { headers: { Origin: 'https://evil.example' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    const pre = await preflight('https://evil.example', '/widget.js')
    expect(pre.status).toBe(204)
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  it('compares the whole origin with ours: another scheme or port is another origin', async () => {
    for (const origin of [
      'ftp://citable.test',
      'https://citable.test',
      'http://citable.test:8080',
    ]) {
      const res = await app.request('http://citable.test/api/answer?q=hi', {
        headers: { Origin: origin },
      })
      expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBeNull()
    }
  })
})

describe('cors with our public origin known', () => {
  it('grants exactly PUBLIC_URL, whatever host the request was addressed to', async () => {
    const { app } = testApp({ config: { publicUrl: 'https://citable.example.org' } })
    const behindProxy = (origin: string) =>
      app.request('http://10.0.0.5:8787/api/answer?q=hi', { headers: { Origin: origin } })
    const ours = await behindProxy('https://citable.example.org')
    expect(ours.headers.get('Access-Control-Allow-Origin')).toBe('https://citable.example.org')
    const internal = await behindProxy('http://10.0.0.5:8787')
    expect(internal.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('trusts the listening address the runtime gives, not the Host the client sent', async () => {
    const { app } = testApp({ ownOrigins: () => ['http://127.0.0.1:8787'] })
    const spoofed = await app.request('http://evil/api/answer?q=hi', {
      headers: { Origin: 'http://evil', Host: 'evil' },
    })
    expect(spoofed.headers.get('Access-Control-Allow-Origin')).toBeNull()
    const ours = await app.request('http://127.0.0.1:8787/api/answer?q=hi', {
      headers: { Origin: 'http://127.0.0.1:8787' },
    })
    expect(ours.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:8787')
  })
})
