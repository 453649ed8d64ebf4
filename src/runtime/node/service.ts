/** Wires the core service for Node: the knowledge pack from disk and the in-memory session store. */
import type { Service } from '../../core/conversation/ask'
import { createMemoryStore, type MemoryStoreOptions } from '../../core/conversation/memory-store'
import { loadPack } from '../../core/knowledge/pack'
import { newSessionId } from '../../http/sessions'
import { buildPackFromDisk, type PackPaths } from './files'

export function nodeService(paths: PackPaths = {}, store: MemoryStoreOptions = {}): Service {
  return {
    knowledge: loadPack(buildPackFromDisk(paths)),
    sessions: createMemoryStore(store),
    newId: newSessionId,
    now: () => Date.now(),
  }
}
