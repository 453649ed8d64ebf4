/** Start-up: process spawn to /healthz ready over several restarts of what npm start runs (and first starts on an empty store), and what the time is spent on. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { repoRoot, runChild } from './child'
import {
  ensureBuilt,
  productionServer,
  type RunningServer,
  rssOf,
  startServer,
  tsxServer,
} from './server'
import { partsMarker, type StartupParts } from './startup-child'
import { median } from './stats'

export interface StartupResult {
  starts: number
  /** medians over the starts, each a restart on the store the untimed start made (its snapshot) */
  readyMs: number
  /** when the server listened, on its own clock (since node started the process) */
  listeningAtMs?: number
  indexedMs: number
  rssAtReady: number
  /** CPU time (user + system, all threads) the process had spent when it was ready: what a
   * shared machine's load does not stretch, unlike the wall time */
  cpuAtReadyMs: number
  /** wall time of the first question asked once ready, and of the second: what the first pays
   * for anything left to first use (wink's model was, until the start made it) */
  firstAnswerMs: number
  secondAnswerMs: number
  /** the same over as many first starts, each on an empty store: the pack is built on the build thread */
  firstStart?: { readyMs: number; indexedMs: number; cpuAtReadyMs: number }
  /** medians over as many in-process probes */
  parts: StartupParts
  /** the bundle npm start runs, imported by plain node with its flags (it does not start when
   * imported): node's boot up to the first line, and parsing and evaluating the bundle */
  bundle?: { bootMs: number; importMs: number }
  /** the same server through tsx, as `npm start` ran it before the build step: for comparison */
  tsx?: { readyMs: number; rssAtReady: number }
  /** how the timed restarts compiled the bundle (code-cache.ts): 'used' unless V8 refused it */
  codeCache?: string
  /**
   * the same sources built as before the code cache (one ESM bundle, wink's model inside it:
   * `node scripts/build.mjs --plain`), restarted in turn with the timed restarts above; ratio:
   * this build's ready time over theirs, the median of the rounds' ratios
   */
  plain?: { readyMs: number; cpuAtReadyMs: number; firstAnswerMs: number; ratio: number }
}

const childScript = fileURLToPath(new URL('./startup-child.ts', import.meta.url))

/** user + system CPU of a process so far, ms, from /proc/<pid>/stat (clock ticks of 10 ms) */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

interface StartTimes {
  readyMs: number
  listeningAtMs?: number
  indexedMs: number
  rssAtReady: number
  cpuAtReadyMs: number
  firstAnswerMs: number
  secondAnswerMs: number
  codeCache?: string
  /** the median over rounds of this way's ready time over the first way's */
  readyRatio: number
}

/**
 * Starts timed one after another. A restart, as a deployed service restarts: every start on
 * the one store that an untimed start seeded (its stored snapshot is what later starts load).
 * A first start: each on an empty store of its own, so each builds the pack. With several
 * ways of starting (node arguments), each round starts each of them in turn, so they share the
 * machine's load, and each is compared with the first by the ratio of their ready times.
 */
async function timeStarts(starts: number, ways: (string[] | undefined)[], first = false) {
  const runs = ways.map(() => ({
    servers: [] as Pick<RunningServer, 'readyMs' | 'indexedMs' | 'listeningAtMs' | 'codeCache'>[],
    rss: [] as number[],
    cpu: [] as number[],
    answers: [[], []] as [number[], number[]],
  }))
  const dataDirs = ways.map(() => mkdtempSync(join(tmpdir(), 'citable-bench-restart-')))
  const env = (i: number): Record<string, string> => (first ? {} : { DATA_DIR: dataDirs[i]! })
  // one start untimed: it builds the bundle (or fills tsx's transpile cache) and seeds the store
  for (const [i, args] of ways.entries()) await (await startServer(env(i), args)).stop()
  for (let round = 0; round < starts; round++)
    for (const [i, args] of ways.entries()) {
      const run = runs[i]!
      const server = await startServer(env(i), args)
      run.cpu.push(cpuOf(server.pid))
      run.servers.push(server)
      run.rss.push(rssOf(server.pid))
      for (const times of run.answers) times.push(await timeAnswer(server.url))
      await server.stop()
    }
  const readies = runs.map((r) => r.servers.map((s) => s.readyMs))
  return runs.map(
    (run, i): StartTimes => ({
      readyMs: median(readies[i]!),
      listeningAtMs: median(run.servers.flatMap((s) => s.listeningAtMs ?? [])),
      indexedMs: median(
        run.servers.flatMap((s) => (s.indexedMs === undefined ? [] : [s.indexedMs])),
      ),
      rssAtReady: median(run.rss),
      cpuAtReadyMs: median(run.cpu),
      firstAnswerMs: median(run.answers[0]),
      secondAnswerMs: median(run.answers[1]),
      codeCache: run.servers.at(-1)?.codeCache,
      readyRatio: median(readies[i]!.map((ms, round) => ms / readies[0]![round]!)),
    }),
  )
}

