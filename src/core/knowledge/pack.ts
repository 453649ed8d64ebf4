/** Builds the knowledge pack from documents and language, serialises it, and loads it back anywhere. */
import { splitPassages } from '../corpus/passages'
import { CitableError } from '../errors'
import { addContext } from '../facts/context'
import { extractFacts } from '../facts/extract'
import { baseName, findNames } from '../facts/names'
import { buildEntities, shortForms, titledForms } from '../nlu/entities'
import type { Language } from '../nlu/language'
import { namePatterns } from '../nlu/lexicon'
import { buildAliasTable } from '../nlu/mentions'
import { terms } from '../nlu/nlp'
import { buildLexicon, type Lexicon } from '../nlu/typos'
import { buildIndex, loadIndex, type PassageIndex } from '../retrieve/index'
import {
  buildSentenceIndex,
  loadSentenceIndex,
  type SentenceIndex,
  type SentenceRef,
  type SentenceTerms,
} from '../retrieve/sentence-index'
import type { CorpusDocument, Entity, Passage } from '../types'
import type { CorpusCounts, CountsPack, Knowledge, KnowledgePack } from './types'
import { ownView } from './views'

/** the types live in ./types; re-exported for the modules that still import them from here */
export type { CorpusCounts, CountsPack, Knowledge, KnowledgePack } from './types'

/** 5: the language carries its lexicon (a pack without one cannot word an answer), and the pack the
 * corpus-wide counts an incremental change needs */
export const packVersion = 6 // 6: figures carry a relation and qualifier (issue 12)

export const countKeys = ['words', 'lower', 'alone', 'names', 'places'] as const

/** one article's part of the counts: the set of each */
export type CountsOf = Record<keyof CorpusCounts, Set<string>>

export function countsOf(
  doc: CorpusDocument,
  words: { alone: Set<string>; lower: Set<string> },
  found: { names: string[]; places: string[] },
): CountsOf {
  return {
    words: addTextWords(`${doc.title} ${doc.text}`, new Set()),
    lower: words.lower,
    alone: words.alone,
    names: new Set(found.names),
    places: new Set(found.places),
  }
}

export function addCounts(counts: CorpusCounts, of: CountsOf, by: 1 | -1): void {
  for (const key of countKeys)
    for (const w of of[key]) {
      const n = (counts[key].get(w) ?? 0) + by
      if (n > 0) counts[key].set(w, n)
      else counts[key].delete(w)
    }
}

const emptyCounts = (): CorpusCounts => ({
  words: new Map(),
  lower: new Map(),
  alone: new Map(),
  names: new Map(),
  places: new Map(),
})

/** a pack but for its two indexes */
export type PackParts = Omit<KnowledgePack, 'index' | 'sentenceIndex'>

/** a pack with its indexes as MiniSearch objects, before they are written as JSON */
export interface BuiltPack {
  parts: PackParts
  index: PassageIndex
  sentenceIndex: SentenceIndex
}

export function buildPack(documents: CorpusDocument[], language: Language): KnowledgePack {
  const { parts, index, sentenceIndex } = buildPackParts(documents, language)
  return { ...parts, index: JSON.stringify(index), sentenceIndex: JSON.stringify(sentenceIndex) }
}

