/** Runs the Node server the way production does, in a child process, and watches its output. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { seedCorpus } from '../corpora'

const root = resolve(import.meta.dirname, '../..')

export interface Spawned {
  child: ChildProcess
  /** stdout lines so far that are JSON (the server logs JSON lines; npm's own lines are skipped) */
  lines: Record<string, unknown>[]
  stderr: () => string
  /** the exit code once the process ends */
  exited: Promise<number | null>
  /** the port from the "listening" line; rejects if the server exits first */
  port: Promise<number>
  /** resolves with the first log line that satisfies the test */
  waitFor: (test: (line: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>
}

let built = false

/** the bundle `npm start` runs, built when missing or stale (what npm start's prestart does);
 * checked once per test file, since the sources do not change while the tests run */
export function ensureBuilt(): void {
  if (built) return
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'ignore',
  })
  built = true
}

const baseEnv = (env: Record<string, string>) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  HOST: '127.0.0.1',
  PORT: '0',
  // the seed fixture, not corpus/: what a user keeps there is not what the tests expect
  CORPUS_DIR: seedCorpus,
  // each server its own store, unless the test shares one on purpose
  DATA_DIR: mkdtempSync(join(tmpdir(), 'citable-store-')),
  ...env,
})

/**
 * `node dist/node/server.mjs`: what `npm start` runs after its build check, without npm, so
 * the child is the server itself.
 */
export function spawnServer(env: Record<string, string> = {}, nodeArgs: string[] = []): Spawned {
  ensureBuilt()
  return watch(
    spawn(process.execPath, [...nodeArgs, 'dist/node/server.mjs'], {
      cwd: root,
      env: baseEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
}

/** `npm start`, exactly as the README says: the child is npm */
export function spawnNpmStart(env: Record<string, string> = {}): Spawned {
  return watch(
    spawn('npm', ['start'], { cwd: root, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }),
  )
}

function watch(child: ChildProcess): Spawned {
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
      if (!part.startsWith('{')) continue
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
  // 'close', not 'exit': by then everything the child wrote to stdout and stderr has been read
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
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
