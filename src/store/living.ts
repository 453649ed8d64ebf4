/**
 * The living corpus: articles added and removed while the service answers. A change is built
 * into a new pack, loaded, committed with its snapshot in one transaction, and only then swapped
 * in; a turn reads `service.knowledge` once, so answers in flight finish on the knowledge they
 * started with, and a failed change leaves the store and the answers as they were.
 */
import type { Service } from '../core/conversation/ask'
import { CitableError } from '../core/errors'
import { buildPack, loadPack } from '../core/knowledge/pack'
import type { Knowledge, KnowledgePack } from '../core/knowledge/types'
import type { Language } from '../core/nlu/language'
import type { ArticleChange, ArticleOrigin, Store } from '../core/store'
import type { CorpusDocument } from '../core/types'
import { StoreError } from './errors'

/** builds a pack; the Node server runs it on a worker thread so answering never waits on it */
export type BuildPack = (documents: CorpusDocument[], language: Language) => Promise<KnowledgePack>

export const buildInProcess: BuildPack = async (documents, language) =>
  buildPack(documents, language)

export interface LivingCorpusOptions {
  store: Store
  language: Language
  /** names the language and pack format; a snapshot with another key is rebuilt */
  buildKey: string
  /** builds the pack of a change; defaults to building in this thread */
  build?: BuildPack
  /** builds the pack at start, when nothing is answered yet; defaults to building in this thread */
  buildAtStart?: BuildPack
  /** how often a change that lost a race with another instance is retried; defaults to 3 */
  retries?: number
}

export interface ChangeResult {
  revision: number
  /** put: true when the docId was new; delete: true when there was such an article */
  changed: boolean
  /** ms building the pack (on the worker thread on Node), loading it here, and committing */
  buildMs: number
  loadMs: number
  commitMs: number
}

export interface LivingCorpus {
  readonly revision: number
  documents(): CorpusDocument[]
  put(document: CorpusDocument, origin?: ArticleOrigin): Promise<ChangeResult>
  remove(docId: string): Promise<ChangeResult>
  /**
   * takes up a change another instance sharing the store committed: loads its snapshot and
   * swaps it in; resolves true when there was one
   */
  refresh(): Promise<boolean>
}

/** the same article, field by field (absent and undefined alike) */
export function sameDocument(a: CorpusDocument, b: CorpusDocument): boolean {
  return (['docId', 'title', 'text', 'author', 'published', 'source'] as const).every(
    (k) => (a[k] ?? null) === (b[k] ?? null),
  )
}

function applyChanges(documents: CorpusDocument[], changes: ArticleChange[]): CorpusDocument[] {
  const byId = new Map(documents.map((d) => [d.docId, d]))
  for (const change of changes)
    if (change.kind === 'put') byId.set(change.document.docId, change.document)
    else byId.delete(change.docId)
  return [...byId.values()].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))
}

/** what the seed folder asks of the store: its files added or changed, its removed files removed */
export function seedChanges(
  stored: CorpusDocument[],
  origins: Map<string, ArticleOrigin>,
  seeds: CorpusDocument[],
  removed: Set<string>,
): ArticleChange[] {
  const byId = new Map(stored.map((d) => [d.docId, d]))
  const changes: ArticleChange[] = []
  for (const seed of seeds) {
    const have = byId.get(seed.docId)
    // an article put through the API, or removed through it, is the owner's: the file does not override it
    if (removed.has(seed.docId) || (have && origins.get(seed.docId) === 'api')) continue
    if (!have || !sameDocument(have, seed))
      changes.push({ kind: 'put', document: seed, origin: 'seed' })
  }
  const seedIds = new Set(seeds.map((s) => s.docId))
  for (const doc of stored)
    if (origins.get(doc.docId) === 'seed' && !seedIds.has(doc.docId))
      changes.push({ kind: 'delete', docId: doc.docId })
  return changes
}

export interface StartResult {
  knowledge: Knowledge
  corpus: LivingCorpus
  /** how the knowledge was made: from the stored snapshot, or rebuilt (and why) */
  source: 'snapshot' | 'rebuilt'
  reason?: string
}

/**
 * Syncs the seed folder into the store, then loads the stored snapshot when it is of the current
 * articles and language, or rebuilds and stores one. Swaps `service.knowledge` on every change.
 */