/** node's boot and the bundle's import, in a fresh plain node with the start script's flags */
function timeBundleImport(): { bootMs: number; importMs: number } {
  ensureBuilt()
  const args = productionServer()
  const bundle = pathToFileURL(`${repoRoot}/${args.at(-1)}`).href
  // a script file, not -e: node's flags are then the start script's alone, as the code cache is keyed on them
  const probe = join(mkdtempSync(join(tmpdir(), 'citable-bench-import-')), 'import.mjs')
  writeFileSync(
    probe,
    `const boot = performance.now(); await import(${JSON.stringify(bundle)}); console.log(JSON.stringify({ bootMs: boot, importMs: performance.now() - boot }))\n`,
  )
  const out = execFileSync(process.execPath, [...args.slice(0, -1), probe], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').at(-1)!)
}

/** the start script's arguments with the bundle as built before the code cache */
function plainServer(): string[] {
  execFileSync(process.execPath, ['scripts/build.mjs', '--plain'], {
    cwd: repoRoot,
    stdio: 'ignore',
  })
  const args = productionServer()
  return [...args.slice(0, -1), 'dist/plain/node/server.mjs']
}

/** one question from the shipped corpus over HTTP, wall ms */
async function timeAnswer(url: string): Promise<number> {
  const started = performance.now()
  const res = await fetch(
    `${url}/api/answer?q=${encodeURIComponent('How many pilots did MOHURD run?')}`,
  )
  if (res.status !== 200) throw new Error(`the first question got ${res.status}`)
  await res.arrayBuffer()
  return performance.now() - started
}

export async function measureStartup(starts: number): Promise<StartupResult> {
  const [plain, production] = await timeStarts(starts, [plainServer(), undefined])
  const [first] = await timeStarts(starts, [undefined], true)
  const parts: StartupParts[] = []
  for (let i = 0; i < starts; i++)
    parts.push(await runChild<StartupParts>(childScript, [], partsMarker, { timeoutMs: 60_000 }))
  const mid = (f: (p: StartupParts) => number) => median(parts.map(f))
  const imports = Array.from({ length: starts }, timeBundleImport)
  let tsx: StartupResult['tsx']
  try {
    const [t] = await timeStarts(starts, [tsxServer])
    tsx = { readyMs: t!.readyMs, rssAtReady: t!.rssAtReady }
  } catch (error) {
    process.stderr.write(`  startup: no tsx start (${(error as Error).message})\n`)
  }
  const { readyRatio: _, ...restart } = production!
  return {
    starts,
    ...restart,
    plain: {
      readyMs: plain!.readyMs,
      cpuAtReadyMs: plain!.cpuAtReadyMs,
      firstAnswerMs: plain!.firstAnswerMs,
      ratio: production!.readyRatio,
    },
    firstStart: {
      readyMs: first!.readyMs,
      indexedMs: first!.indexedMs,
      cpuAtReadyMs: first!.cpuAtReadyMs,
    },
    parts: {
      importMs: mid((p) => p.importMs),
      modelMs: mid((p) => p.modelMs),
      buildMs: mid((p) => p.buildMs),
      loadMs: mid((p) => p.loadMs),
      bootMs: mid((p) => p.bootMs),
    },
    bundle: {
      bootMs: median(imports.map((i) => i.bootMs)),
      importMs: median(imports.map((i) => i.importMs)),
    },
    tsx,
  }
}
