/**
 * Builds the Node server into dist/node/, which plain `node` runs: no TypeScript loader at start,
 * so the pid `npm start` gives is the server's and signals reach it.
 *
 *   node scripts/build.mjs             build
 *   node scripts/build.mjs --if-stale  build only when an output is missing or older than a file it was built from
 *   node scripts/build.mjs --plain     the bundle as built before the code cache, in dist/plain/node/ (for the benchmark)
 *
 * dist/node/server.mjs   what npm start runs (src/runtime/node/start-bundle.ts): it compiles
 * dist/node/server.cjs   the server and its packages in one CommonJS file, with
 * server.cjs.*.cache     V8's code cache of it for the start script's flags (code-cache.ts)
 * thread-entry.mjs       the store's build thread (ESM), and
 * wink-core-model.json   wink's core model, which both read at start (build-plugins.mjs)
 *
 * Plain JavaScript on purpose: `npm start` runs it before every start, and a fresh build costs
 * only a few stat calls to confirm.
 */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { winkModel, winkModelFromFile } from './build-plugins.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist/node')
export const bundlePath = join(out, 'server.mjs')
const serverPath = join(out, 'server.cjs')
const inputsPath = join(out, 'inputs.json')
const outputs = [bundlePath, serverPath, join(out, 'thread-entry.mjs'), join(out, winkModel.file)]
// what changes the bundle besides its sources: the dependencies installed and the build itself
const alwaysInputs = [
  'package.json',
  'package-lock.json',
  'scripts/build.mjs',
  'scripts/build-plugins.mjs',
]

/** why the bundle must be built, or undefined when it is newer than everything it came from */
export function staleBecause() {
  let built
  let inputs
  try {
    built = Math.min(...outputs.map((o) => statSync(o).mtimeMs))
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // whitespace and syntax only: names stay, so stack traces and error names read as the source
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [winkModelFromFile],
  metafile: true,
  logLevel: 'error',
}

/** the node flags of package.json's start script ("exec node <flags> dist/node/server.mjs"), as the shell expands them */
export function startFlags(env = process.env) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const match = /^exec node (.+) dist\/node\/server\.mjs$/.exec(pkg.scripts.start)
  if (!match) throw new Error(`the start script is not "exec node ... dist/node/server.mjs"`)
  return match[1]
    .replace(/\$\{(\w+):-([^}]*)\}/g, (_, name, fallback) => env[name] || fallback)
    .split(/\s+/)
}

async function bundle(esbuild) {
  const tmp = (file) => `${file}.${process.pid}.tmp`
  // the packages are bundled too: one file to read, and no module resolution at start
  const server = await esbuild({
    ...common,
    format: 'cjs',
    entryPoints: [join(root, 'src/runtime/node/server.ts')],
    // the bundle's URL is the file node runs (server.mjs), which code-cache.ts passes in
    define: { 'import.meta.url': '__citableBundleUrl' },
    outfile: tmp(serverPath),
  })
  const entry = await esbuild({
    ...common,
    format: 'esm',
    entryPoints: [join(root, 'src/runtime/node/start-bundle.ts')],
    outfile: tmp(bundlePath),
  })
  // the store's build thread: its own entry beside the bundle, where build-thread.ts looks for it
  const thread = await esbuild({
    ...common,
    format: 'esm',
    // its packages' CommonJS needs a require
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); const __citableBundleUrl = import.meta.url;",
    },
    entryPoints: [join(root, 'src/runtime/node/store/build-worker.ts')],
    outfile: tmp(join(out, 'thread-entry.mjs')),
  })
  copyFileSync(winkModel.source(root), tmp(join(out, winkModel.file)))
  return { tmp, metafiles: [server, entry, thread].map((r) => r.metafile) }
}

