/**
 * Adds and removes articles in a loaded knowledge without rebuilding the rest: an article's
 * passages, facts, entities, sentence rows, df counts, words and index entries. The knowledge
 * given is never changed; the result is a new one sharing what did not change, and the two
 * MiniSearch indexes, changed in place, are searched through views (./views.ts).
 *
 * Staging does all the work that can fail and changes nothing; `apply()` then changes the
 * indexes and gives the new knowledge. So a change can be staged, committed to the store, and
 * only then applied, and a staged change that is dropped leaves no trace.
 *
 * Where the result differs from a fresh build of the same articles: an added article is read
 * against the entities of the others (as if it came last, where a build reads the articles in
 * docId order), the other articles' facts are not read again for the names it brings, its new
 * entities come after the others, and its sentence ids after every other's (a removed article's
 * rows stay as empty tombstones until the next full build). Answers are the same as a fresh
 * build's (test/store/incremental.test.ts); the stored snapshot is always a fresh build.
 */
import { splitPassages } from '../corpus/passages'
import { addContext } from '../facts/context'
import { extractFacts } from '../facts/extract'
import { buildEntities, shortForms } from '../nlu/entities'
import { buildAliasTable } from '../nlu/mentions'
import { terms } from '../nlu/nlp'
import type { SentenceRef, SentenceTerms } from '../retrieve/sentence-index'
import type { CorpusDocument, Entity, Fact, Passage } from '../types'
import {
  addTextWords,
  documentNames,
  documentSentences,
  documentWords,
  headings,
  type Knowledge,
  lexiconOf,
  pruneAliases,
} from './pack'
import { ownView, rootIndex } from './views'

export type KnowledgeChange =
  | { kind: 'put'; document: CorpusDocument }
  | { kind: 'delete'; docId: string }

/** a change staged on a knowledge: nothing is changed until `apply()`, which gives the new knowledge */
export interface StagedChange {
  /** docIds of the changes that found an article to replace or remove */
  existed: Set<string>
  apply(): Knowledge
}

type Counts = Map<string, number>

/** the corpus-wide word and name counts a fresh build reads from every article at once */
interface Ledger {
  /** words of titles and texts, for the typo lexicon */
  words: Counts
  /** words written in lower case, and capitalised words standing alone mid-sentence */
  lower: Counts
  alone: Counts
  /** names and places, for short forms ("Harbourline" for "Harbourline Terminals") */
  names: Counts
  places: Counts
}

interface Contribution {
  words: Set<string>
  lower: Set<string>
  alone: Set<string>
  names: Set<string>
  places: Set<string>
}

const ledgers = new WeakMap<Knowledge, Ledger>()

function contribution(doc: CorpusDocument, passages: Passage[]): Contribution {
  const { alone, lower } = documentWords(doc)
  const { names, places } = documentNames(doc, passages)
  return {
    words: addTextWords(`${doc.title} ${doc.text}`, new Set()),
    lower,
    alone,
    names: new Set(names),
    places: new Set(places),
  }
}

function count(ledger: Ledger, c: Contribution, by: 1 | -1): void {
  for (const key of ['words', 'lower', 'alone', 'names', 'places'] as const)
    for (const w of c[key]) bump(ledger[key], w, by)
}

function bump(counts: Counts, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by
  if (n > 0) counts.set(key, n)
  else counts.delete(key)
}

function byDocument<T extends { docId: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const list = out.get(item.docId)
    if (list) list.push(item)
    else out.set(item.docId, [item])
  }
  return out
}

/**
 * Reads the corpus-wide counts of a knowledge, `every` articles a step, so that a caller can
 * yield between steps; the first change needs them, and at 10,000 articles they take a second.
 */
export function* prepareIncremental(knowledge: Knowledge, every = 200): Generator<void, void> {
  if (ledgers.has(knowledge)) return
  const ledger: Ledger = {
    words: new Map(),
    lower: new Map(),
    alone: new Map(),
    names: new Map(),
    places: new Map(),
  }
  const passages = byDocument(knowledge.passages)
  let n = 0
  for (const doc of knowledge.documents.values()) {
    count(ledger, contribution(doc, passages.get(doc.docId) ?? []), 1)
    if (++n % every === 0) yield
  }
  ledgers.set(knowledge, ledger)
}

const copyLedger = (l: Ledger): Ledger => ({
  words: new Map(l.words),
  lower: new Map(l.lower),
  alone: new Map(l.alone),
  names: new Map(l.names),
  places: new Map(l.places),
})

/** a sentence row no knowledge points at any more: its id stays taken until the next full build */
const tombstone: SentenceRef = { docId: '', passageId: '', start: 0, end: 0 }

/** a sentence row of the knowledge, not a removed article's tombstone */
export const isRow = (s: SentenceRef | undefined): boolean => s !== undefined && s.docId !== ''

const sentenceEntry = (id: number, s: SentenceTerms) => ({
  id,
  text: s.terms.join(' '),
  context: s.context.join(' '),
  title: s.title.join(' '),
})

