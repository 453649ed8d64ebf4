/** Wires the core service for Node: the knowledge pack from disk (or its cache) and the in-memory session store. */
import type { Service } from '../../core/conversation/ask'
import { createMemoryStore, type MemoryStoreOptions } from '../../core/conversation/memory-store'
import { loadPack } from '../../core/knowledge/pack'
import { analyze } from '../../core/nlu/nlp'
import { newSessionId } from '../../http/sessions'
import { buildPackFromDisk, type PackPaths } from './files'
import { cachedPackFromDisk } from './pack-cache'

export interface PackCache {
  /** the folder the packs of the last starts are kept in */
  dir: string
  /** the code that builds packs (the bundle's size and time): another build, another pack */
  code: string
}

export function nodeService(
  paths: PackPaths = {},
  store: MemoryStoreOptions = {},
  cache?: PackCache,
): Service & { packCached: boolean } {
  const full = { corpus: paths.corpus ?? 'corpus', intents: paths.intents ?? 'intents' }
  const { pack, cached } = cache
    ? cachedPackFromDisk(full, cache.dir, cache.code)
    : { pack: buildPackFromDisk(full), cached: false }
  // building the pack loaded wink's model; a cached pack did not: load it now, not in the first question
  if (cached) analyze('warm up')
  return {
    knowledge: loadPack(pack),
    sessions: createMemoryStore(store),
    newId: newSessionId,
    now: () => Date.now(),
    packCached: cached,
  }
}