export function buildPackParts(documents: CorpusDocument[], language: Language): BuiltPack {
  if (documents.length === 0)
    throw new CitableError('corpus_empty', 'corpus/: no .md or .txt article found')
  const ids = new Set<string>()
  for (const doc of documents) {
    if (ids.has(doc.docId))
      throw new CitableError(
        'corpus_unreadable',
        `corpus: two files give the docId "${doc.docId}"`,
        {
          file: doc.docId,
        },
      )
    ids.add(doc.docId)
  }
  const perDoc = documents.map((doc) => ({ doc, passages: splitPassages(doc) }))
  const passages = perDoc.flatMap((d) => d.passages)
  const resolver = buildEntities(language)
  // names first, so that "Harbourline" already means "Harbourline Terminals" when facts are read
  const found = perDoc.map(({ doc, passages }) => documentNames(doc, passages))
  const counts = emptyCounts()
  for (const [i, { doc }] of perDoc.entries())
    addCounts(counts, countsOf(doc, documentWords(doc), found[i]!), 1)
  const words = wordsOf(counts)
  const forms = formsOf(
    found.flatMap((f) => f.names),
    new Set(found.flatMap((f) => f.places)),
    words.lower,
    language,
  )
  resolver.setShortForms(forms)
  const facts = perDoc.flatMap(({ doc, passages }) =>
    extractFacts(doc, passages, resolver, namePatterns(language.lexicon)),
  )
  // "Solberg said ...": a short form answers to its long name's entity even where no fact resolved it
  for (const [short, long] of forms) {
    const entity = resolver.find(long)
    const key = short.toLowerCase()
    if (entity && !entity.aliases.includes(key)) entity.aliases.push(key)
  }
  pruneAliases(resolver.entities(), language, words.lower)
  addContext(facts, resolver.entities(), {
    documents: new Map(documents.map((d) => [d.docId, d])),
    passageById: new Map(passages.map((p) => [p.id, p])),
    passages: new Map(perDoc.map(({ doc, passages }) => [doc.docId, passages])),
  })
  const { df, sentenceCount, sentences, sentenceTerms } = sentenceTable(perDoc)
  const parts: PackParts = {
    version: packVersion,
    documents,
    passages,
    facts,
    entities: resolver.entities(),
    language,
    df,
    sentenceCount,
    sentences,
    sentenceTerms: sentenceTerms.map((s) => s.terms.join(' ')),
    properWords: words.proper,
    counts: Object.fromEntries(
      countKeys.map((k) => [k, Object.fromEntries(counts[k])]),
    ) as CountsPack,
  }
  return {
    parts,
    index: buildIndex(documents, passages),
    sentenceIndex: buildSentenceIndex(sentenceTerms),
  }
}

export function loadPack(pack: KnowledgePack): Knowledge {
  if (pack.version !== packVersion)
    throw new CitableError(
      'pack_invalid',
      `knowledge pack version ${pack.version}, expected ${packVersion}: rebuild it`,
    )
  return knowledgeOf(pack, loadIndex(pack.index), loadSentenceIndex(pack.sentenceIndex))
}

/** the knowledge of a pack whose indexes are loaded already (from JSON, or a snapshot's chunks) */
export function knowledgeOf(
  pack: PackParts,
  index: PassageIndex,
  sentenceIndex: SentenceIndex,
): Knowledge {
  const counts = Object.fromEntries(
    countKeys.map((k) => [k, new Map(Object.entries(pack.counts[k]))]),
  ) as unknown as CorpusCounts
  const words = new Set(Object.keys(pack.df))
  for (const w of counts.words.keys()) words.add(w)
  const passageById = new Map(pack.passages.map((p) => [p.id, p]))
  const rows = pack.sentences.length
  return {
    documents: new Map(pack.documents.map((d) => [d.docId, d])),
    passages: pack.passages,
    passageById,
    headingOf: headings(pack.passages),
    facts: pack.facts,
    entities: pack.entities,
    entityById: new Map(pack.entities.map((e) => [e.id, e])),
    language: pack.language,
    df: new Map(Object.entries(pack.df)),
    sentenceCount: pack.sentenceCount,
    // views: an article added later goes into these indexes, and this knowledge does not see it
    index: ownView(index, (id) => passageById.has(id as string)),
    sentences: pack.sentences,
    sentenceIndex: ownView(sentenceIndex, (id) => (id as number) < rows),
    sentenceTerms: pack.sentenceTerms,
    lexicon: lexiconOf(words, pack.entities, pack.language),
    properWords: new Set(pack.properWords),
    counts,
    aliases: buildAliasTable(pack.entities),
  }
}

/** the lower-cased words of a text, as the typo lexicon knows them */
export function addTextWords(text: string, to: Set<string>): Set<string> {
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w.length > 1) to.add(w)
  return to
}

/** the corpus's words and the language's: intents, units and the words of multi-word aliases are the core */
export function lexiconOf(
  words: Iterable<string>,
  entities: Entity[],
  language: Language,
): Lexicon {
  const core = new Set<string>()
  for (const intent of language.intents)
    for (const t of [...intent.utterances, ...intent.cues]) addTextWords(t, core)
  // words of multi-word aliases; a one-word alias is often an acronym, no word to repair towards
  for (const entity of entities)
    for (const t of entity.aliases) if (t.includes(' ')) addTextWords(t, core)
  for (const [unit, synonyms] of Object.entries(language.units))
    for (const t of [unit, ...synonyms]) addTextWords(t, core)
  return buildLexicon(words, core)
}

/** one article's names (for short forms) and the places it writes after in/across/to/from */
export function documentNames(doc: CorpusDocument, passages: Passage[]) {
  const texts = passages.flatMap((p) => p.sentences.map((s) => doc.text.slice(s.start, s.end)))
  return {
    names: texts.flatMap((t) => findNames(t).map((n) => baseName(n.text))),
    places: texts.flatMap((t) =>
      [...t.matchAll(/\b(?:in|across|to|from)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])/g)].map((m) => m[1]!),
    ),
  }
}

