/** Builds the Worker once for the worker tests, exactly as `npx wrangler deploy --dry-run` does (build:pack included). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkerOptions } from 'miniflare'
import type { TestProject } from 'vitest/node'
import { buildWorkerBundle, workerOptionsFromToml } from '../../scripts/worker-local'
import { seedCorpus } from '../corpora'

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
  // the pack from the seed fixture, not corpus/: what a user keeps there is not what the tests expect
  const corpusDir = process.env.CORPUS_DIR
  process.env.CORPUS_DIR = seedCorpus
  try {
    buildWorkerBundle(dir)
  } finally {
    if (corpusDir === undefined) delete process.env.CORPUS_DIR
    else process.env.CORPUS_DIR = corpusDir
  }
  project.provide('workerBundleDir', dir)
  project.provide('workerOptions', await workerOptionsFromToml())
  return () => rmSync(dir, { recursive: true, force: true })
}
