/** Builds the Worker once for the worker tests, exactly as `npx wrangler deploy --dry-run` does (build:pack included). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildWorkerBundle } from '../../scripts/worker-local'

declare module 'vitest' {
  export interface ProvidedContext {
    /** the dry-run output: index.js and its source map */
    workerBundleDir: string
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'citable-worker-'))
  buildWorkerBundle(dir)
  project.provide('workerBundleDir', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
