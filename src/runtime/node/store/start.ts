/** Starts the Node service on its store: open and migrate, sync corpus/ in, load the snapshot or rebuild, keep the log's retention. */
import { createHash, randomUUID } from 'node:crypto'
import type { Service } from '../../../core/conversation/ask'
import { createMemoryStore } from '../../../core/conversation/memory-store'
import { packVersion } from '../../../core/knowledge/pack'
import { snapshotFormat } from '../../../core/knowledge/snapshot'
import type { Language } from '../../../core/nlu/language'
import type { Store } from '../../../core/store'
import { type BuildPack, type LivingCorpus, startLivingCorpus } from '../../../store/living'
import { readCorpus, readLanguage } from '../files'
import { buildThread } from './build-thread'
import { openNodeStore, type StoreLocation } from './libsql'

export interface StoreServiceOptions extends StoreLocation {
  /** corpus folders that seed the store; defaults to ./corpus */
  corpus?: string | string[]
  /** defaults to ./intents */
  intents?: string
  /** builds packs (at start without a snapshot, and the snapshots); defaults to this thread at
   * start and a worker thread for snapshots; `buildInProcess` from src/store/living.ts builds both here */
  build?: BuildPack
  /** ms without a change before the snapshot is built again; 0: only when asked; defaults to 30 s */
  snapshotAfterMs?: number
  /** how often to look for changes other processes made to the store, ms; 0: never; defaults to 10 s */
  refreshMs?: number
}

export interface StoreService {
  service: Service
  store: Store
  corpus: LivingCorpus
  /** how the knowledge was made at start, for the start-up log line */
  knowledgeFrom: string
}

/** a snapshot is reused only with the same pack and snapshot formats and the same language files */
export function buildKey(language: Language): string {
  const hash = createHash('sha256').update(JSON.stringify(language)).digest('hex').slice(0, 16)
  return `pack${packVersion}.snapshot${snapshotFormat}:${hash}`
}

export async function startStoreService(options: StoreServiceOptions = {}): Promise<StoreService> {
  const language = readLanguage(options.intents ?? 'intents')
  const seeds = readCorpus(options.corpus ?? 'corpus')
  const store = await openNodeStore(options)
  try {
    const service = {
      knowledge: undefined as unknown as Service['knowledge'],
      sessions: createMemoryStore(),
      newId: () => randomUUID().replace(/-/g, '').slice(0, 20),
      now: () => Date.now(),
    } satisfies Service
    const started = await startLivingCorpus(service, seeds, {
      store,
      language,
      buildKey: buildKey(language),
      build: options.build,
      buildSnapshot: options.build ?? buildThread().snapshot,
      snapshotAfterMs: options.snapshotAfterMs,
    })
    // other processes may share the store (a libSQL server, or the file): look for their changes now and then
    const refreshMs = options.refreshMs ?? (options.url === ':memory:' ? 0 : 10_000)
    if (refreshMs > 0) {
      const timer = setInterval(() => void started.corpus.refresh().catch(() => {}), refreshMs)
      timer.unref()
    }
    const knowledgeFrom =
      started.source === 'rebuilt'
        ? `a rebuild (${started.reason})`
        : started.replayed
          ? `the stored snapshot and ${started.replayed} later change(s)`
          : 'the stored snapshot'
    return { service, store, corpus: started.corpus, knowledgeFrom }
  } catch (error) {
    await store.close()
    throw error
  }
}
