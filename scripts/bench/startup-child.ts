/** In a fresh process: how long loading the wink model, building the pack from disk and loading it take. */
import { performance } from 'node:perf_hooks'
import { isMain } from './child'

export interface StartupParts {
  /** importing the modules the server imports (hono, the app, wink and its model data), through tsx */
  importMs: number
  /** making the wink instance from its model and the first analysis */
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
  // what src/runtime/node/server.ts imports, so the module graph is the server's
  await import('@hono/node-server')
  await import('../../src/http/app')
  await import('../../src/runtime/node/config')
  await import('../../src/runtime/node/service')
  const { terms } = await import('../../src/core/nlu/nlp')
  const { buildPackFromDisk } = await import('../../src/runtime/node/files')
  const { loadPack } = await import('../../src/core/knowledge/pack')
  const importMs = performance.now() - t
  t = performance.now()
  terms('Load the model once.')
  const modelMs = performance.now() - t
  t = performance.now()
  const pack = buildPackFromDisk()
  const buildMs = performance.now() - t
  t = performance.now()
  loadPack(pack)
  const loadMs = performance.now() - t
  const parts: StartupParts = { importMs, modelMs, buildMs, loadMs, bootMs }
  process.stdout.write(`${partsMarker}${JSON.stringify(parts)}\n`)
}

if (isMain(import.meta.url))
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`)
    process.exit(1)
  })
