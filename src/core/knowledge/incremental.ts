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
 * Other articles a change reaches are handled as a build would: a short form that moves has the
 * articles writing it read again, and facts naming an entity that came or went find their
 * context again. What can still differ from a fresh build of the same articles: an added
 * article is read against the entities of all the others, where a build reads the articles in
 * docId order, so an entity's type or aliases can differ where that order decides them; its new
 * entities come after the others, and its sentence ids after every other's (a removed article's
 * rows stay as empty tombstones until the next full build). The labelled sets answer alike
 * (test/store/incremental.test.ts); generated articles read alike facts
 * (test/store/incremental-generated.test.ts); the stored snapshot is always a fresh build.
 */
import { splitPassages } from '../corpus/passages'
import { addContext } from '../facts/context'
import { extractFacts } from '../facts/extract'
import { buildEntities } from '../nlu/entities'
import { namePatterns } from '../nlu/lexicon'
import { buildAliasTable } from '../nlu/mentions'
import { terms } from '../nlu/nlp'
import type { SentenceRef, SentenceTerms } from '../retrieve/sentence-index'
import type { CorpusDocument, Entity, Fact, Passage } from '../types'
import { layered } from './layered'
import {
  bump,
  contribution,
  copyLedger,
  entityIds,
  formsNow,
  isRow,
  type Ledger,
  ledgers,
  point,
  prepareIncremental,
} from './ledger'
import {
  addCounts,
  documentSentences,
  headings,
  type Knowledge,
  lexiconOf,
  pruneAliases,
  wordsOf,
} from './pack'
import { ownView, rootIndex } from './views'

export { isRow, prepareIncremental } from './ledger'

export type KnowledgeChange =
  | { kind: 'put'; document: CorpusDocument }
  | { kind: 'delete'; docId: string }

/** a change staged on a knowledge: nothing is changed until `apply()`, which gives the new knowledge */
export interface StagedChange {
  /** docIds of the changes that found an article to replace or remove */
  existed: Set<string>
  apply(): Knowledge
}

