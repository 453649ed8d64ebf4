/** SIGTERM: the server stops accepting, finishes what is in flight, and exits 0. */
import { Agent, request } from 'node:http'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { spawnServer } from './spawn'

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** true when a new TCP connection to the port is refused */
function refused(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      done(false)
    })
    socket.once('error', () => done(true))
  })
}

describe('SIGTERM', () => {
  it('finishes a request whose body is still arriving, then exits 0', async () => {
    const server = spawnServer({ RATE_LIMIT_PER_MINUTE: '0' })
    const port = await server.port
    const agent = new Agent({ keepAlive: true })
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/answer',
      agent,
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    })
    const response = new Promise<{
      status: number
      headers: Record<string, unknown>
      body: string
    }>((done, fail) => {
      req.on('response', (res) => {
        let body = ''
        res.on('data', (d) => {
          body += d
        })
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body }))
      })
      req.on('error', fail)
    })
    // the first half of the body: the server has the request and waits for the rest
    req.write('{"question": "How many pilots')
    await sleep(500)

    server.child.kill('SIGTERM')
    const stopping = await server.waitFor((l) => String(l.msg).startsWith('SIGTERM'))
    expect(stopping.msg).toBe('SIGTERM: no new connections; finishing 1 requests')
    expect(await refused(port)).toBe(true)

    req.end(' did MOHURD run?"}')
    const res = await response
    expect(res.status).toBe(200)
    // the keep-alive connection is closed with this answer, so it cannot hold the exit up
    expect(res.headers.connection).toBe('close')
    const answer = JSON.parse(res.body)
    expect(typeof answer.answer).toBe('string')
    expect(typeof answer.sessionId).toBe('string')
    expect(await server.exited).toBe(0)
    agent.destroy()
  })

  it('does not wait for idle keep-alive connections', async () => {
    const server = spawnServer()
    const port = await server.port
    const agent = new Agent({ keepAlive: true })
    const status = await new Promise<number>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode!))
      })
      req.on('error', fail)
      req.end()
    })
    expect(status).toBe(200)
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.lines.at(-1)?.msg).toBe('stopped')
    agent.destroy()
  })
})
