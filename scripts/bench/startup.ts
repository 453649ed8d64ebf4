/** Start-up: process spawn to /healthz ready over several fresh starts, and what the time is spent on. */
import { fileURLToPath } from 'node:url'
import { runChild } from './child'
import { rssOf, startServer } from './server'
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
}

const childScript = fileURLToPath(new URL('./startup-child.ts', import.meta.url))

export async function measureStartup(starts: number): Promise<StartupResult> {
  const ready: number[] = []
  const indexed: number[] = []
  const rss: number[] = []
  const parts: StartupParts[] = []
  // one start untimed: tsx transpiles into its cache on the first run of a fresh clone
  await (await startServer()).stop()
  for (let i = 0; i < starts; i++) {
    const server = await startServer()
    ready.push(server.readyMs)
    if (server.indexedMs !== undefined) indexed.push(server.indexedMs)
    rss.push(rssOf(server.pid))
    await server.stop()
    parts.push(await runChild<StartupParts>(childScript, [], partsMarker, { timeoutMs: 60_000 }))
  }
  const mid = (f: (p: StartupParts) => number) => median(parts.map(f))
  return {
    starts,
    readyMs: median(ready),
    indexedMs: median(indexed),
    rssAtReady: median(rss),
    parts: {
      modelMs: mid((p) => p.modelMs),
      buildMs: mid((p) => p.buildMs),
      loadMs: mid((p) => p.loadMs),
      bootMs: mid((p) => p.bootMs),
    },
  }
}
