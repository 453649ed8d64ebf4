/** `tsx scripts/worker-size.ts [--build]`: raw and gzipped size of the Worker bundle, against the 3 MB limit. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildWorkerBundle, bundleSize, defaultBundleDir } from './worker-local'

/** Workers' limit on the free plan, after compression */
export const gzipLimit = 3_000_000

export interface WorkerSizeReport {
  dir: string
  raw: number
  gzip: number
  gzipLimit: number
  withinLimit: boolean
}

/** measures the bundle in dir, building it first when asked or when there is none */
export function workerSize(options: { dir?: string; build?: boolean } = {}): WorkerSizeReport {
  const dir = options.dir ?? defaultBundleDir
  if (options.build || !existsSync(join(dir, 'index.js'))) buildWorkerBundle(dir)
  const { raw, gzip } = bundleSize(dir)
  return { dir, raw, gzip, gzipLimit, withinLimit: gzip <= gzipLimit }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = workerSize({ build: process.argv.includes('--build') })
  const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`
  process.stdout.write(
    `worker bundle: ${mb(report.raw)} raw, ${mb(report.gzip)} gzipped (limit ${mb(gzipLimit)})\n` +
      `${JSON.stringify(report)}\n`,
  )
  if (!report.withinLimit) process.exit(1)
}