// the fields buildIndex (src/core/retrieve/index.ts) gives a passage
const passageEntries = (doc: CorpusDocument, passages: Passage[]) =>
  passages
    .filter((p) => p.kind !== 'heading')
    .map((p) => ({
      id: p.id,
      text: doc.text.slice(p.start, p.end),
      heading: p.heading ?? '',
      title: doc.title ?? '',
    }))

/** entity ids a fact points at */
function entityIds(fact: Fact): string[] {
  const ids = [...fact.context]
  if (fact.ownerId) ids.push(fact.ownerId)
  if (fact.kind === 'list') for (const id of fact.itemIds) if (id) ids.push(id)
  if (fact.kind === 'attribute') {
    ids.push(fact.subjectId)
    if (fact.objectId) ids.push(fact.objectId)
  }
  return ids
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** stages the changes, in order, on the knowledge; throws (changing nothing) when an article cannot be read */
export function stageChanges(knowledge: Knowledge, changes: KnowledgeChange[]): StagedChange {
  for (const _ of prepareIncremental(knowledge)) {
    // read at once when the caller did not prepare
  }
  const { language } = knowledge
  const ledger = copyLedger(ledgers.get(knowledge)!)
  const documents = new Map(knowledge.documents)
  const passages = byDocument(knowledge.passages)
  const facts = byDocument(knowledge.facts)
  let entities = knowledge.entities
  const sentences = knowledge.sentences.slice()
  const sentenceTerms = knowledge.sentenceTerms.slice()
  const df = new Map(knowledge.df)
  let sentenceCount = knowledge.sentenceCount
  const declared = new Set(language.entities.map((e) => e.id))
  const existed = new Set<string>()
  // the index changes, run in order by apply()
  const edits: (() => void)[] = []
  const passageIndex = rootIndex(knowledge.index)
  const sentenceIndex = rootIndex(knowledge.sentenceIndex)
  const formsNow = () =>
    shortForms(ledger.names.keys(), new Set(ledger.places.keys()), new Set(ledger.lower.keys()))
  let forms = formsNow()
  // other articles a change reaches: read again (a short form changed), or their facts' context found again
  const reread = new Set<string>()
  const recontext = new Set<string>()
  const changed = new Set<string>()

  /** the articles with a sentence holding every word of one of the phrases (names, aliases) */
  function articlesSaying(phrases: Iterable<string>, except: string): Set<string> {
    const out = new Set<string>()
    for (const phrase of phrases) {
      const words = terms(phrase)
      if (words.length === 0) continue
      const hits = sentenceIndex.search(words.join(' '), {
        combineWith: 'AND',
        tokenize: (t) => t.split(' '),
        processTerm: (t) => t,
      })
      for (const hit of hits) {
        const docId = sentences[hit.id as number]?.docId
        if (docId && docId !== except && documents.has(docId)) out.add(docId)
      }
    }
    return out
  }

  /** a short form that now means another name, or none: the articles writing it are read again */
  function formsMoved(except: string) {
    const next = formsNow()
    const moved = new Set<string>()
    for (const [k, v] of next) if (forms.get(k) !== v) moved.add(k)
    for (const k of forms.keys()) if (!next.has(k)) moved.add(k)
    forms = next
    for (const docId of articlesSaying(moved, except))
      if ([...moved].some((w) => documents.get(docId)!.text.includes(w))) reread.add(docId)
  }

  function remove(docId: string) {
    const doc = documents.get(docId)
    if (!doc) return
    existed.add(docId)
    const own = passages.get(docId) ?? []
    const gone = facts.get(docId) ?? []
    count(ledger, contribution(doc, own), -1)
    const rows = documentSentences(doc, own).sentenceTerms
    const ids: number[] = []
    for (let i = 0; i < sentences.length; i++) if (sentences[i]!.docId === docId) ids.push(i)
    // the same terms as when it was added give the same index entries to take out
    const exact = ids.length === rows.length
    for (const [k, id] of ids.entries()) {
      for (const term of new Set(sentenceTerms[id]!.split(' ').filter(Boolean))) bump(df, term, -1)
      const entry = exact ? sentenceEntry(id, rows[k]!) : undefined
      edits.push(() => (entry ? sentenceIndex.remove(entry) : sentenceIndex.discard(id)))
      sentences[id] = tombstone
      sentenceTerms[id] = ''
    }
    sentenceCount -= ids.length
    const entries = passageEntries(doc, own)
    edits.push(() => passageIndex.removeAll(entries))
    documents.delete(docId)
    passages.delete(docId)
    facts.delete(docId)
    // an entity only this article's facts pointed at goes with it
    const mine = new Set(gone.flatMap(entityIds))
    if (mine.size) {
      const kept = new Set([...facts.values()].flatMap((list) => list.flatMap(entityIds)))
      const dropped = new Set(
        entities
          .filter((e) => mine.has(e.id) && !kept.has(e.id) && !declared.has(e.id))
          .map((e) => e.id),
      )
      entities = entities.filter((e) => !dropped.has(e.id))
      // facts whose context named a dropped entity find their context again
      for (const [id, list] of facts)
        if (list.some((f) => f.context.some((e) => dropped.has(e)))) recontext.add(id)
    }
    formsMoved(docId)
  }

  function put(doc: CorpusDocument) {
    remove(doc.docId)
    const own = splitPassages(doc)
    count(ledger, contribution(doc, own), 1)
    const lower = new Set(ledger.lower.keys())
    formsMoved(doc.docId)
    // read against copies: the entities of the knowledge given stay as they are
    const had = new Map(entities.map((e) => [e.id, new Set(e.aliases)]))
    const copies = entities.map((e) => ({ ...e, aliases: [...e.aliases] }))
    const said = new Map(copies.map((e) => [e.id, e.article]))
    const resolver = buildEntities(language, copies)
    resolver.setShortForms(forms)
    const read = extractFacts(doc, own, resolver)
    for (const [short, long] of forms) {
      const entity = resolver.find(long)
      const key = short.toLowerCase()
      if (entity && !entity.aliases.includes(key)) entity.aliases.push(key)
    }
    const next: Entity[] = resolver.entities()
    // how the others write a name ("the Tourism Bureau") is counted over them all: one article does not turn it
    for (const e of next) if (said.get(e.id) !== undefined) e.article = said.get(e.id)
    pruneAliases(next, language, lower)
    addContext(read, next, {
      documents: new Map([[doc.docId, doc]]),
      passageById: new Map(own.map((p) => [p.id, p])),
      passages: new Map([[doc.docId, own]]),
    })
    entities = next
    // a name this article brings may stand in the others' sentences: their facts' context is found again
    const brought = next.flatMap((e) => e.aliases.filter((a) => !had.get(e.id)?.has(a)))
    for (const docId of articlesSaying(brought, doc.docId)) recontext.add(docId)
    const rows = documentSentences(doc, own)
    const first = sentences.length
    for (const [i, row] of rows.sentenceTerms.entries()) {
      sentences.push(rows.sentences[i]!)
      sentenceTerms.push(row.terms.join(' '))
      for (const term of new Set(row.terms)) bump(df, term, 1)
    }
    sentenceCount += rows.sentences.length
    const sentenceEntries = rows.sentenceTerms.map((s, i) => sentenceEntry(first + i, s))
    const entries = passageEntries(doc, own)
    edits.push(() => {
      sentenceIndex.addAll(sentenceEntries)
      passageIndex.addAll(entries)
    })
    documents.set(doc.docId, doc)
    passages.set(doc.docId, own)
    facts.set(doc.docId, read)
  }

  for (const change of changes) {
    const docId = change.kind === 'put' ? change.document.docId : change.docId
    changed.add(docId)
    if (change.kind === 'put') put(change.document)
    else remove(docId)
  }
  // each other article read again at most once: what that changes in turn is left to the next full build
  const done = new Set(changed)
  for (let more = [...reread].filter((id) => !done.has(id)); more.length; ) {
    for (const docId of more) {
      done.add(docId)
      const doc = documents.get(docId)
      if (doc) put(doc)
    }
    more = [...reread].filter((id) => !done.has(id))
  }
  for (const docId of recontext) {
    if (done.has(docId) || !documents.has(docId)) continue
    const doc = documents.get(docId)!
    const own = passages.get(docId) ?? []
    const copies = (facts.get(docId) ?? []).map((f) => ({ ...f }))
    addContext(copies, entities, {
      documents: new Map([[docId, doc]]),
      passageById: new Map(own.map((p) => [p.id, p])),
      passages: new Map([[docId, own]]),
    })
    facts.set(docId, copies)
  }

  const order = [...documents.keys()].sort(byId)
  const allPassages = order.flatMap((id) => passages.get(id) ?? [])
  const passageById = new Map(allPassages.map((p) => [p.id, p]))
  const words = new Set(df.keys())
  for (const w of ledger.words.keys()) words.add(w)
  const next: Knowledge = {
    ...knowledge,
    documents: new Map(order.map((id) => [id, documents.get(id)!])),
    passages: allPassages,
    passageById,
    headingOf: headings(allPassages),
    facts: order.flatMap((id) => facts.get(id) ?? []),
    entities,
    entityById: new Map(entities.map((e) => [e.id, e])),
    df,
    sentenceCount,
    index: ownView(passageIndex, (id) => passageById.has(id as string)),
    sentences,
    sentenceIndex: ownView(sentenceIndex, (id) => isRow(sentences[id as number])),
    sentenceTerms,
    properWords: new Set([...ledger.alone.keys()].filter((w) => !ledger.lower.has(w))),
    lexicon: lexiconOf(words, entities, language),
    aliases: buildAliasTable(entities),
  }
  let applied = false
  return {
    existed,
    apply() {
      if (applied) throw new Error('a staged change is applied once')
      applied = true
      for (const edit of edits) edit()
      ledgers.set(next, ledger)
      return next
    },
  }
}

/** the knowledge with the changes made, at once */
export function applyChanges(knowledge: Knowledge, changes: KnowledgeChange[]): Knowledge {
  return stageChanges(knowledge, changes).apply()
}
