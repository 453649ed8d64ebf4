/**
 * The living corpus: articles added and removed while the service answers. A change is read
 * into a staged change of the live knowledge (src/core/knowledge/incremental.ts: that article's
 * passages, facts and index entries, not a rebuild), committed to the store in one transaction,
 * and only then applied and swapped in. An answer is worked out in one go on the knowledge it
 * read, so none sees half a change, and a failed change leaves the store and the answers as
 * they were.
 *
 * The stored snapshot is a fresh build of the articles at some revision, made off the answering
 * thread once changes have stopped for a while; a start loads it and applies the changes
 * committed since, so what was acknowledged is there after a restart or a kill.
 */
import type { Service } from '../core/conversation/ask'
import { CitableError } from '../core/errors'
import {
  type KnowledgeChange,
  prepareIncremental,
  stageChanges,
} from '../core/knowledge/incremental'
import { buildPack, loadPack } from '../core/knowledge/pack'
import type { Knowledge, KnowledgePack } from '../core/knowledge/types'
import type { Language } from '../core/nlu/language'
import type { ArticleChange, ArticleOrigin, Store } from '../core/store'
import type { CorpusDocument } from '../core/types'
import { StoreError } from './errors'

/** builds a pack; the Node server builds snapshots on a worker thread so answering never waits on it */
export type BuildPack = (documents: CorpusDocument[], language: Language) => Promise<KnowledgePack>

export const buildInProcess: BuildPack = async (documents, language) =>
  buildPack(documents, language)

export interface LivingCorpusOptions {
  store: Store
  language: Language
  /** names the language and pack format; a snapshot with another key is rebuilt */
  buildKey: string
  /** builds a pack to answer from: at start without a usable snapshot; defaults to this thread */
  build?: BuildPack
  /** builds the pack stored as the snapshot, which is only stored, not loaded; defaults to `build` */
  buildSnapshot?: BuildPack
  /** ms without a change before the snapshot is built again; 0: only when asked; defaults to 30 s */
  snapshotAfterMs?: number
  /** changes since the snapshot above which a start rebuilds rather than applying them; defaults to 2,000 */
  replayLimit?: number
  /** how often a change that lost a race with another instance is retried; defaults to 3 */
  retries?: number
}

const defaults = { snapshotAfterMs: 30_000, replayLimit: 2000, retries: 3 }

export interface ChangeResult {
  revision: number
  /** put: true when the docId was new; delete: true when there was such an article */
  changed: boolean
  /** ms reading the article into a staged change, on this thread */
  stageMs: number
  /** ms committing the article to the store (awaited: answering goes on meanwhile) */
  commitMs: number
  /** ms changing the indexes and swapping the new knowledge in, on this thread */
  applyMs: number
}

export interface LivingCorpus {
  readonly revision: number
  documents(): CorpusDocument[]
  put(document: CorpusDocument, origin?: ArticleOrigin): Promise<ChangeResult>
  remove(docId: string): Promise<ChangeResult>
  /**
   * takes up the changes another instance sharing the store committed, applying them to the
   * live knowledge; resolves true when there were some
   */
  refresh(): Promise<boolean>
  /** builds and stores the snapshot of the current articles now; resolves its revision */
  saveSnapshot(): Promise<number>
}

/** the same article, field by field (absent and undefined alike) */
export function sameDocument(a: CorpusDocument, b: CorpusDocument): boolean {
  return (['docId', 'title', 'text', 'author', 'published', 'source'] as const).every(
    (k) => (a[k] ?? null) === (b[k] ?? null),
  )
}

function applyToDocuments(documents: CorpusDocument[], changes: ArticleChange[]): CorpusDocument[] {
  const byId = new Map(documents.map((d) => [d.docId, d]))
  for (const change of changes)
    if (change.kind === 'put') byId.set(change.document.docId, change.document)
    else byId.delete(change.docId)
  return [...byId.values()].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))
}

/**
 * a snapshot's articles brought up to the store's: those written since replaced, those gone left
 * out; undefined when the store holds an article neither has (then every article is read)
 */
export function withWritten(
  snapshot: CorpusDocument[],
  since: { revision: number; written: CorpusDocument[]; ids: string[] },
): { revision: number; documents: CorpusDocument[] } | undefined {
  const kept = new Set(since.ids)
  for (const d of since.written) kept.delete(d.docId)
  const documents = [...snapshot.filter((d) => kept.has(d.docId)), ...since.written]
  if (documents.length !== since.ids.length) return undefined
  documents.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))
  return { revision: since.revision, documents }
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

