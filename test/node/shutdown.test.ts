/** SIGTERM: the server stops accepting, answers every request it has received (queued keep-alive ones too), and exits 0. */
import { Agent, createServer, request } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import {
  answerable,
  botToken,
  mentionEnvelope,
  secret,
  signedHeaders,
  waitFor,
} from '../slack/helpers'
import { tempDir } from '../store/helpers'
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

  it('waits for work an answer left running (a Slack reply, its log write) before it exits 0', async () => {
    // a Slack Web API that holds its answer to chat.postMessage until the test lets it go
    let release!: () => void
    const held = new Promise<void>((done) => {
      release = done
    })
    const posted: string[] = []
    const slack = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        posted.push(req.url ?? '')
        void held.then(() =>
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"ts":"1.2"}'),
        )
      })
    })
    await new Promise<void>((done) => slack.listen(0, '127.0.0.1', done))
    const dataDir = tempDir()
    const server = spawnServer({
      RATE_LIMIT_PER_MINUTE: '0',
      DATA_DIR: dataDir,
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: botToken,
      SLACK_API_BASE: `http://127.0.0.1:${(slack.address() as AddressInfo).port}/api`,
    })
    const port = await server.port
    const body = JSON.stringify(
      mentionEnvelope({
        eventId: 'Ev-drain-1',
        text: `<@UBOT> ${answerable}`,
        ts: '1700000000.000100',
      }),
    )
    const ack = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { ...signedHeaders(body, 'json'), connection: 'close' },
      body,
    })
    expect(ack.status).toBe(200)
    await waitFor(() => posted.length === 1)

    server.child.kill('SIGTERM')
    await server.waitFor((l) => String(l.msg).startsWith('SIGTERM'))
    // every request is answered, but the reply is still on its way: the process must not end yet
    const early = await Promise.race([
      server.exited.then(() => 'exited'),
      sleep(500).then(() => 'waiting'),
    ])
    expect(early).toBe('waiting')
    release()
    expect(await server.exited).toBe(0)
    expect(server.lines.at(-1)?.msg).toBe('stopped')
    slack.close()
    // and the answer it gave is in the question log
    const db = createClient({ url: `file:${dataDir}/citable.db` })
    const rows = await db.execute("SELECT question FROM question_log WHERE channel = 'slack'")
    db.close()
    expect(rows.rows.map((r) => r.question)).toEqual([answerable])
  })
})
