/**
 * Runs the server's bundle (dist/node/server.cjs, from server.ts) for dist/node/server.mjs
 * (start-bundle.ts), compiled with V8's code cache when there is one for this bundle
 * and these node flags, so a start deserialises the bytecode instead of parsing megabytes of
 * JavaScript. Node 20's ESM loader has no code cache (module.enableCompileCache is Node 22), so
 * the bundle is CommonJS run through vm.Script, which takes one.
 *
 * The build makes a cache for the start script's flags from a server it starts and asks a question
 * (so the bytecode covers the start and a first answer); a start that finds none for its flags
 * saves one once it listens. A cache that V8 rejects is only slower.
 */
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

export type CodeCacheUse = 'used' | 'rejected' | 'none'

/** where the server's log line finds how this start compiled the bundle */
export const codeCacheSymbol = Symbol.for('citable.codeCache')

/**
 * The cache file for a bundle: V8 accepts a cache only for the same V8 and flags, and checks
 * the source by its length alone, so the name holds the bundle's size and time and the flags.
 */
export function cachePath(bundle: string, flags: string[]): string {
  const { size, mtimeMs } = statSync(bundle)
  const key = createHash('sha256')
    .update(JSON.stringify([process.version, size, mtimeMs, flags]))
    .digest('hex')
    .slice(0, 16)
  return `${bundle}.${key}.cache`
}

/** the node flags a start runs with: what V8 compares a cache's flags with */
export const nodeFlags = (): string[] => [...process.execArgv, process.env.NODE_OPTIONS ?? '']

// the CommonJS wrapper on the bundle's first line, so line numbers in stack traces stay the bundle's
const wrap = (source: string) =>
  `(function (exports, require, module, __filename, __dirname, __citableBundleUrl) {${source}\n})`

export interface RunBundle {
  use: CodeCacheUse
  /** what the bundle exports (server.ts's start, for the build's warm-up) */
  exports: unknown
  /** writes V8's cache of what has been compiled so far, for the next start with these flags */
  saveCache(): void
}

/** compiles and runs a CommonJS bundle as node's loader would, with the code cache when there is one */
export function runBundle(bundle: string, entryUrl: string, flags = nodeFlags()): RunBundle {
  const cache = cachePath(bundle, flags)
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cache)
  } catch {
    // no cache for this bundle and these flags yet
  }
  const script = new vm.Script(wrap(readFileSync(bundle, 'utf8')), {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  const use: CodeCacheUse = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'
  const module: { exports: unknown } = { exports: {} }
  script.runInThisContext()(
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
    entryUrl,
  )
  const saveCache = () => {
    // a rename is atomic: a start beside this one reads the old cache or the new one
    const tmp = `${cache}.${process.pid}.tmp`
    writeFileSync(tmp, script.createCachedData())
    renameSync(tmp, cache)
  }
  return { use, exports: module.exports, saveCache }
}

/** runs server.cjs beside the file at entryUrl, which the bundle takes for its own URL */
export function main(entryUrl: string): RunBundle {
  const run = runBundle(fileURLToPath(new URL('./server.cjs', entryUrl)), entryUrl)
  ;(globalThis as Record<symbol, unknown>)[codeCacheSymbol] = run
  return run
}

/** how this process compiled the bundle, and how to save its cache; undefined when not run by main */
export const bundleRun = (): RunBundle | undefined =>
  (globalThis as Record<symbol, RunBundle | undefined>)[codeCacheSymbol]
