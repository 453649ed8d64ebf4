/** Over a real socket: headers, the log line, rate limiting by address, CORS by exact origin, Node's own refusals as JSON. */
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, describe, it } from 'vitest'
import { type Spawned, spawnServer } from './spawn'

const servers: Spawned[] = []
afterAll(async () => {
  for (const s of servers) s.child.kill('SIGTERM')
  await Promise.all(servers.map((s) => s.exited))
})

/** a raw HTTP/1.1 exchange: what the server wrote before it closed the connection, and when */
function raw(port: number, text: string): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1')
    const started = performance.now()
    let reply = ''
    socket.on('data', (d) => {
      reply += d
    })
    socket.on('error', fail)
    socket.on('close', () => done({ reply, closedAfterMs: performance.now() - started }))
    socket.write(text)
  })
}

/** GET with headers fetch() will not send (Host) */
function get(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume()
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', fail)
    req.end()
  })
}

async function started(env: Record<string, string>) {
  const server = spawnServer(env)
  servers.push(server)
  return { server, url: `http://127.0.0.1:${await server.port}` }
}

describe.concurrent('the Node server', () => {
  it('sends the security headers and a request id, and nothing about its stack', async ({
    expect,
  }) => {
    const { url } = await started({})
    const res = await fetch(`${url}/api/answer?q=${encodeURIComponent('How many pilots?')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get('Server')).toBeNull()
    expect(res.headers.get('X-Powered-By')).toBeNull()
  })

  it('logs one JSON line per request with the question length, never the question', async ({
    expect,
  }) => {
    const { server, url } = await started({})
    const res = await fetch(`${url}/api/answer`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer hush-hush' },
      body: JSON.stringify({ question: 'What did the confidential memo say?' }),
    })
    const id = res.headers.get('X-Request-Id')
    const line = await server.waitFor((l) => l.requestId === id)
    expect(line).toMatchObject({ method: 'POST', route: '/api/answer', status: 200 })
    expect(line.questionLength).toBe(35)
    expect(JSON.stringify(server.lines)).not.toMatch(/confidential|hush/)
  })

  it('limits each client by its address, whatever X-Forwarded-For says', async ({ expect }) => {
    const { url } = await started({ RATE_LIMIT_PER_MINUTE: '2' })
    const statuses: number[] = []
    for (const forwarded of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      const res = await fetch(`${url}/api/answer?q=hi`, {
        headers: { 'X-Forwarded-For': forwarded },
      })
      statuses.push(res.status)
      if (res.status === 429) expect(res.headers.get('Retry-After')).toMatch(/^\d+$/)
    }
    expect(statuses).toEqual([200, 200, 429])
  })

  it('trusts the client address header when CLIENT_IP_HEADER names it', async ({ expect }) => {
    const { url } = await started({
      RATE_LIMIT_PER_MINUTE: '1',
      CLIENT_IP_HEADER: 'X-Forwarded-For',
    })
    const ask = (forwarded: string) =>
      fetch(`${url}/api/answer?q=hi`, { headers: { 'X-Forwarded-For': forwarded } }).then(
        (r) => r.status,
      )
    // the proxy appends the address it saw: the last entry is the one to trust
    expect(await ask('10.0.0.1, 203.0.113.1')).toBe(200)
    expect(await ask('10.0.0.2, 203.0.113.1')).toBe(429)
    expect(await ask('203.0.113.2')).toBe(200)
  })

  it('falls back to the socket when the client address header is not an address', async ({
    expect,
  }) => {
    const { url } = await started({
      RATE_LIMIT_PER_MINUTE: '5',
      CLIENT_IP_HEADER: 'X-Forwarded-For',
    })
    const statuses: number[] = []
    // no proxy in front: a client rotating junk in the header is still one client
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${url}/api/answer?q=hi`, {
        headers: { 'X-Forwarded-For': `rotated-${i}-${'x'.repeat(2000)}` },
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
  })

  it('grants CORS to its own exact origin only, whatever Host says', async ({ expect }) => {
    const { url } = await started({})
    const port = Number(new URL(url).port)
    const path = '/api/answer?q=hi'
    const grant = async (headers: Record<string, string>) =>
      (await get(port, path, headers)).headers['access-control-allow-origin']
    expect(await grant({ Origin: url })).toBe(url)
    expect(await grant({ Origin: `http://localhost:${port}` })).toBe(`http://localhost:${port}`)
    expect(await grant({ Origin: 'http://evil', Host: 'evil' })).toBeUndefined()
    expect(await grant({ Origin: `ftp://127.0.0.1:${port}` })).toBeUndefined()
    expect(await grant({ Origin: `https://127.0.0.1:${port}` })).toBeUndefined()
  })

  it('answers a URL too long for Node with a JSON 431', async ({ expect }) => {
    const { url } = await started({})
    const port = Number(new URL(url).port)
    const { reply } = await raw(
      port,
      `GET /api/answer?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    )
    const [head, body] = reply.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/)
    expect(head).toContain('Content-Type: application/json; charset=utf-8')
    expect(JSON.parse(body!)).toEqual({
      error: {
        code: 'headers_too_large',
        message: 'the request line and headers must be at most 16 KiB',
      },
    })
  })

  it('answers bytes that are not HTTP with a JSON 400', async ({ expect }) => {
    const { url } = await started({})
    const { reply } = await raw(Number(new URL(url).port), 'HELLO\r\n\r\n')
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(JSON.parse(reply.split('\r\n\r\n')[1]!)).toEqual({
      error: { code: 'bad_request', message: 'the request is not valid HTTP' },
    })
  })

  it('closes a connection whose headers trickle after the 15 s header timeout, not 45 s', async ({
    expect,
  }) => {
    const { url } = await started({})
    // half a request line, then nothing: a slowloris client
    const { reply, closedAfterMs } = await raw(
      Number(new URL(url).port),
      'GET /healthz HTTP/1.1\r\nX-A: ',
    )
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(JSON.parse(reply.split('\r\n\r\n')[1]!)).toEqual({
      error: {
        code: 'request_timeout',
        message:
          'the request took too long: headers are due within 15 s, the whole request within 30 s',
      },
    })
    // the documented 15 s, checked every second: well before the 30 s check node makes by default
    expect(closedAfterMs).toBeGreaterThanOrEqual(14_500)
    expect(closedAfterMs).toBeLessThan(20_000)
  }, 40_000)
})