export async function startLivingCorpus(
  service: Pick<Service, 'knowledge'> | undefined,
  seeds: CorpusDocument[],
  options: LivingCorpusOptions,
): Promise<StartResult> {
  const { store, language, buildKey } = options
  const build = options.build ?? buildInProcess
  const retries = options.retries ?? 3

  // a snapshot of the current revision holds the articles too: the texts need not be read twice
  const [snapshot, revision] = await Promise.all([store.snapshot(), store.revision()])
  const fresh = snapshot?.revision === revision ? snapshot : undefined
  let current = fresh ? { revision, documents: fresh.pack.documents } : await store.corpus()
  const origins = new Map((await store.articles()).map((a) => [a.docId, a.origin]))
  const changes = seedChanges(current.documents, origins, seeds, await store.removedSeeds())

  let knowledge: Knowledge
  let source: StartResult['source'] = 'snapshot'
  let reason: string | undefined
  if (fresh && fresh.key === buildKey && changes.length === 0) {
    knowledge = loadPack(fresh.pack)
  } else {
    source = 'rebuilt'
    reason = changes.length
      ? `${changes.length} change(s) from the seed folder`
      : snapshot
        ? snapshot.key !== buildKey
          ? 'the language or pack format changed'
          : 'the snapshot is of an older revision'
        : 'no snapshot yet'
    const documents = applyChanges(current.documents, changes)
    const pack = await (options.buildAtStart ?? buildInProcess)(documents, language)
    knowledge = loadPack(pack)
    if (changes.length) {
      const committed = await store.commit(current.revision, changes, { key: buildKey, pack })
      if (committed === undefined)
        throw new StoreError(
          'store_conflict',
          'the articles changed while the seed folder was being synced: start again',
        )
      current = { revision: committed, documents }
    } else await store.saveSnapshot({ revision: current.revision, key: buildKey, pack })
  }
  if (service) service.knowledge = knowledge

  // one change at a time; each waits for the one before, failed or not
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => {})
    return next
  }

  async function change(
    make: (documents: CorpusDocument[]) => { change: ArticleChange; changed: boolean },
  ) {
    for (let attempt = 0; ; attempt++) {
      const { change, changed } = make(current.documents)
      const documents = applyChanges(current.documents, [change])
      if (documents.length === 0)
        throw new CitableError(
          'corpus_empty',
          'the last article cannot be removed: the service needs one to answer from',
        )
      const started = performance.now()
      const pack = await build(documents, language)
      const built = performance.now()
      const next = loadPack(pack)
      const loaded = performance.now()
      const revision = await store.commit(current.revision, [change], { key: buildKey, pack })
      const commitMs = performance.now() - loaded
      if (revision === undefined) {
        // another instance sharing the store changed the articles: start from its revision
        if (attempt >= retries)
          throw new StoreError(
            'store_conflict',
            'the articles kept changing while this change was built: try again',
          )
        current = await store.corpus()
        continue
      }
      current = { revision, documents }
      knowledge = next
      if (service) service.knowledge = next
      return { revision, changed, buildMs: built - started, loadMs: loaded - built, commitMs }
    }
  }

  const corpus: LivingCorpus = {
    get revision() {
      return current.revision
    },
    documents: () => current.documents,
    put: (document, origin = 'api') =>
      serial(() =>
        change((docs) => ({
          change: { kind: 'put', document, origin },
          changed: !docs.some((d) => d.docId === document.docId),
        })),
      ),
    remove: (docId) =>
      serial(() =>
        change((docs) => ({
          change: { kind: 'delete', docId },
          changed: docs.some((d) => d.docId === docId),
        })),
      ),
    refresh: () =>
      serial(async () => {
        if ((await store.revision()) === current.revision) return false
        const snapshot = await store.snapshot()
        // the other instance commits articles and snapshot together; another pack format is not ours to load
        if (!snapshot || snapshot.revision <= current.revision || snapshot.key !== buildKey)
          return false
        const next = loadPack(snapshot.pack)
        current = { revision: snapshot.revision, documents: snapshot.pack.documents }
        knowledge = next
        if (service) service.knowledge = next
        return true
      }),
  }
  return { knowledge, corpus, source, reason }
}
