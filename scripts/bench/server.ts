/** Starts the real Node server as a child on 127.0.0.1, waits for /healthz, and reads its RSS from /proc. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './child'

export interface RunningServer {
  child: ChildProcess
  pid: number
  url: string
  /** process spawn to the first 200 from /healthz, ms (asked again as soon as it logs that it listens) */
  readyMs: number
  /** when it listened, on its own clock (ms since node started it), as it logged */
  listeningAtMs?: number
  /** what the server logged as its indexing time */
  indexedMs?: number
  /** how it compiled the bundle, as it logged (code-cache.ts); undefined for a bundle without one */
  codeCache?: string
  stop: () => Promise<void>
  /** how the server ended when it ended on its own (a crash under load), with its last stderr */
  died: () => string | undefined
}

/** a port nobody listens on right now (the kernel picks it) */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** resident set size in bytes from /proc/<pid>/status (Linux); 0 once the process is gone */
export function rssOrZero(pid: number): number {
  try {
    return rssOf(pid)
  } catch {
    return 0
  }
}

/** resident set size of a process in bytes, from /proc/<pid>/status (Linux) */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!kb) throw new Error(`no VmRSS for process ${pid}`)
  return Number(kb[1]) * 1024
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** the server through tsx, as it ran before there was a build: for comparison only */
export const tsxServer = ['--import', 'tsx', 'src/runtime/node/server.ts']

/**
 * The node arguments of package.json's start script ("exec node <args>"), so the benchmark
 * runs exactly what `npm start` runs (the heap cap included), without npm in between.
 */
export function productionServer(): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))
  const match = /^exec node (.+)$/.exec(pkg.scripts.start as string)
  if (!match) throw new Error(`the start script is not "exec node ...": ${pkg.scripts.start}`)
  // as the shell expands it: ${HEAP_MB:-128} is HEAP_MB when set, else 128
  return match[1]!
    .replace(
      /\$\{(\w+):-([^}]*)\}/g,
      (_, name: string, fallback: string) => process.env[name] || fallback,
    )
    .split(/\s+/)
}

/** what npm start's prestart does: build dist/node/server.mjs when it is missing or stale */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: repoRoot,
    stdio: 'ignore',
  })
}

/** starts `node <args>` (what `npm start` runs unless told otherwise) and waits for /healthz */
export async function startServer(
  env: Record<string, string> = {},
  args: string[] = productionServer(),
): Promise<RunningServer> {
  if (args.some((a) => a.startsWith('dist/'))) ensureBuilt()
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '0',
      // a fresh store per server unless the caller names one: a start seeds it from corpus/
      DATA_DIR: mkdtempSync(join(tmpdir(), 'citable-bench-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let indexedMs: number | undefined
  let codeCache: string | undefined
  let listeningAtMs: number | undefined
  let stderr = ''
  let exited: number | null = null
  let exitSignal: NodeJS.Signals | null = null
  // the server logs a line per request: read them all so the pipe never fills and blocks it
  let pending = ''
  let listened = () => {}
  const listening = new Promise<void>((done) => {
    listened = done
  })
  child.stdout!.on('data', (d: Buffer) => {
    pending += d
    const lines = pending.split('\n')
    pending = lines.pop()!
    if (indexedMs !== undefined) return
    for (const line of lines) {
      if (line.includes('"listeningAtMs"')) listened()
      const m = /"indexedMs":(\d+)/.exec(line)
      if (m) indexedMs = Number(m[1])
      codeCache ??= /"codeCache":"(\w+)"/.exec(line)?.[1]
      const at = /"listeningAtMs":(\d+)/.exec(line)
      if (at) listeningAtMs = Number(at[1])
    }
  })
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d
  })
  let stopping = false
  child.on('exit', (code, signal) => {
    exited = code ?? -1
    exitSignal = signal
  })
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (exited !== null) throw new Error(`the server exited with ${exited}: ${stderr.trim()}`)
    if (performance.now() - started > 60_000) throw new Error('the server was not ready in 60 s')
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    // the server's listening line says when to ask again; polling every few ms instead took a
    // share of the cores from the starting server and added up to a poll's delay to the time
    await Promise.race([listening, sleep(100)])
  }
  const readyMs = performance.now() - started
  // the log line may trail the first answer by a moment
  for (let i = 0; i < 100 && indexedMs === undefined; i++) await sleep(10)
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true
      if (exited !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref()
    })
  const died = () =>
    exited === null || stopping
      ? undefined
      : `the server exited (${exitSignal ?? `code ${exited}`})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ').slice(0, 400)}` : ''}`
  return { child, pid: child.pid!, url, readyMs, indexedMs, listeningAtMs, codeCache, stop, died }
}
