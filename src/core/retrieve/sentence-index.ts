/** MiniSearch over sentences, with the heading, the neighbouring sentences and the title as context fields. */
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import { rootIndex, viewKeep } from '../knowledge/views'
import type { Span } from '../types'
import { topHits } from './top-hits'

/** one sentence of the corpus, as the index and the answer path see it */
export interface SentenceRef extends Span {
  docId: string
  passageId: string
}

/** the fields are analysed already (lemmas joined by spaces): the index only splits them */
interface IndexedSentence {
  id: number
  text: string
  context: string
  title: string
}

export interface SentenceIndexOptions {
  /** field weights: the sentence itself, its neighbours and heading, the article title */
  boost: { text: number; context: number; title: number }
  /** BM25 parameters (MiniSearch's k, b, d) */
  bm25: { k: number; b: number; d: number }
}

export const sentenceIndexDefaults: SentenceIndexOptions = {
  boost: { text: 3, context: 1, title: 0.5 },
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
}

const split = (text: string) => (text ? text.split(' ') : [])

function options(o: SentenceIndexOptions): Options<IndexedSentence> {
  return {
    fields: ['text', 'context', 'title'],
    storeFields: [],
    tokenize: split,
    processTerm: (term) => term,
    searchOptions: {
      boost: o.boost,
      bm25: o.bm25,
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
    },
  }
}

export type SentenceIndex = MiniSearch<IndexedSentence>

/** what the builder knows of each sentence: its terms, its passage's heading terms and the title's */
export interface SentenceTerms {
  terms: string[]
  /** terms of the sentences before and after it in its passage, and of its heading */
  context: string[]
  title: string[]
}

export function buildSentenceIndex(
  sentences: SentenceTerms[],
  o: SentenceIndexOptions = sentenceIndexDefaults,
): SentenceIndex {
  const index = new MiniSearch<IndexedSentence>(options(o))
  index.addAll(
    sentences.map((s, id) => ({
      id,
      text: s.terms.join(' '),
      context: s.context.join(' '),
      title: s.title.join(' '),
    })),
  )
  return index
}

export function loadSentenceIndex(
  json: string,
  o: SentenceIndexOptions = sentenceIndexDefaults,
): SentenceIndex {
  return MiniSearch.loadJSON<IndexedSentence>(json, options(o))
}

export interface SentenceHit {
  /** index into the knowledge's sentence table */
  id: number
  score: number
  /** question term -> the fields it was found in */
  match: Record<string, string[]>
}

/** ranks sentences for analysed question terms; each term weighted (expansions count less) */
export function searchSentences(
  index: SentenceIndex,
  query: { term: string; weight: number }[],
  limit: number,
): SentenceHit[] {
  if (query.length === 0) return []
  const weights = new Map(query.map(({ term, weight }) => [term, weight]))
  // what `index.search(…).slice(0, limit)` gives, without a result object per matching sentence
  return topHits(rootIndex(index), query.map((q) => q.term).join(' '), {
    boostTerm: (term) => weights.get(term) ?? 1,
    keep: viewKeep(index),
    limit,
  }).map((r) => ({ id: r.id as number, score: r.score, match: r.match }))
}

/** the same as `searchSentences`, by MiniSearch's own search: what the tests hold it to */
export function searchSentencesByMiniSearch(
  index: SentenceIndex,
  query: { term: string; weight: number }[],
  limit: number,
): SentenceHit[] {
  if (query.length === 0) return []
  const weights = new Map(query.map(({ term, weight }) => [term, weight]))
  const results: SearchResult[] = index.search(query.map((q) => q.term).join(' '), {
    tokenize: split,
    processTerm: (term) => term,
    boostTerm: (term) => weights.get(term) ?? 1,
  })
  return results.slice(0, limit).map((r) => ({
    id: r.id as number,
    score: r.score,
    match: r.match as Record<string, string[]>,
  }))
}
