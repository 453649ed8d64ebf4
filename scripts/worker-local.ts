/** The built Worker, locally: the wrangler dry-run bundle and workerd (Miniflare) configured from wrangler.toml. */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { Miniflare, type WorkerOptions } from 'miniflare'

/** where `npx wrangler deploy --dry-run --outdir dist` leaves the bundle */
export const defaultBundleDir = 'dist'

/** runs wrangler's own build (build:pack, then esbuild) exactly as a deploy would, without a login */
export function buildWorkerBundle(outdir = defaultBundleDir): string {
  const dir = resolve(outdir)
  const wrangler = resolve('node_modules/wrangler/bin/wrangler.js')
  try {
    execFileSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', dir], {
      // no banner: the banner's update check is the only thing that would go to the network
      env: { ...process.env, WRANGLER_HIDE_BANNER: 'true', WRANGLER_SEND_METRICS: 'false' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    // wrangler colours its errors; a test report reads better without the escapes
    const output = `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '').trim()
    throw new Error(`wrangler deploy --dry-run failed:\n${output}`)
  }
  return dir
}

export interface BundleSize {
  /** the JavaScript modules uploaded (source maps are not) */
  files: string[]
  raw: number
  gzip: number
}

/** raw and gzipped size of the bundle, counted as wrangler counts it (gzip at the default level) */
export function bundleSize(dir = defaultBundleDir): BundleSize {
  const files = readdirSync(dir).filter((f) => /\.(m?js|wasm|bin|txt)$/.test(f))
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const bytes = readFileSync(join(dir, file))
    raw += bytes.length
    gzip += gzipSync(bytes).length
  }
  return { files, raw, gzip }
}

export interface LocalWorkerOptions {
  /** the dry-run output; defaults to dist */
  bundleDir?: string
  /** vars and secrets on top of wrangler.toml's [vars] */
  vars?: Record<string, string>
  /** wrangler.toml as Miniflare options, when the caller has them already (see workerOptionsFromToml) */
  workerOptions?: WorkerOptions
}

/** wrangler.toml's bindings, vars and compatibility settings as Miniflare options; plain data */
export async function workerOptionsFromToml(path = 'wrangler.toml'): Promise<WorkerOptions> {
  // wrangler is a large module: loaded only when asked, so test files that are given options skip it
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler')
  return unstable_getMiniflareWorkerOptions(path).workerOptions as WorkerOptions
}

/** serves the bundle in workerd on an ephemeral loopback port, with wrangler.toml's bindings (in-memory) */
export async function startLocalWorker(options: LocalWorkerOptions = {}) {
  const dir = resolve(options.bundleDir ?? defaultBundleDir)
  const workerOptions = options.workerOptions ?? (await workerOptionsFromToml())
  // the Worker's console lines, kept rather than printed: tests read them, the CPU probe ignores them
  const logs: { level: string; message: string }[] = []
  const mf = new Miniflare({
    ...(workerOptions as object),
    name: 'citable',
    host: '127.0.0.1',
    port: 0,
    // no fetch of the Request.cf sample from workers.cloudflare.com: everything stays on this machine
    cf: false,
    bindings: { ...workerOptions.bindings, ...options.vars },
    modules: [{ type: 'ESModule', path: join(dir, 'index.js') }],
    modulesRoot: dir,
    handleStructuredLogs: ({ level, message }: { level: string; message: string }) => {
      logs.push({ level, message })
    },
  } as ConstructorParameters<typeof Miniflare>[0])
  const url = await mf.ready
  return { mf, url, logs }
}

export type LocalWorker = Awaited<ReturnType<typeof startLocalWorker>>
