/**
 * Builds the Node server into one ESM file, dist/node/server.mjs, that plain `node` runs: no
 * TypeScript loader at start, so the pid `npm start` gives is the server's and signals reach it.
 *
 *   node scripts/build.mjs             build
 *   node scripts/build.mjs --if-stale  build only when the bundle is missing or older than a file it was built from
 *
 * Plain JavaScript on purpose: `npm start` runs it before every start, and a fresh bundle costs
 * only a few stat calls to confirm.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const bundlePath = join(root, 'dist/node/server.mjs')
const inputsPath = join(root, 'dist/node/inputs.json')
// what changes the bundle besides its sources: the dependencies installed and the build itself
const alwaysInputs = ['package.json', 'package-lock.json', 'scripts/build.mjs']

/** why the bundle must be built, or undefined when it is newer than everything it came from */
export function staleBecause() {
  let built
  let inputs
  try {
    built = statSync(bundlePath).mtimeMs
    inputs = JSON.parse(readFileSync(inputsPath, 'utf8'))
  } catch {
    return 'no build yet'
  }
  for (const input of [...alwaysInputs, ...inputs]) {
    let changed
    try {
      changed = statSync(join(root, input)).mtimeMs
    } catch {
      return `${input} is gone`
    }
    if (changed > built) return `${input} changed`
  }
  return undefined
}

export async function build() {
  const started = performance.now()
  // esbuild is loaded only to build: a start with a fresh bundle does not pay for it
  const { build: esbuild } = await import('esbuild')
  const tmp = `${bundlePath}.${process.pid}.tmp`
  mkdirSync(dirname(bundlePath), { recursive: true })
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // packages are bundled too: one file to read and parse starts about 10% faster than
    // resolving each module in node_modules; their CommonJS needs a require
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'error',
  }
  const result = await esbuild({
    ...options,
    entryPoints: [join(root, 'src/runtime/node/server.ts')],
    outfile: tmp,
  })
  // the store's build thread: its own entry beside the bundle, where build-thread.ts looks for it
  const thread = await esbuild({
    ...options,
    entryPoints: [join(root, 'src/runtime/node/store/build-worker.ts')],
    outfile: join(dirname(bundlePath), 'thread-entry.mjs'),
  })
  const inputs = [
    ...new Set(
      [...Object.keys(result.metafile.inputs), ...Object.keys(thread.metafile.inputs)].map((p) =>
        relative(root, resolve(root, p)),
      ),
    ),
  ]
  // a rename is atomic: a start running beside this build sees the old files or the new ones
  writeFileSync(`${inputsPath}.${process.pid}.tmp`, `${JSON.stringify(inputs)}\n`)
  renameSync(tmp, bundlePath)
  renameSync(`${inputsPath}.${process.pid}.tmp`, inputsPath)
  return performance.now() - started
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale')
  const why = ifStale ? staleBecause() : 'asked to'
  if (why) {
    const ms = await build()
    process.stderr.write(`built ${relative(root, bundlePath)} in ${Math.round(ms)} ms (${why})\n`)
  }
}
