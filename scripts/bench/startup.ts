/** Start-up: process spawn to /healthz ready over several fresh starts, and what the time is spent on. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { repoRoot, runChild } from './child'
import { type RunningServer, rssOf, startServer } from './server'
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
  /** the same server bundled by esbuild and run by plain node, without tsx: what a build step would give */
  bundled?: { readyMs: number; rssAtReady: number; bundleMs: number }
}

const childScript = fileURLToPath(new URL('./startup-child.ts', import.meta.url))
const bundlePath = join(repoRoot, 'bench/out/server.mjs')

/** bundles the server's own code into one ESM file; packages stay in node_modules */
async function bundleServer(): Promise<number> {
  const started = performance.now()
  // esbuild comes with tsx (and wrangler); it is not a dependency of its own
  const { build } = await import('esbuild')
  await build({
    entryPoints: [join(repoRoot, 'src/runtime/node/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: bundlePath,
    logLevel: 'error',
  })
  return performance.now() - started
}

async function timeStarts(starts: number, args?: string[]) {
  const servers: Pick<RunningServer, 'readyMs' | 'indexedMs'>[] = []
  const rss: number[] = []
  // one start untimed: tsx fills its transpile cache on the first run of a fresh clone
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
  const tsx = await timeStarts(starts)
  const parts: StartupParts[] = []
  for (let i = 0; i < starts; i++)
    parts.push(await runChild<StartupParts>(childScript, [], partsMarker, { timeoutMs: 60_000 }))
  const mid = (f: (p: StartupParts) => number) => median(parts.map(f))
  let bundled: StartupResult['bundled']
  try {
    const bundleMs = await bundleServer()
    const b = await timeStarts(starts, [bundlePath])
    bundled = { readyMs: b.readyMs, rssAtReady: b.rssAtReady, bundleMs }
  } catch (error) {
    process.stderr.write(`  startup: no bundled start (${(error as Error).message})\n`)
  }
  return {
    starts,
    ...tsx,
    parts: {
      importMs: mid((p) => p.importMs),
      modelMs: mid((p) => p.modelMs),
      buildMs: mid((p) => p.buildMs),
      loadMs: mid((p) => p.loadMs),
      bootMs: mid((p) => p.bootMs),
    },
    bundled,
  }
}
