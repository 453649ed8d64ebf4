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
}

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
  /** every word the corpus and the language know, for typo repair and unknown names */
  lexicon: Lexicon
  aliases: AliasTable
}
