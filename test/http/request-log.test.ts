/** A request id on every response; one log line per request with fixed fields and nothing secret. */
import { describe, expect, it } from 'vitest'
import { json, testApp, testService } from './helpers'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('request id', () => {
  it('makes one for every response, errors included', async () => {
    const { app } = testApp()
    for (const path of ['/healthz', '/nope', '/api/answer']) {
      const res = await app.request(path)
      expect(res.headers.get('X-Request-Id')).toMatch(uuid)
    }
  })

  it('keeps a sane incoming id', async () => {
    const { app, logs } = testApp()
    const res = await app.request('/healthz', { headers: { 'X-Request-Id': 'edge_1234-abcd' } })
    expect(res.headers.get('X-Request-Id')).toBe('edge_1234-abcd')
    expect(logs[0]!.requestId).toBe('edge_1234-abcd')
  })

  it('replaces an incoming id that is too short, too long or odd', async () => {
    const { app } = testApp()
    for (const id of [
      'short',
      'a'.repeat(65),
      'has space in it',
      'line\\nbreak-1234',
      '<script>x</script>',
    ]) {
      const res = await app.request('/healthz', { headers: { 'X-Request-Id': id } })
      expect(res.headers.get('X-Request-Id')).toMatch(uuid)
    }
  })
})

describe('log line', () => {
  it('logs one line per request with id, method, route, status, ms, intent and abstained', async () => {
    const { app, logs } = testApp()
    const res = await app.request(
      '/api/answer',
      json({ question: '  How many pilots did MOHURD run? ' }),
    )
    const body = await res.json()
    expect(logs).toHaveLength(1)
    expect(logs[0]).toEqual({
      level: 'info',
      requestId: res.headers.get('X-Request-Id'),
      method: 'POST',
      route: '/api/answer',
      status: 200,
      ms: expect.any(Number),
      intent: body.intent,
      abstained: body.abstained,
      questionLength: 31,
    })
  })

  it('logs the route pattern, not the path', async () => {
    const { app, logs } = testApp()
    await app.request('/api/documents/some-private-name')
    await app.request('/no/such/path')
    expect(logs.map((l) => [l.route, l.status])).toEqual([
      ['/api/documents/:docId', 404],
      ['(none)', 404],
    ])
  })

  it('never logs tokens, signatures, Authorization or the question', async () => {
    const { app, logs } = testApp()
    const secrets = {
      Authorization: 'Bearer sk-live-SECRET1',
      'X-Slack-Signature': 'v0=SECRET2',
      Cookie: 'session=SECRET3',
    }
    await app.request('/api/answer', json({ question: 'my SECRET4 question' }, secrets))
    await app.request('/api/answer?q=my%20SECRET5%20question', { headers: secrets })
    await app.request('/hooks/outgoing', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...secrets },
      body: 'token=SECRET6&text=SECRET7',
    })
    await app.request('/slack/commands', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...secrets },
      body: 'token=SECRET8&text=SECRET9',
    })
    expect(logs.length).toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(logs)).not.toMatch(/SECRET|sk-live|v0=/)
  })
})

describe('internal errors', () => {
  it('answer 500 with the request id and no stack, and log the failure', async () => {
    const broken = {
      ...testService(),
      now: () => {
        throw new Error('boom in /srv/citable/secret.ts')
      },
    }
    const { app, logs } = testApp({ service: broken })
    const res = await app.request('/api/answer?q=hello')
    const id = res.headers.get('X-Request-Id')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({
      error: { code: 'internal', message: `something went wrong (request id ${id})` },
    })
    expect(logs.map((l) => [l.level, l.requestId, l.status ?? l.error])).toEqual([
      ['error', id, 'Error: boom in /srv/citable/secret.ts'],
      ['error', id, 500],
    ])
  })
})