/** what turns the articles `from` into the articles `to`: removals, then puts, in docId order */
export function changesBetween(from: CorpusDocument[], to: CorpusDocument[]): KnowledgeChange[] {
  const before = new Map(from.map((d) => [d.docId, d]))
  const after = new Set(to.map((d) => d.docId))
  const removed: KnowledgeChange[] = from
    .filter((d) => !after.has(d.docId))
    .map((d) => ({ kind: 'delete', docId: d.docId }))
  const put: KnowledgeChange[] = to
    .filter((d) => {
      const had = before.get(d.docId)
      return !had || !sameDocument(had, d)
    })
    .map((document) => ({ kind: 'put', document }))
  return [...removed, ...put]
}

const asKnowledgeChange = (c: ArticleChange): KnowledgeChange =>
  c.kind === 'put' ? { kind: 'put', document: c.document } : c

/** lets answers in between the slices of a long piece of work on this thread */
const pause = () => new Promise<void>((done) => setTimeout(done, 0))

export interface StartResult {
  knowledge: Knowledge
  corpus: LivingCorpus
  /** how the knowledge was made: from the stored snapshot (and changes since), or rebuilt (and why) */
  source: 'snapshot' | 'rebuilt'
  reason?: string
  /** changes applied on top of the snapshot: committed after it was built, or from the seed folder */
  replayed: number
}

interface Start {
  knowledge: Knowledge
  current: { revision: number; documents: CorpusDocument[] }
  source: StartResult['source']
  reason?: string
  replayed: number
  /** the revision the stored snapshot is of */
  snapshotAt: number
}

/**
 * Syncs the seed folder into the store, then loads the stored snapshot and applies the changes
 * since, or rebuilds and stores one. Swaps `service.knowledge` on every change.
 */