/** a sentence row no knowledge points at any more: its id stays taken until the next full build */
const tombstone: SentenceRef = { docId: '', passageId: '', start: 0, end: 0 }

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

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** the first position whose docId is not before `docId`, in an array sorted by docId */
function firstOf(items: { docId: string }[], docId: string): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.docId < docId) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** the array (sorted by docId, each article's items together) with the changed articles' items replaced */
function spliced<T extends { docId: string }>(
  items: T[],
  changed: Iterable<string>,
  groups: Map<string, T[]>,
): T[] {
  const out = items.slice()
  for (const docId of [...changed].sort(byId)) {
    const at = firstOf(out, docId)
    let end = at
    while (end < out.length && out[end]!.docId === docId) end++
    out.splice(at, end - at, ...(groups.get(docId) ?? []))
  }
  return out
}

/** stages the changes, in order, on the knowledge; throws (changing nothing) when an article cannot be read */
export function stageChanges(knowledge: Knowledge, changes: KnowledgeChange[]): StagedChange {
  const st = stageOf(knowledge)
  const changed = new Set<string>()
  for (const change of changes) {
    const docId = change.kind === 'put' ? change.document.docId : change.docId
    changed.add(docId)
    if (change.kind === 'put') putArticle(st, change.document)
    else removeArticle(st, docId)
  }
  readAgain(st, changed)
  findContextAgain(st)
  const next = assembled(st)
  let applied = false
  return {
    existed: st.existed,
    apply() {
      if (applied) throw new Error('a staged change is applied once')
      applied = true
      for (const edit of st.edits) edit()
      ledgers.set(next, st.ledger)
      return next
    },
  }
}

/** each other article read again at most once: what that changes in turn is left to the next full build */
function readAgain(st: Stage, changed: Set<string>): void {
  const done = new Set(changed)
  for (let more = [...st.reread].filter((id) => !done.has(id)); more.length; ) {
    // all taken out first: an entity only they were of goes, as it would in a build without it
    const again = more.map((docId) => st.documents.get(docId)).filter((d) => d !== undefined)
    for (const doc of again) {
      done.add(doc.docId)
      removeArticle(st, doc.docId)
    }
    for (const doc of again) putArticle(st, doc)
    more = [...st.reread].filter((id) => !done.has(id))
  }
}

/** after every read, with the entities as they end: an article read before another brought back an
 * entity it names (both read again) finds it now */
function findContextAgain(st: Stage): void {
  for (const docId of st.recontext) {
    if (!st.documents.has(docId)) continue
    st.touched.add(docId)
    const doc = st.documents.get(docId)!
    const own = st.passages.get(docId) ?? []
    const copies = (st.facts.get(docId) ?? []).map((f) => ({ ...f }))
    addContext(copies, st.entities, {
      documents: new Map([[docId, doc]]),
      passageById: new Map(own.map((p) => [p.id, p])),
      passages: new Map([[docId, own]]),
    })
    point(st.ledger, docId, st.facts.get(docId) ?? [], false)
    point(st.ledger, docId, copies, true)
    st.facts.set(docId, copies)
  }
}

/** the knowledge the staged tables make */
function assembled(st: Stage): Knowledge {
  const { knowledge } = st
  const order = [...st.documents.keys()].sort(byId)
  return assemble(knowledge, {
    documents: new Map(order.map((id) => [id, st.documents.get(id)!])),
    passages: spliced(knowledge.passages, st.touched, st.passages),
    touched: st.touched,
    groups: st.passages,
    oldGroups: ledgers.get(knowledge)!.passages,
    facts: spliced(knowledge.facts, st.touched, st.facts),
    entities: st.entities,
    df: st.df,
    sentenceCount: st.sentenceCount,
    sentences: st.sentences,
    sentenceTerms: st.sentenceTerms,
    ledger: st.ledger,
    passageIndex: st.passageIndex,
    sentenceIndex: st.sentenceIndex,
  })
}

/** what staging changes works on: copies of the knowledge's tables, changed article by article */
interface Stage {
  knowledge: Knowledge
  language: Knowledge['language']
  ledger: Ledger
  documents: Map<string, CorpusDocument>
  passages: Ledger['passages']
  facts: Ledger['facts']
  rows: Ledger['rows']
  entities: Entity[]
  sentences: SentenceRef[]
  sentenceTerms: string[]
  df: Map<string, number>
  sentenceCount: number
  /** entities the language declares: never dropped */
  declared: Set<string>
  /** articles the corpus held before the change */
  existed: Set<string>
  /** the index changes, run in order by apply() */
  edits: (() => void)[]
  passageIndex: Knowledge['index']
  sentenceIndex: Knowledge['sentenceIndex']
  /** other articles a change reaches: read again (a short form changed), or their facts' context found again */
  reread: Set<string>
  recontext: Set<string>
  touched: Set<string>
}

function stageOf(knowledge: Knowledge): Stage {
  for (const _ of prepareIncremental(knowledge)) {
    // read at once when the caller did not prepare
  }
  const ledger = copyLedger(ledgers.get(knowledge)!)
  return {
    knowledge,
    language: knowledge.language,
    ledger,
    documents: new Map(knowledge.documents),
    passages: ledger.passages,
    facts: ledger.facts,
    rows: ledger.rows,
    entities: knowledge.entities,
    sentences: knowledge.sentences.slice(),
    sentenceTerms: knowledge.sentenceTerms.slice(),
    df: new Map(knowledge.df),
    sentenceCount: knowledge.sentenceCount,
    declared: new Set(knowledge.language.entities.map((e) => e.id)),
    existed: new Set(),
    edits: [],
    passageIndex: rootIndex(knowledge.index),
    sentenceIndex: rootIndex(knowledge.sentenceIndex),
    reread: new Set(),
    recontext: new Set(),
    touched: new Set(),
  }
}

/** the articles with a sentence holding every word of one of the phrases (names, aliases) */
function articlesSaying(st: Stage, phrases: Iterable<string>, except: string): Set<string> {
  const out = new Set<string>()
  for (const phrase of phrases) {
    const words = terms(phrase)
    if (words.length === 0) continue
    const hits = st.sentenceIndex.search(words.join(' '), {
      combineWith: 'AND',
      tokenize: (t) => t.split(' '),
      processTerm: (t) => t,
    })
    for (const hit of hits) {
      const docId = st.sentences[hit.id as number]?.docId
      if (docId && docId !== except && st.documents.has(docId)) out.add(docId)
    }
  }
  return out
}

/** a short form that now means another name, or none: the articles writing it are read again */
function formsMoved(st: Stage, except: string): void {
  const next = formsNow(st.ledger, st.language)
  const moved = new Set<string>()
  for (const [k, v] of next) if (st.ledger.forms.get(k) !== v) moved.add(k)
  for (const k of st.ledger.forms.keys()) if (!next.has(k)) moved.add(k)
  // the long name a moved short form stood for no longer answers to it
  const was = new Map(
    [...moved].flatMap((k) =>
      st.ledger.forms.has(k) ? [[st.ledger.forms.get(k)!, k] as const] : [],
    ),
  )
  if (was.size)
    st.entities = st.entities.map((e) => {
      const key = was.get(e.name)?.toLowerCase()
      return key && e.aliases.includes(key)
        ? { ...e, aliases: e.aliases.filter((a) => a !== key) }
        : e
    })
  st.ledger.forms = next
  for (const docId of articlesSaying(st, moved, except))
    if ([...moved].some((w) => st.documents.get(docId)!.text.includes(w))) st.reread.add(docId)
}

function removeArticle(st: Stage, docId: string): void {
  const doc = st.documents.get(docId)
  if (!doc) return
  st.existed.add(docId)
  st.touched.add(docId)
  const own = st.passages.get(docId) ?? []
  const gone = st.facts.get(docId) ?? []
  addCounts(st.ledger.counts, contribution(doc, own), -1)
  const terms = documentSentences(doc, own).sentenceTerms
  const ids = st.rows.get(docId) ?? []
  // the same terms as when it was added give the same index entries to take out
  const exact = ids.length === terms.length
  for (const [k, id] of ids.entries()) {
    for (const term of new Set(st.sentenceTerms[id]!.split(' ').filter(Boolean)))
      bump(st.df, term, -1)
    const entry = exact ? sentenceEntry(id, terms[k]!) : undefined
    st.edits.push(() => (entry ? st.sentenceIndex.remove(entry) : st.sentenceIndex.discard(id)))
    st.sentences[id] = tombstone
    st.sentenceTerms[id] = ''
  }
  st.sentenceCount -= ids.length
  const entries = passageEntries(doc, own)
  st.edits.push(() => st.passageIndex.removeAll(entries))
  st.documents.delete(docId)
  st.passages.delete(docId)
  st.facts.delete(docId)
  st.rows.delete(docId)
  point(st.ledger, docId, gone, false)
  // an entity only this article's facts were of goes with it, and the facts naming it find their context again
  const dropped = new Set(
    gone.flatMap(entityIds).filter((id) => !st.ledger.pointedBy.has(id) && !st.declared.has(id)),
  )
  if (dropped.size) {
    st.entities = st.entities.filter((e) => !dropped.has(e.id))
    for (const id of dropped)
      for (const other of st.ledger.mentionedBy.get(id) ?? []) st.recontext.add(other)
  }
  formsMoved(st, docId)
}

function putArticle(st: Stage, doc: CorpusDocument): void {
  removeArticle(st, doc.docId)
  st.touched.add(doc.docId)
  const own = splitPassages(doc)
  const mine = contribution(doc, own)
  const newLower = [...mine.lower].filter((w) => !st.ledger.counts.lower.has(w))
  addCounts(st.ledger.counts, mine, 1)
  const lower = new Set(st.ledger.counts.lower.keys())
  formsMoved(st, doc.docId)
  // read against copies: the entities of the knowledge given stay as they are
  const had = new Map(st.entities.map((e) => [e.id, e.aliases.length]))
  const copies = st.entities.map((e) => ({ ...e, aliases: [...e.aliases] }))
  const said = new Map(copies.map((e) => [e.id, e.article]))
  const resolver = buildEntities(st.language, copies)
  resolver.setShortForms(st.ledger.forms)
  const read = extractFacts(doc, own, resolver, namePatterns(st.language.lexicon))
  for (const [short, long] of st.ledger.forms) {
    const entity = resolver.find(long)
    const key = short.toLowerCase()
    if (entity && !entity.aliases.includes(key)) entity.aliases.push(key)
  }
  const next: Entity[] = resolver.entities()
  // how the others write a name ("the Tourism Bureau") is counted over them all: one article does not turn it
  for (const e of next) if (said.get(e.id) !== undefined) e.article = said.get(e.id)
  // aliases are pruned where they grew, and where a word now written in lower case is one
  const grown = next.filter((e) => e.aliases.length !== had.get(e.id))
  const lowered = new Set(
    newLower.flatMap((w) => st.knowledge.aliases.byAlias.get(w) ?? []).filter((id) => had.has(id)),
  )
  pruneAliases([...grown, ...next.filter((e) => lowered.has(e.id))], st.language, lower)
  addContext(read, next, {
    documents: new Map([[doc.docId, doc]]),
    passageById: new Map(own.map((p) => [p.id, p])),
    passages: new Map([[doc.docId, own]]),
  })
  // an entity the article left as it was stays the same object: the maps of entities change only where it did
  const originals = new Map(st.entities.map((e) => [e.id, e]))
  st.entities = next.map((e) => {
    const o = originals.get(e.id)
    return o && o.aliases.length === e.aliases.length && o.article === e.article ? o : e
  })
  // a name this article brings may stand in the others' sentences: their facts' context is found again
  const brought = grown.flatMap((e) => e.aliases.slice(had.get(e.id) ?? 0))
  for (const docId of articlesSaying(st, brought, doc.docId)) st.recontext.add(docId)
  // a one-word short form that is now an entity of its own ("Recife" the place, not "Recife
  // Tourism Bureau") is no longer read as the long name: the articles writing it are read again
  const taken = new Set(brought)
  const shorts = [...st.ledger.forms.keys()].filter((w) => taken.has(w.toLowerCase()))
  for (const docId of articlesSaying(st, shorts, doc.docId))
    if (shorts.some((w) => st.documents.get(docId)!.text.includes(w))) st.reread.add(docId)
  const own_ = documentSentences(doc, own)
  const first = st.sentences.length
  for (const [i, row] of own_.sentenceTerms.entries()) {
    st.sentences.push(own_.sentences[i]!)
    st.sentenceTerms.push(row.terms.join(' '))
    for (const term of new Set(row.terms)) bump(st.df, term, 1)
  }
  st.sentenceCount += own_.sentences.length
  st.rows.set(
    doc.docId,
    own_.sentences.map((_, i) => first + i),
  )
  const sentenceEntries = own_.sentenceTerms.map((s, i) => sentenceEntry(first + i, s))
  const entries = passageEntries(doc, own)
  st.edits.push(() => {
    st.sentenceIndex.addAll(sentenceEntries)
    st.passageIndex.addAll(entries)
  })
  st.documents.set(doc.docId, doc)
  st.passages.set(doc.docId, own)
  st.facts.set(doc.docId, read)
  point(st.ledger, doc.docId, read, true)
}

interface Parts {
  documents: Map<string, CorpusDocument>
  passages: Passage[]
  /** the articles changed, and their passages now and before */
  touched: Set<string>
  groups: Map<string, Passage[]>
  oldGroups: Map<string, Passage[]>
  facts: Fact[]
  entities: Entity[]
  df: Map<string, number>
  sentenceCount: number
  sentences: SentenceRef[]
  sentenceTerms: string[]
  ledger: Ledger
  passageIndex: Knowledge['index']
  sentenceIndex: Knowledge['sentenceIndex']
}

/** the new knowledge: the tables that did not change are the old ones, the big maps layered on them */
function assemble(knowledge: Knowledge, p: Parts): Knowledge {
  const was = [...p.touched].flatMap((id) => p.oldGroups.get(id) ?? [])
  const now = [...p.touched].flatMap((id) => p.groups.get(id) ?? [])
  const passageById = layered(
    knowledge.passageById,
    now.map((x) => [x.id, x]),
    was.map((x) => x.id),
  )
  const headingOf = layered(
    knowledge.headingOf,
    [...p.touched].flatMap((id) => [...headings(p.groups.get(id) ?? [])]),
    was.map((x) => x.id),
  )
  const before = new Set(knowledge.entities.map((e) => e.id))
  const after = new Set(p.entities.map((e) => e.id))
  const entityById = layered(
    knowledge.entityById,
    p.entities
      .filter((e) => !before.has(e.id) || knowledge.entityById.get(e.id) !== e)
      .map((e) => [e.id, e]),
    [...before].filter((id) => !after.has(id)),
  )
  const { ledger, sentences } = p
  const { counts } = ledger
  const words = new Set(p.df.keys())
  for (const w of counts.words.keys()) words.add(w)
  return {
    ...knowledge,
    documents: p.documents,
    passages: p.passages,
    passageById,
    headingOf,
    facts: p.facts,
    entities: p.entities,
    entityById,
    df: p.df,
    sentenceCount: p.sentenceCount,
    index: ownView(p.passageIndex, (id) => passageById.has(id as string)),
    sentences,
    sentenceIndex: ownView(p.sentenceIndex, (id) => isRow(sentences[id as number])),
    sentenceTerms: p.sentenceTerms,
    properWords: new Set(wordsOf(counts).proper),
    counts,
    lexicon: lexiconOf(words, p.entities, knowledge.language),
    aliases: buildAliasTable(p.entities),
  }
}

/** the knowledge with the changes made, at once */
export function applyChanges(knowledge: Knowledge, changes: KnowledgeChange[]): Knowledge {
  return stageChanges(knowledge, changes).apply()
}
