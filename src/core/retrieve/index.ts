/** The MiniSearch index over passages: built once into the knowledge pack, loaded anywhere. */
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import { terms } from '../nlu/nlp'
import type { CorpusDocument, Passage } from '../types'

interface IndexedPassage {
  id: string
  text: string
  heading: string
  title: string
}

// wink does the term work (lemmas, stop words, numbers kept), so MiniSearch must not split or lowercase again
const indexOptions: Options<IndexedPassage> = {
  fields: ['text', 'heading', 'title'],
  storeFields: [],
  tokenize: (text) => terms(text),
  processTerm: (term) => term,
  searchOptions: {
    boost: { text: 2, heading: 1, title: 0.3 },
    combineWith: 'OR',
    prefix: false,
    fuzzy: false,
  },
}

export type PassageIndex = MiniSearch<IndexedPassage>

export function buildIndex(docs: CorpusDocument[], passages: Passage[]): PassageIndex {
  const titles = new Map(docs.map((d) => [d.docId, d.title]))
  const texts = new Map(docs.map((d) => [d.docId, d.text]))
  const index = new MiniSearch<IndexedPassage>(indexOptions)
  index.addAll(
    passages
      .filter((p) => p.kind !== 'heading')
      .map((p) => ({
        id: p.id,
        text: texts.get(p.docId)!.slice(p.start, p.end),
        heading: p.heading ?? '',
        title: titles.get(p.docId) ?? '',
      })),
  )
  return index
}

export function loadIndex(json: string): PassageIndex {
  return MiniSearch.loadJSON<IndexedPassage>(json, indexOptions)
}

export interface SearchOptions {
  /** passages to return; defaults to 8 */
  limit?: number
}
const searchDefaults: Required<SearchOptions> = { limit: 8 }

/** ranks passages for already analysed query terms (with optional weights for expansions) */
export function searchPassages(
  index: PassageIndex,
  query: { term: string; weight: number }[],
  options: SearchOptions = {},
): SearchResult[] {
  const { limit } = { ...searchDefaults, ...options }
  if (query.length === 0) return []
  const weights = new Map(query.map(({ term, weight }) => [term, weight]))
  // the terms are analysed already: split them back apart rather than run wink again
  const results = index.search(query.map((q) => q.term).join(' '), {
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boostTerm: (term) => weights.get(term) ?? 1,
  })
  return results.slice(0, limit)
}
