/** Wires the core service for Node: the knowledge pack from disk and the in-memory session store. */
import { randomUUID } from 'node:crypto'
import type { Service } from '../../core/conversation/ask'
import { createMemoryStore, type MemoryStoreOptions } from '../../core/conversation/memory-store'
import { loadPack } from '../../core/knowledge/pack'
import { buildPackFromDisk, type PackPaths } from './files'

export function nodeService(paths: PackPaths = {}, store: MemoryStoreOptions = {}): Service {
  return {
    knowledge: loadPack(buildPackFromDisk(paths)),
    sessions: createMemoryStore(store),
    newId: () => randomUUID().replace(/-/g, '').slice(0, 20),
    now: () => Date.now(),
  }
}
