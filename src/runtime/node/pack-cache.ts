/**
 * The knowledge pack of the last start, kept beside the bundle: building it from corpus/ and
 * intents/ is most of a start (the pack of 1,000 articles builds in seconds and loads in a
 * fraction of one). A cached pack is used only when every corpus and intents file has the
 * same name, size and modification time as when it was built, and the same bundle built it.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { KnowledgePack } from '../../core/knowledge/types'
import { buildPackFromDisk, type PackPaths } from './files'

const hash = (text: string) => createHash('sha256').update(text).digest('hex')

/** what the pack was built from, as one hash; undefined when a folder cannot be listed */
export function packKey(paths: Required<PackPaths>, code: string): string | undefined {
  const lines = [code]
  try {
    for (const dir of [...[paths.corpus].flat(), paths.intents]) {
      lines.push(`dir ${dir}`)
      for (const name of readdirSync(dir).sort()) {
        const stat = statSync(join(dir, name))
        lines.push(`${name} ${stat.size} ${stat.mtimeMs}`)
      }
    }
  } catch {
    // the build reports the folder it cannot read, with its own message
    return undefined
  }
  return hash(lines.join('\n'))
}

/** cached packs kept per folder; the least recently written go first */
const keep = 8

/** one cache file per pair of folders, so starts with other folders do not evict each other */
function cacheFile(dir: string, paths: Required<PackPaths>): string {
  const folders = JSON.stringify([[paths.corpus].flat(), paths.intents])
  return join(dir, `pack-cache-${hash(folders).slice(0, 12)}.json`)
}

function prune(dir: string) {
  const caches = readdirSync(dir)
    .filter((f) => /^pack-cache-[0-9a-f]{12}\.json$/.test(f))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
  for (const { f } of caches.slice(keep)) rmSync(join(dir, f), { force: true })
}

/**
 * The pack cached in `dir` when its key matches, else built from disk (errors as always) and
 * written there for the next start. A cache that cannot be read or written is simply not used.
 */
export function cachedPackFromDisk(
  paths: Required<PackPaths>,
  dir: string,
  code: string,
): { pack: KnowledgePack; cached: boolean } {
  const key = packKey(paths, code)
  const file = cacheFile(dir, paths)
  if (key) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { key: string; pack: KnowledgePack }
      if (stored.key === key) return { pack: stored.pack, cached: true }
    } catch {
      // no cache yet, or one from an older build
    }
  }
  const pack = buildPackFromDisk(paths)
  if (key)
    try {
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify({ key, pack }))
      renameSync(tmp, file)
      prune(dir)
    } catch {
      // a read-only folder: every start builds
    }
  return { pack, cached: false }
}