export async function build() {
  const started = performance.now()
  // esbuild is loaded only to build: a start with a fresh bundle does not pay for it
  const { build: esbuild } = await import('esbuild')
  mkdirSync(out, { recursive: true })
  const { tmp, metafiles } = await bundle(esbuild)
  const inputs = [
    ...new Set(
      metafiles.flatMap((m) => Object.keys(m.inputs)).map((p) => relative(root, resolve(root, p))),
    ),
  ]
  writeFileSync(tmp(inputsPath), `${JSON.stringify(inputs)}\n`)
  // caches of earlier bundles are never read again (their names hold the bundle's time)
  for (const f of readdirSync(out)) if (f.endsWith('.cache')) rmSync(join(out, f), { force: true })
  // each rename is atomic: a start running beside this build sees each file old or new
  for (const file of [...outputs, inputsPath]) renameSync(tmp(file), file)
  makeCodeCache()
  return performance.now() - started
}

/**
 * V8's code cache for a start with the start script's flags: a node with those flags starts the
 * server on a store of its own, asks it a question and saves what it compiled; twice on the one
 * store, so the second start is a restart from the snapshot the first left, as deployed starts
 * are. Best effort: without it the first start compiles as before and saves one itself.
 */
function makeCodeCache() {
  const store = mkdtempSync(join(tmpdir(), 'citable-code-cache-'))
  // none of the deployment's settings (its DATABASE_URL, its corpus, its tokens): a scratch
  // store seeded with the one seed article; NODE_OPTIONS stays, as the cache is keyed on it
  const seed = join(root, 'test/fixtures/seed')
  const env = {
    PATH: process.env.PATH,
    ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: store,
    RATE_LIMIT_PER_MINUTE: '0',
    ...(existsSync(seed) ? { CORPUS_DIR: seed } : {}),
  }
  try {
    for (let i = 0; i < 2; i++)
      execFileSync(
        process.execPath,
        [...startFlags(), fileURLToPath(import.meta.url), '--code-cache'],
        {
          cwd: root,
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      )
  } catch (error) {
    process.stderr.write(`no code cache made: ${String(error.stderr ?? error.message).trim()}\n`)
  } finally {
    rmSync(store, { recursive: true, force: true })
  }
}

/** in makeCodeCache's child: start, answer one question, save the cache, stop as SIGTERM stops the server */
async function warmAndSaveCodeCache() {
  await import(pathToFileURL(bundlePath).href)
  const run = globalThis[Symbol.for('citable.codeCache')]
  const server = await run.exports.start()
  if (!server.listening) await new Promise((done) => server.once('listening', done))
  const question = encodeURIComponent('How many pilots did MOHURD run?')
  const res = await fetch(`http://127.0.0.1:${server.address().port}/api/answer?q=${question}`)
  if (res.status !== 200) throw new Error(`the warm-up question got ${res.status}`)
  await res.arrayBuffer()
  run.saveCache()
  process.kill(process.pid, 'SIGTERM')
}

/**
 * The server as built before the code cache, for the benchmark to start beside this build: one
 * ESM file with the packages and wink's model data in it, parsed on every start, in dist/plain/node/.
 */
async function buildPlain() {
  const { build: esbuild } = await import('esbuild')
  const dir = join(root, 'dist/plain/node')
  const banner = {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  }
  const plain = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner,
    logLevel: 'error',
  }
  await esbuild({
    ...plain,
    entryPoints: [join(root, 'src/runtime/node/server.ts')],
    outfile: join(dir, 'server.mjs'),
  })
  await esbuild({
    ...plain,
    entryPoints: [join(root, 'src/runtime/node/store/build-worker.ts')],
    outfile: join(dir, 'thread-entry.mjs'),
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--plain')) await buildPlain()
  else if (process.argv.includes('--code-cache')) await warmAndSaveCodeCache()
  else {
    const ifStale = process.argv.includes('--if-stale')
    const why = ifStale ? staleBecause() : 'asked to'
    if (why) {
      const ms = await build()
      process.stderr.write(`built ${relative(root, bundlePath)} in ${Math.round(ms)} ms (${why})\n`)
    }
  }
}
