/** The store: articles added while answering, at 1,000 and 10,000 articles, and a start from the stored snapshot. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runChild } from './child'
import { productionServer, rssOf, startServer } from './server'
import { replayDir, type StorePoint, storeMarker } from './store-child'

export interface StoreStart {
  readyMs: number
  indexedMs?: number
  rssAtReady: number
}

export interface StoreSize extends StorePoint {
  /** `npm start` on that store once its snapshot is of the current articles (as after 30 s without a change) */
  start?: StoreStart
  /** `npm start` on it right after the additions: the snapshot of the seeded store, the additions applied to it */
  replayStart?: StoreStart
}

export interface StoreResult {
  sizes: StoreSize[]
  failures: { articles: number; reason: string }[]
}

/** articles in the store, and how many are added one after another at that size */
export const storeSizes = {
  full: [
    [1000, 30],
    [10_000, 30],
  ],
  quick: [
    [100, 10],
    [1000, 10],
  ],
} as const

/**
 * `npm start`'s command with room for a store of thousands of articles: its cap on V8's old
 * generation (128 MB, for the shipped corpus) is below the heap of 1,000 articles (80 MB, plus
 * the snapshot's JSON while it is parsed), so `npm start` itself cannot load such a store
 */
function storeServerArgs(): string[] {
  return productionServer().map((a) =>
    a.startsWith('--max-old-space-size=') ? '--max-old-space-size=4096' : a,
  )
}

const childScript = fileURLToPath(new URL('./store-child.ts', import.meta.url))

/** `npm start` on the store in `dataDir`, to its first 200 from /healthz */
async function timeStart(dataDir: string): Promise<StoreStart> {
  const server = await startServer({ DATA_DIR: dataDir }, storeServerArgs())
  const start = {
    readyMs: server.readyMs,
    indexedMs: server.indexedMs,
    rssAtReady: rssOf(server.pid),
  }
  await server.stop()
  return start
}

export async function measureStore(quick: boolean): Promise<StoreResult> {
  const out: StoreResult = { sizes: [], failures: [] }
  for (const [articles, ingests] of quick ? storeSizes.quick : storeSizes.full) {
    const dataDir = mkdtempSync(join(tmpdir(), 'citable-bench-store-'))
    try {
      process.stderr.write(`  store: ${articles} articles\n`)
      mkdirSync(replayDir(dataDir))
      const point = await runChild<StorePoint>(
        childScript,
        [String(articles), String(ingests), dataDir],
        storeMarker,
        {
          timeoutMs: 20 * 60_000,
        },
      )
      const start = await timeStart(dataDir)
      const replayStart = await timeStart(replayDir(dataDir))
      out.sizes.push({ ...point, start, replayStart })
    } catch (error) {
      out.failures.push({ articles, reason: (error as Error).message })
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return out
}
