/** The ledger of a knowledge: what a fresh build reads across articles, kept so that a change reads only its own (./incremental.ts). */
import type { Language } from '../nlu/language'
import type { SentenceRef } from '../retrieve/sentence-index'
import type { CorpusDocument, Fact, Passage } from '../types'
import {
  type CorpusCounts,
  countKeys,
  countsOf,
  documentNames,
  documentWords,
  formsOf,
  type Knowledge,
} from './pack'

/** a sentence row of the knowledge, not a removed article's tombstone */
export const isRow = (s: SentenceRef | undefined): boolean => s !== undefined && s.docId !== ''

/**
 * What a fresh build reads from every article at once, kept with the knowledge so that a change
 * reads only its own article: the corpus-wide counts (the pack's), the short forms they give,
 * and each article's passages, facts and sentence rows.
 */
export interface Ledger {
  counts: CorpusCounts
  forms: Map<string, string>
  passages: Map<string, Passage[]>
  facts: Map<string, Fact[]>
  /** each article's sentence ids */
  rows: Map<string, number[]>
  /** the articles whose facts are of an entity (owner, subject, object, item) */
  pointedBy: Map<string, Set<string>>
  /** the articles whose facts' context names an entity */
  mentionedBy: Map<string, Set<string>>
}

/** each knowledge's ledger: made by prepareIncremental, or handed on by a change */
export const ledgers = new WeakMap<Knowledge, Ledger>()

export const contribution = (doc: CorpusDocument, passages: Passage[]) =>
  countsOf(doc, documentWords(doc), documentNames(doc, passages))

export function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by
  if (n > 0) counts.set(key, n)
  else counts.delete(key)
}

export const formsNow = ({ counts }: Ledger, language: Language) =>
  formsOf(
    [...counts.names.keys()],
    new Set(counts.places.keys()),
    new Set(counts.lower.keys()),
    language,
  )

export function byDocument<T extends { docId: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const list = out.get(item.docId)
    if (list) list.push(item)
    else out.set(item.docId, [item])
  }
  return out
}

/** entity ids a fact is of, as its article was read */
export function entityIds(fact: Fact): string[] {
  const ids: string[] = []
  if (fact.ownerId) ids.push(fact.ownerId)
  if (fact.kind === 'list') for (const id of fact.itemIds) if (id) ids.push(id)
  if (fact.kind === 'attribute') {
    ids.push(fact.subjectId)
    if (fact.objectId) ids.push(fact.objectId)
  }
  return ids
}

const contextIds = (fact: Fact) => fact.context

/**
 * Groups a knowledge's tables by article for its first change, in steps a caller can yield
 * between (at 10,000 articles the whole takes about a second).
 */
export function* prepareIncremental(knowledge: Knowledge, every = 20_000): Generator<void, void> {
  if (ledgers.has(knowledge)) return
  const ledger: Ledger = {
    counts: knowledge.counts,
    forms: new Map(),
    passages: byDocument(knowledge.passages),
    facts: new Map(),
    rows: new Map(),
    pointedBy: new Map(),
    mentionedBy: new Map(),
  }
  yield
  ledger.facts = byDocument(knowledge.facts)
  yield
  for (const [id, s] of knowledge.sentences.entries()) {
    if (id % every === 0) yield
    if (!isRow(s)) continue
    const list = ledger.rows.get(s.docId)
    if (list) list.push(id)
    else ledger.rows.set(s.docId, [id])
  }
  let n = 0
  for (const [docId, facts] of ledger.facts) {
    point(ledger, docId, facts, true, true)
    if (++n % 1000 === 0) yield
  }
  ledger.forms = formsNow(ledger, knowledge.language)
  ledgers.set(knowledge, ledger)
}

/** records (or forgets) which entities an article's facts are of and name; sets are copied before a change */
export function point(ledger: Ledger, docId: string, facts: Fact[], add: boolean, owned = false) {
  for (const [map, ids] of [
    [ledger.pointedBy, entityIds],
    [ledger.mentionedBy, contextIds],
  ] as const)
    for (const id of new Set(facts.flatMap(ids))) {
      // a ledger being made owns its sets; a change's copy shares them with the knowledge before it
      const docs = owned ? (map.get(id) ?? new Set<string>()) : new Set(map.get(id))
      if (add) docs.add(docId)
      else docs.delete(docId)
      if (docs.size) map.set(id, docs)
      else map.delete(id)
    }
}

export const copyLedger = (l: Ledger): Ledger => ({
  counts: Object.fromEntries(
    countKeys.map((k) => [k, new Map(l.counts[k])]),
  ) as unknown as CorpusCounts,
  forms: l.forms,
  passages: new Map(l.passages),
  facts: new Map(l.facts),
  rows: new Map(l.rows),
  pointedBy: new Map(l.pointedBy),
  mentionedBy: new Map(l.mentionedBy),
})