export async function startLivingCorpus(
  service: Pick<Service, 'knowledge'> | undefined,
  seeds: CorpusDocument[],
  options: LivingCorpusOptions,
): Promise<StartResult> {
  const { store, language, buildKey } = options
  const build = options.build ?? buildInProcess
  const buildSnapshot = options.buildSnapshot ?? build
  const { snapshotAfterMs, replayLimit, retries } = { ...defaults, ...withoutUndefined(options) }

  const started = await startFrom(seeds, options, build, replayLimit)
  let { knowledge, current } = started
  if (service) service.knowledge = knowledge

  // one change at a time; each waits for the one before, failed or not
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => {})
    return next
  }
  const swap = (next: Knowledge) => {
    knowledge = next
    if (service) service.knowledge = next
  }
  // the corpus-wide counts the first change needs, read in slices so answering goes on
  void serial(async () => {
    for (const _ of prepareIncremental(knowledge)) await pause()
  })

  /** applies what another instance committed; not queued: the caller holds the queue */
  async function catchUp(): Promise<boolean> {
    if ((await store.revision()) === current.revision) return false
    const stored = await store.corpus()
    const changes = changesBetween(current.documents, stored.documents)
    if (changes.length) swap(stageChanges(knowledge, changes).apply())
    current = stored
    return changes.length > 0
  }

  const snapshots = snapshotter(
    () => current,
    async (documents) => buildSnapshot(documents, language),
    store,
    buildKey,
    snapshotAfterMs,
    started.snapshotAt,
  )

  async function change(
    make: (documents: CorpusDocument[]) => { change: ArticleChange; changed: boolean },
  ): Promise<ChangeResult> {
    // changes queued back to back would otherwise run as one long task: let answers in between
    await pause()
    for (let attempt = 0; ; attempt++) {
      const { change, changed } = make(current.documents)
      const documents = applyToDocuments(current.documents, [change])
      if (documents.length === 0)
        throw new CitableError(
          'corpus_empty',
          'the last article cannot be removed: the service needs one to answer from',
        )
      const t0 = performance.now()
      const staged = stageChanges(knowledge, [asKnowledgeChange(change)])
      const t1 = performance.now()
      const revision = await store.commit(current.revision, [change])
      const t2 = performance.now()
      if (revision === undefined) {
        // another instance sharing the store changed the articles: take those up, then try again
        if (attempt >= retries)
          throw new StoreError(
            'store_conflict',
            'the articles kept changing while this change was made: try again',
          )
        await catchUp()
        continue
      }
      current = { revision, documents }
      try {
        swap(staged.apply())
      } catch {
        // committed but not applied: answer from a fresh build of what the store now holds
        swap(loadPack(await build(documents, language)))
      }
      snapshots.soon()
      return {
        revision,
        changed,
        stageMs: t1 - t0,
        commitMs: t2 - t1,
        applyMs: performance.now() - t2,
      }
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
    refresh: () => serial(catchUp),
    saveSnapshot: () => snapshots.now(),
  }
  return {
    knowledge,
    corpus,
    source: started.source,
    reason: started.reason,
    replayed: started.replayed,
  }
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** the stored snapshot if it can be used (its changes since applied), else a rebuild that is stored */
async function startFrom(
  seeds: CorpusDocument[],
  options: LivingCorpusOptions,
  build: BuildPack,
  replayLimit: number,
): Promise<Start> {
  const { store, language, buildKey } = options
  const [snapshot, revision] = await Promise.all([store.snapshot(), store.revision()])
  let unreadable: string | undefined
  // a snapshot of another format or language is not read at all; one that cannot be read is rebuilt
  const read = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work()
    } catch (error) {
      unreadable = (error as Error).message
      return undefined
    }
  }
  const usable = snapshot?.key === buildKey ? snapshot : undefined
  const built = usable && (await read(() => usable.documents()))
  // the snapshot holds the articles of its revision: only those written since are read
  let current =
    built && usable?.revision === revision
      ? { revision, documents: built }
      : built && usable
        ? (withWritten(built, await store.writtenSince(usable.revision)) ?? (await store.corpus()))
        : await store.corpus()
  const origins = await store.origins()
  const seeded = seedChanges(current.documents, origins, seeds, await store.removedSeeds())
  const documents = applyToDocuments(current.documents, seeded)
  const commitSeeds = async () => {
    if (!seeded.length) return
    const committed = await store.commit(current.revision, seeded)
    if (committed === undefined)
      throw new StoreError(
        'store_conflict',
        'the articles changed while the seed folder was being synced: start again',
      )
    current = { revision: committed, documents }
  }
  if (usable && built) {
    const changes = changesBetween(built, documents)
    const loaded =
      changes.length <= replayLimit && documents.length > 0
        ? await read(() => usable.load())
        : undefined
    if (loaded) {
      const knowledge = changes.length ? stageChanges(loaded, changes).apply() : loaded
      await commitSeeds()
      return {
        knowledge,
        current,
        source: 'snapshot',
        replayed: changes.length,
        snapshotAt: usable.revision,
      }
    }
  }
  const reason = seeded.length
    ? `${seeded.length} change(s) from the seed folder`
    : !snapshot
      ? 'no snapshot yet'
      : snapshot.key !== buildKey
        ? 'the language or pack format changed'
        : unreadable
          ? unreadable
          : 'too many changes since the snapshot'
  const pack = await build(documents, language)
  const knowledge = loadPack(pack)
  if (seeded.length) {
    const committed = await store.commit(current.revision, seeded, { key: buildKey, pack })
    if (committed === undefined)
      throw new StoreError(
        'store_conflict',
        'the articles changed while the seed folder was being synced: start again',
      )
    current = { revision: committed, documents }
  } else await store.saveSnapshot({ revision: current.revision, key: buildKey, pack })
  return {
    knowledge,
    current,
    source: 'rebuilt',
    reason,
    replayed: 0,
    snapshotAt: current.revision,
  }
}

/**
 * Builds the snapshot again once changes have stopped for `afterMs`: one build at a time, of the
 * articles of one revision; a change meanwhile makes another build follow.
 */
function snapshotter(
  current: () => { revision: number; documents: CorpusDocument[] },
  build: (documents: CorpusDocument[]) => Promise<KnowledgePack>,
  store: Store,
  key: string,
  afterMs: number,
  storedAt: number,
) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<number> | undefined
  let stored = storedAt
  const now = async (): Promise<number> => {
    if (running) await running.catch(() => {})
    const { revision, documents } = current()
    if (revision === stored) return revision
    running = build(documents).then(async (pack) => {
      await store.saveSnapshot({ revision, key, pack })
      stored = revision
      return revision
    })
    try {
      return await running
    } finally {
      running = undefined
    }
  }
  return {
    now,
    soon() {
      if (afterMs <= 0) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        now().catch(() => {})
      }, afterMs)
      // a pending snapshot never keeps the process alive: the changes are committed already
      ;(timer as { unref?: () => void }).unref?.()
    },
  }
}