/** the short forms of the corpus's names: "Harbourline" for "Harbourline Terminals", "Ms Oduya" for "Rina Oduya" */
export function formsOf(
  names: string[],
  places: Set<string>,
  lower: Set<string>,
  language: Language,
): Map<string, string> {
  return new Map([
    ...shortForms(names, places, lower, namePatterns(language.lexicon).generic),
    ...titledForms(names, language.honorifics, language.orgWords),
  ])
}

/** one article's sentences: their rows, their terms (with neighbours and heading as context) and its df counts */
export function documentSentences(doc: CorpusDocument, passages: Passage[]) {
  const sentences: SentenceRef[] = []
  const sentenceTerms: SentenceTerms[] = []
  const title = terms(doc.title)
  let heading: string[] = []
  for (const p of passages) {
    const own = p.sentences.map((s) => terms(doc.text.slice(s.start, s.end)))
    if (p.kind === 'heading') heading = own.flat()
    for (const [i, s] of p.sentences.entries()) {
      sentences.push({ docId: doc.docId, passageId: p.id, start: s.start, end: s.end })
      const context = [
        ...(own[i - 1] ?? []),
        ...(own[i + 1] ?? []),
        ...(p.kind === 'heading' ? [] : heading),
      ]
      sentenceTerms.push({ terms: own[i]!, context, title })
    }
  }
  return { sentences, sentenceTerms }
}

/** each sentence read once: its terms give the df table and the sentence index */
function sentenceTable(perDoc: { doc: CorpusDocument; passages: Passage[] }[]) {
  const df: Record<string, number> = {}
  const sentences: SentenceRef[] = []
  const sentenceTerms: SentenceTerms[] = []
  for (const { doc, passages } of perDoc) {
    const own = documentSentences(doc, passages)
    for (const s of own.sentenceTerms)
      for (const term of new Set(s.terms)) df[term] = (df[term] ?? 0) + 1
    sentences.push(...own.sentences)
    sentenceTerms.push(...own.sentenceTerms)
  }
  return { df, sentenceCount: sentences.length, sentences, sentenceTerms }
}

export function headings(passages: Passage[]): Map<string, Passage> {
  const out = new Map<string, Passage>()
  let current: Passage | undefined
  for (const p of passages) {
    if (p.index === 0) current = undefined
    if (p.kind === 'heading') current = p
    else if (current) out.set(p.id, current)
  }
  return out
}

interface CorpusWords {
  /** capitalised words standing alone mid-sentence ("in Northmark"), never written in lower case */
  proper: string[]
  /** every word the articles write in lower case */
  lower: Set<string>
}

/** one article's words, as corpusWords reads them */
export function documentWords(doc: CorpusDocument): { alone: Set<string>; lower: Set<string> } {
  const alone = new Set<string>()
  const lower = new Set<string>()
  // a capitalised word standing alone mid-sentence ("in Northmark"), not inside a longer name ("North Sea Ports Forum")
  for (const m of doc.text.matchAll(/(?<=[a-z,;:] )[A-Z][a-z]{2,}\b(?!['’]?\s*[A-Z])/g))
    if (!/[A-Z][a-z]*\s$/.test(doc.text.slice(Math.max(0, m.index - 20), m.index)))
      alone.add(m[0].toLowerCase())
  for (const m of doc.text.matchAll(/\b[a-z]{2,}\b/g)) lower.add(m[0])
  return { alone, lower }
}

/** the proper words and the lower-case words of the corpus, from its counts */
export function wordsOf(counts: CorpusCounts): CorpusWords {
  const lower = new Set(counts.lower.keys())
  return { proper: [...counts.alone.keys()].filter((w) => !lower.has(w)).sort(), lower }
}

/** a made-up acronym that is an everyday word ("most" for the Ministry of Science and Technology) is no alias */
export function pruneAliases(entities: Entity[], language: Language, lower: Set<string>): void {
  const declared = new Set(language.entities.flatMap((e) => e.aliases.map((a) => a.toLowerCase())))
  for (const entity of entities) {
    const own = entity.name.toLowerCase()
    // a word of the name itself ("barges" of "inland barges") stays
    const words = new Set(own.split(/[\s-]+/))
    entity.aliases = entity.aliases.filter(
      (a) => a.includes(' ') || a === own || words.has(a) || declared.has(a) || !lower.has(a),
    )
  }
}
