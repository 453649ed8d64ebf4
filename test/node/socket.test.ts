/** Over a real socket: headers, the log line on stdout, and rate limiting keyed on the client's address. */
import { afterAll, describe, it } from 'vitest'
import { type Spawned, spawnServer } from './spawn'

const servers: Spawned[] = []
afterAll(async () => {
  for (const s of servers) s.child.kill('SIGTERM')
  await Promise.all(servers.map((s) => s.exited))
})

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
})
