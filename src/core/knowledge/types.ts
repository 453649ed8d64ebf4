/** The knowledge pack's two forms: the serialisable one the builders write, and the loaded one the core answers from. */
import type { Language } from '../nlu/language'
import type { AliasTable } from '../nlu/mentions'
import type { Lexicon } from '../nlu/typos'
import type { PassageIndex } from '../retrieve/index'
import type { SentenceIndex, SentenceRef } from '../retrieve/sentence-index'
import type { CorpusDocument, Entity, Fact, Passage } from '../types'

/** the serialisable form: plain JSON, as the Worker imports it */
export interface KnowledgePack {
  version: number
  documents: CorpusDocument[]
  passages: Passage[]
  facts: Fact[]
  entities: Entity[]
  language: Language
  /** sentence counts per term, for weighting question terms */
  df: Record<string, number>
  sentenceCount: number
  /** MiniSearch's own JSON */
  index: string
  /** every sentence of every passage (headings included), in corpus order */
  sentences: SentenceRef[]
  /** MiniSearch's JSON of the sentence index; ids are positions in `sentences` */
  sentenceIndex: string
  /** each sentence's terms (lemmas joined by spaces), read once at build time */
  sentenceTerms: string[]
  /** words the corpus only ever writes capitalised ("northmark"): names, even when a question types them in lower case */
  properWords: string[]
  /** how many articles use each word and name: what adding or removing one article needs */
  counts: CountsPack
}

/** corpus-wide counts of articles, by what a fresh build reads across them (src/core/knowledge/incremental.ts) */
export interface CorpusCounts {
  /** words of titles and texts, for the typo lexicon */
  words: Map<string, number>
  /** words written in lower case, and capitalised words standing alone mid-sentence */
  lower: Map<string, number>
  alone: Map<string, number>
  /** names and places, for short forms ("Harbourline" for "Harbourline Terminals") */
  names: Map<string, number>
  places: Map<string, number>
}

export type CountsPack = Record<keyof CorpusCounts, Record<string, number>>

/** the loaded form the core answers from */
export interface Knowledge {
  documents: Map<string, CorpusDocument>
  passages: Passage[]
  passageById: Map<string, Passage>
  /** the heading passage each passage sits under */
  headingOf: Map<string, Passage>
  facts: Fact[]
  entities: Entity[]
  entityById: Map<string, Entity>
  language: Language
  df: Map<string, number>
  sentenceCount: number
  index: PassageIndex
  sentences: SentenceRef[]
  sentenceIndex: SentenceIndex
  /** each sentence's terms, space-joined, aligned with `sentences` */
  sentenceTerms: string[]
  properWords: Set<string>
  /** how many articles use each word and name */
  counts: CorpusCounts
  /** every word the corpus and the language know, for typo repair and unknown names */
  lexicon: Lexicon
  aliases: AliasTable
}
