/** SIGTERM: the server stops accepting, answers every request it has received (queued keep-alive ones too), and exits 0. */
import { Agent, request } from 'node:http'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { spawnNpmStart, spawnServer } from './spawn'

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

/** true while a process with this pid exists */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

interface Outcome {
  status?: number
  connection?: string
  /** the error code when the request failed */
  error?: string
  /** whether it went out on a connection that had carried a request before */
  reused: boolean
}

function ask(port: number, agent: Agent, question: string): Promise<Outcome> {
  return new Promise((done) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/answer',
        agent,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume()
        res.on('end', () =>
          done({
            status: res.statusCode,
            connection: res.headers.connection,
            reused: req.reusedSocket,
          }),
        )
        res.on('error', (e: NodeJS.ErrnoException) =>
          done({ error: e.code ?? e.message, reused: req.reusedSocket }),
        )
      },
    )
    req.on('error', (e: NodeJS.ErrnoException) =>
      done({ error: e.code ?? e.message, reused: req.reusedSocket }),
    )
    req.end(JSON.stringify({ question }))
  })
}

describe('SIGTERM', () => {
  it('drains under load when sent to the pid `npm start` gives, and leaves no process behind', async () => {
    const npm = spawnNpmStart({ RATE_LIMIT_PER_MINUTE: '0' })
    const listening = await npm.waitFor((l) => typeof l.port === 'number')
    const port = listening.port as number
    const serverPid = listening.pid as number
    expect(serverPid).not.toBe(npm.child.pid)
    const agent = new Agent({ keepAlive: true, maxSockets: 8 })
    const outcomes: Outcome[] = []
    let signalled = false
    let afterSignal = 0
    // eight clients asking back to back until the service stops taking connections
    const clients = Array.from({ length: 8 }, async () => {
      for (;;) {
        const outcome = await ask(port, agent, 'How many pilots did MOHURD run?')
        outcomes.push(outcome)
        if (signalled && outcome.status === 200) afterSignal++
        if (outcome.error) return
      }
    })
    while (outcomes.length < 200) await sleep(10)
    npm.child.kill('SIGTERM')
    signalled = true
    await Promise.all(clients)
    expect(await npm.exited).toBe(0)
    agent.destroy()

    const failed = outcomes.filter((o) => o.error && !(o.error === 'ECONNREFUSED' && !o.reused))
    // every request the server received was answered; only new connections were refused
    expect(failed).toEqual([])
    expect(outcomes.filter((o) => o.status !== undefined && o.status !== 200)).toEqual([])
    expect(outcomes.filter((o) => o.error === 'ECONNREFUSED')).toHaveLength(8)
    expect(afterSignal).toBeGreaterThan(0)
    expect(npm.lines.at(-1)?.msg).toBe('stopped')
    expect(alive(serverPid)).toBe(false)
  })

  it('answers requests written on idle keep-alive connections just after the signal', async () => {
    const server = spawnServer({ RATE_LIMIT_PER_MINUTE: '0' })
    const port = await server.port
    const agent = new Agent({ keepAlive: true, maxSockets: 20 })
    // twenty connections, each idle after one answer
    const warm = await Promise.all(Array.from({ length: 20 }, () => ask(port, agent, 'hi')))
    expect(warm.map((o) => o.status)).toEqual(Array(20).fill(200))
    server.child.kill('SIGTERM')
    // the server has taken the signal and closed its listener; the connections stay usable a moment
    await server.waitFor((l) => String(l.msg).startsWith('SIGTERM'))
    const queued = await Promise.all(
      Array.from({ length: 20 }, () => ask(port, agent, 'How many pilots did MOHURD run?')),
    )
    expect(queued.every((o) => o.reused)).toBe(true)
    expect(queued.map((o) => o.error ?? o.status)).toEqual(Array(20).fill(200))
    // each connection ends with its answer
    expect(queued.map((o) => o.connection)).toEqual(Array(20).fill('close'))
    expect(await server.exited).toBe(0)
    agent.destroy()
  })

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

  it('does not wait long for idle keep-alive connections', async () => {
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
