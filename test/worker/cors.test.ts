/** Same-origin CORS on the Worker by PUBLIC_URL's exact origin, as on Node: scheme, host and port, never Host. */
import { describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0', PUBLIC_URL: 'https://citable.example.org/' })

const askFrom = (origin: string, headers: Record<string, string> = {}) =>
  worker.fetch('/api/answer?q=hello', { headers: { origin, ...headers } })

describe('CORS on the Worker with PUBLIC_URL', () => {
  it('lets the public origin call the API', async () => {
    const res = await askFrom('https://citable.example.org')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://citable.example.org')
  })

  it('refuses another scheme, another port and the routed host once PUBLIC_URL names the origin', async () => {
    for (const origin of [
      'http://citable.example.org',
      'https://citable.example.org:8443',
      // the URL the Worker was reached at: PUBLIC_URL wins over it
      'http://localhost',
    ]) {
      const res = await askFrom(origin)
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull()
      expect(res.headers.get('vary')).toContain('Origin')
    }
  })

  it('is not talked round by a Host header', async () => {
    const res = await askFrom('https://evil.example', { host: 'evil.example' })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a preflight from another origin with 403, and answers its own', async () => {
    const preflight = (origin: string) =>
      worker.fetch('/api/answer', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
    expect((await preflight('http://localhost')).status).toBe(403)
    const own = await preflight('https://citable.example.org')
    expect(own.status).toBe(204)
    expect(own.headers.get('access-control-allow-origin')).toBe('https://citable.example.org')
  })
})
