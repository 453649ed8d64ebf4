/** In a fresh process: how long loading the wink model, building the pack from disk and loading it take. */
import { performance } from 'node:perf_hooks'
import { isMain } from './child'

export interface StartupParts {
  /** importing the nlp module and the first analysis, which loads the wink model */
  modelMs: number
  /** corpus/ and intents/ read and built into the pack, the model already loaded */
  buildMs: number
  /** loadPack on the built pack */
  loadMs: number
  /** node and tsx up to the first line of this script */
  bootMs: number
}

export const partsMarker = 'STARTUP_PARTS '

async function main() {
  // performance.now() counts from process start, so this is node's boot plus tsx's loader
  const bootMs = performance.now()
  let t = performance.now()
  const { terms } = await import('../../src/core/nlu/nlp')
  terms('Load the model once.')
  const modelMs = performance.now() - t
  const { buildPackFromDisk } = await import('../../src/runtime/node/files')
  const { loadPack } = await import('../../src/core/knowledge/pack')
  t = performance.now()
  const pack = buildPackFromDisk()
  const buildMs = performance.now() - t
  t = performance.now()
  loadPack(pack)
  const loadMs = performance.now() - t
  const parts: StartupParts = { modelMs, buildMs, loadMs, bootMs }
  process.stdout.write(`${partsMarker}${JSON.stringify(parts)}\n`)
}

if (isMain(import.meta.url))
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`)
    process.exit(1)
  })
