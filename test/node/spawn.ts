/** Runs the Node server as `npm start` would, in a child process, and watches its output. */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export interface Spawned {
  child: ChildProcess
  /** stdout lines so far, parsed (the server logs JSON lines) */
  lines: Record<string, unknown>[]
  stderr: () => string
  /** the exit code once the process ends */
  exited: Promise<number | null>
  /** the port from the "listening" line; rejects if the server exits first */
  port: Promise<number>
  /** resolves with the first log line that satisfies the test */
  waitFor: (test: (line: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>
}

/**
 * `node --import tsx src/runtime/node/server.ts`: the same code `npm start` (tsx) runs, but the
 * child is the server itself, so a signal sent to it reaches the server and not a wrapper.
 */
export function spawnServer(env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/runtime/node/server.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: '0',
      // each server its own store, unless the test shares one on purpose
      DATA_DIR: mkdtempSync(join(tmpdir(), 'citable-store-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: Record<string, unknown>[] = []
  const waiters: {
    test: (l: Record<string, unknown>) => boolean
    done: (l: Record<string, unknown>) => void
  }[] = []
  let pending = ''
  let err = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk
    const parts = pending.split('\n')
    pending = parts.pop()!
    for (const part of parts) {
      const line = JSON.parse(part) as Record<string, unknown>
      lines.push(line)
      for (const w of [...waiters])
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1)
          w.done(line)
        }
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk
  })
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const waitFor = (test: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((done, fail) => {
      const seen = lines.find(test)
      if (seen) return done(seen)
      waiters.push({ test, done })
      void exited.then((code) => fail(new Error(`the server exited (${code}): ${err}`)))
    })
  const port = waitFor((l) => typeof l.port === 'number').then((l) => l.port as number)
  // a failed start rejects port; tests that expect the failure do not await it
  port.catch(() => {})
  return { child, lines, stderr: () => err, exited, port, waitFor }
}
