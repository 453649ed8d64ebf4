/** The deployable bundle: within the size limit, free of Node built-ins, built from a supported compatibility date. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { bundleSize } from '../../scripts/worker-local'
import { gzipLimit } from '../../scripts/worker-size'

const dir = inject('workerBundleDir')

describe('the Worker bundle', () => {
  it('is at most 3 MB gzipped', () => {
    const size = bundleSize(dir)
    expect(size.files).toContain('index.js')
    expect(size.gzip).toBeLessThanOrEqual(gzipLimit)
  })

  it('imports no node: module, so it runs without nodejs_compat', () => {
    const code = readFileSync(join(dir, 'index.js'), 'utf8')
    expect(code.match(/\bfrom\s*["']node:[a-z_/]+["']|\brequire\(["']node:/g) ?? []).toEqual([])
  })

  it('carries the prebuilt knowledge pack rather than reading corpus/ at run time', () => {
    const code = readFileSync(join(dir, 'index.js'), 'utf8')
    expect(code).toContain('china-smart-cities')
  })

  it('names a compatibility date the pinned workerd supports', () => {
    const date = readFileSync('wrangler.toml', 'utf8').match(/^compatibility_date = "(.+)"/m)?.[1]
    expect(date).toBeDefined()
    expect(date! <= '2026-04-26').toBe(true)
  })
})
