/** Start-up: process spawn to /healthz ready over several fresh starts of what npm start runs, and what the time is spent on. */
import { fileURLToPath } from 'node:url'
import { runChild } from './child'
import { type RunningServer, rssOf, startServer, tsxServer } from './server'
import { partsMarker, type StartupParts } from './startup-child'
import { median } from './stats'

export interface StartupResult {
  starts: number
  /** medians over the starts */
  readyMs: number
  indexedMs: number
  rssAtReady: number
  /** medians over as many in-process probes */
  parts: StartupParts
  /** the same server through tsx, as `npm start` ran it before the build step: for comparison */
  tsx?: { readyMs: number; rssAtReady: number }
}

const childScript = fileURLToPath(new URL('./startup-child.ts', import.meta.url))

async function timeStarts(starts: number, args?: string[]) {
  const servers: Pick<RunningServer, 'readyMs' | 'indexedMs'>[] = []
  const rss: number[] = []
  // one start untimed: the build (or tsx's transpile cache) is made on the first run of a fresh clone
  await (await startServer({}, args)).stop()
  for (let i = 0; i < starts; i++) {
    const server = await startServer({}, args)
    servers.push(server)
    rss.push(rssOf(server.pid))
    await server.stop()
  }
  return {
    readyMs: median(servers.map((s) => s.readyMs)),
    indexedMs: median(servers.flatMap((s) => (s.indexedMs === undefined ? [] : [s.indexedMs]))),
    rssAtReady: median(rss),
  }
}

export async function measureStartup(starts: number): Promise<StartupResult> {
  const production = await timeStarts(starts)
  const parts: StartupParts[] = []
  for (let i = 0; i < starts; i++)
    parts.push(await runChild<StartupParts>(childScript, [], partsMarker, { timeoutMs: 60_000 }))
  const mid = (f: (p: StartupParts) => number) => median(parts.map(f))
  let tsx: StartupResult['tsx']
  try {
    const t = await timeStarts(starts, tsxServer)
    tsx = { readyMs: t.readyMs, rssAtReady: t.rssAtReady }
  } catch (error) {
    process.stderr.write(`  startup: no tsx start (${(error as Error).message})\n`)
  }
  return {
    starts,
    ...production,
    parts: {
      importMs: mid((p) => p.importMs),
      modelMs: mid((p) => p.modelMs),
      buildMs: mid((p) => p.buildMs),
      loadMs: mid((p) => p.loadMs),
      bootMs: mid((p) => p.bootMs),
    },
    tsx,
  }
}
