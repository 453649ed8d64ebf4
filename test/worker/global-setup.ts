/** Builds the Worker once for the worker tests, exactly as `npx wrangler deploy --dry-run` does (build:pack included). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkerOptions } from 'miniflare'
import type { TestProject } from 'vitest/node'
import { buildWorkerBundle, workerOptionsFromToml } from '../../scripts/worker-local'

declare module 'vitest' {
  export interface ProvidedContext {
    /** the dry-run output: index.js and its source map */
    workerBundleDir: string
    /** wrangler.toml as Miniflare options, read once rather than in every test file */
    workerOptions: WorkerOptions
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'citable-worker-'))
  buildWorkerBundle(dir)
  project.provide('workerBundleDir', dir)
  project.provide('workerOptions', await workerOptionsFromToml())
  return () => rmSync(dir, { recursive: true, force: true })
}
