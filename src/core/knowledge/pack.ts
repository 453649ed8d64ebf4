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
import { buildLexicon } from '../nlu/typos'
import { buildIndex, loadIndex } from '../retrieve/index'
import {
  buildSentenceIndex,
  loadSentenceIndex,
  type SentenceRef,
  type SentenceTerms,
} from '../retrieve/sentence-index'
import type { CorpusDocument, Entity, Passage } from '../types'
import type { Knowledge, KnowledgePack } from './types'

/** the types live in ./types; re-exported for the modules that still import them from here */
export type { Knowledge, KnowledgePack } from './types'

/** 4: the language carries its lexicon (a pack without one cannot word an answer) */
export const packVersion = 4

export function buildPack(documents: CorpusDocument[], language: Language): KnowledgePack {
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
  const sentenceTexts = perDoc.flatMap(({ doc, passages }) =>
    passages.flatMap((p) => p.sentences.map((s) => doc.text.slice(s.start, s.end))),
  )
  const places = new Set(
    sentenceTexts.flatMap((t) =>
      [...t.matchAll(/\b(?:in|across|to|from)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])/g)].map((m) => m[1]!),
    ),
  )
  const words = corpusWords(documents)
  const found = sentenceTexts.flatMap((t) => findNames(t).map((n) => baseName(n.text)))
  const forms = new Map([
    ...shortForms(found, places, words.lower, namePatterns(language.lexicon).generic),
    ...titledForms(found, language.honorifics, language.orgWords),
  ])
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
  return {
    version: packVersion,
    documents,
    passages,
    facts,
    entities: resolver.entities(),
    language,
    df,
    sentenceCount,
    index: JSON.stringify(buildIndex(documents, passages)),
    sentences,
    sentenceIndex: JSON.stringify(buildSentenceIndex(sentenceTerms)),
    sentenceTerms: sentenceTerms.map((s) => s.terms.join(' ')),
    properWords: words.proper,
  }
}

export function loadPack(pack: KnowledgePack): Knowledge {
  if (pack.version !== packVersion)
    throw new CitableError(
      'pack_invalid',
      `knowledge pack version ${pack.version}, expected ${packVersion}: rebuild it`,
    )
  const words = new Set(Object.keys(pack.df))
  const core = new Set<string>()
  const addWords = (text: string, to: Set<string> = words) => {
    for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w.length > 1) to.add(w)
  }
  for (const intent of pack.language.intents)
    for (const t of [...intent.utterances, ...intent.cues]) addWords(t, core)
  // words of multi-word aliases; a one-word alias is often an acronym, no word to repair towards
  for (const entity of pack.entities)
    for (const t of entity.aliases) if (t.includes(' ')) addWords(t, core)
  for (const [unit, synonyms] of Object.entries(pack.language.units))
    for (const t of [unit, ...synonyms]) addWords(t, core)
  for (const doc of pack.documents) addWords(`${doc.title} ${doc.text}`)
  return {
    documents: new Map(pack.documents.map((d) => [d.docId, d])),
    passages: pack.passages,
    passageById: new Map(pack.passages.map((p) => [p.id, p])),
    headingOf: headings(pack.passages),
    facts: pack.facts,
    entities: pack.entities,
    entityById: new Map(pack.entities.map((e) => [e.id, e])),
    language: pack.language,
    df: new Map(Object.entries(pack.df)),
    sentenceCount: pack.sentenceCount,
    index: loadIndex(pack.index),
    sentences: pack.sentences,
    sentenceIndex: loadSentenceIndex(pack.sentenceIndex),
    sentenceTerms: pack.sentenceTerms,
    lexicon: buildLexicon(words, core),
    properWords: new Set(pack.properWords),
    aliases: buildAliasTable(pack.entities),
  }
}

/** each sentence read once: its terms give the df table and the sentence index (with its neighbours as context) */
function sentenceTable(perDoc: { doc: CorpusDocument; passages: Passage[] }[]) {
  const df: Record<string, number> = {}
  const sentences: SentenceRef[] = []
  const sentenceTerms: SentenceTerms[] = []
  let sentenceCount = 0
  for (const { doc, passages } of perDoc) {
    const title = terms(doc.title)
    let heading: string[] = []
    for (const p of passages) {
      const own = p.sentences.map((s) => terms(doc.text.slice(s.start, s.end)))
      if (p.kind === 'heading') heading = own.flat()
      for (const [i, s] of p.sentences.entries()) {
        sentenceCount++
        for (const term of new Set(own[i])) df[term] = (df[term] ?? 0) + 1
        sentences.push({ docId: doc.docId, passageId: p.id, start: s.start, end: s.end })
        const context = [
          ...(own[i - 1] ?? []),
          ...(own[i + 1] ?? []),
          ...(p.kind === 'heading' ? [] : heading),
        ]
        sentenceTerms.push({ terms: own[i]!, context, title })
      }
    }
  }
  return { df, sentenceCount, sentences, sentenceTerms }
}

function headings(passages: Passage[]): Map<string, Passage> {
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

function corpusWords(documents: CorpusDocument[]): CorpusWords {
  const alone = new Set<string>()
  const lower = new Set<string>()
  for (const doc of documents) {
    // a capitalised word standing alone mid-sentence ("in Northmark"), not inside a longer name ("North Sea Ports Forum")
    for (const m of doc.text.matchAll(/(?<=[a-z,;:] )[A-Z][a-z]{2,}\b(?!['’]?\s*[A-Z])/g))
      if (!/[A-Z][a-z]*\s$/.test(doc.text.slice(Math.max(0, m.index - 20), m.index)))
        alone.add(m[0].toLowerCase())
    for (const m of doc.text.matchAll(/\b[a-z]{2,}\b/g)) lower.add(m[0])
  }
  return { proper: [...alone].filter((w) => !lower.has(w)).sort(), lower }
}

/** a made-up acronym that is an everyday word ("most" for the Ministry of Science and Technology) is no alias */
function pruneAliases(entities: Entity[], language: Language, lower: Set<string>): void {
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
