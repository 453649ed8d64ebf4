/** The Node build: wink's model read once from its file, and V8's code cache used only for the bundle and flags it was made for. */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { patchReadCoreModel, winkModel } from '../../scripts/build-plugins.mjs'
import { cachePath, runBundle } from '../../src/runtime/node/code-cache'

const root = join(import.meta.dirname, '../..')
const winkDir = join(root, 'node_modules/wink-eng-lite-web-model/dist')
const temp = mkdtempSync(join(tmpdir(), 'citable-build-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** wink's read-core-model.js as the bundle has it, evaluated as CommonJS */
function patchedReadModel(): () => unknown {
  const source = readFileSync(join(winkDir, 'read-core-model.js'), 'utf8')
  const text = `require("node:fs").readFileSync(${JSON.stringify(winkModel.source(root))}, "utf8")`
  const module = { exports: {} as unknown }
  new Function('require', 'module', patchReadCoreModel(source, text))(
    createRequire(join(winkDir, 'x.js')),
    module,
  )
  return module.exports as () => unknown
}

describe('patchReadCoreModel', () => {
  it('reads the same model as wink, a fresh object on each call', () => {
    const wink = createRequire(join(winkDir, 'x.js'))('./read-core-model.js') as () => unknown
    const readModel = patchedReadModel()
    const model = readModel()
    expect(isDeepStrictEqual(model, wink())).toBe(true)
    expect(readModel()).not.toBe(model)
  })

  it('refuses a read-core-model.js of another shape', () => {
    expect(() => patchReadCoreModel('module.exports = () => ({})', '""')).toThrow(
      'wink-eng-lite-web-model/dist/read-core-model.js changed: review scripts/build-plugins.mjs',
    )
  })
})

describe('runBundle', () => {
  const bundle = join(temp, 'server.cjs')
  const entryUrl = 'file:///srv/server.mjs'
  const flags = ['--max-old-space-size=128']
  const write = (source: string, mtime: number) => {
    writeFileSync(bundle, source)
    utimesSync(bundle, mtime, mtime)
  }

  it('runs a CommonJS bundle with its own URL and compiles it from the cache it saved', () => {
    write('module.exports = { url: __citableBundleUrl, sum: [1, 2].reduce((a, b) => a + b) }', 1000)
    const first = runBundle(bundle, entryUrl, flags)
    expect(first.use).toBe('none')
    first.saveCache()
    const second = runBundle(bundle, entryUrl, flags)
    expect(second.use).toBe('used')
  })

  it('does not use a cache made for another bundle or other flags', () => {
    write('module.exports = 1', 2000)
    runBundle(bundle, entryUrl, flags).saveCache()
    expect(runBundle(bundle, entryUrl, ['--max-old-space-size=4096']).use).toBe('none')
    // the same length and another text: V8 alone would take the old cache
    write('module.exports = 2', 3000)
    expect(runBundle(bundle, entryUrl, flags).use).toBe('none')
    expect(cachePath(bundle, flags)).not.toBe(cachePath(bundle, ['--max-old-space-size=4096']))
  })
})
