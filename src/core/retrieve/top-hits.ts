/**
 * The first `limit` results of MiniSearch's `search` for an OR query of exact terms, without
 * building a result object for every sentence that says one of them. MiniSearch scores every
 * match, makes an object (with its terms and fields) for each, filters and sorts them all: at
 * 200,000 sentences that was most of a question's time, for the 40 the caller keeps.
 *
 * The scores are MiniSearch's, computed with the same operations in the same order (so the same
 * floating-point numbers), and ties keep MiniSearch's order: the order in which its result map
 * first saw each sentence (the query's terms in turn, each term's fields in turn, each field's
 * postings in order). An index this cannot read exactly so (prefix or fuzzy search, a document
 * boost, AND, or postings of a discarded document not yet vacuumed) is searched by MiniSearch.
 * test/core/retrieve/top-hits.test.ts checks both against each other.
 */
import type MiniSearch from 'minisearch'
import type { SearchOptions, SearchResult } from 'minisearch'

// biome-ignore lint/suspicious/noExplicitAny: any document type
type Index = MiniSearch<any>

/** what of MiniSearch's internals the search reads (the same names its own search reads) */
interface Internals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined }
  _documentIds: Map<number, unknown>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
  _dirtCount: number
  _options: { fields: string[]; searchOptions?: SearchOptions }
}

export interface TopHit {
  /** the document's own id */
  id: unknown
  score: number
  /** query term -> the fields it was found in, as MiniSearch gives it */
  match: Record<string, string[]>
}

/** per-index scratch arrays, reused across searches (a search runs to its end synchronously) */
interface Scratch {
  termSum: Float64Array
  total: Float64Array
  termMark: Int32Array
  seen: Int32Array
  quality: Int32Array
  stamp: number
}
const scratches = new WeakMap<Index, Scratch>()

function scratchOf(index: Index, size: number): Scratch {
  let s = scratches.get(index)
  if (!s || s.total.length < size || s.stamp > 2_000_000_000) {
    const n = Math.max(size, 16)
    s = {
      termSum: new Float64Array(n),
      total: new Float64Array(n),
      termMark: new Int32Array(n),
      seen: new Int32Array(n),
      quality: new Int32Array(n),
      stamp: 0,
    }
    scratches.set(index, s)
  }
  return s
}

/** the search options this reads exactly as MiniSearch does; undefined when it cannot */
function exactOptions(root: Index, extra: SearchOptions) {
  const ix = root as unknown as Internals
  const o = { ...ix._options.searchOptions, ...extra }
  if (o.prefix || o.fuzzy || o.boostDocument || ix._dirtCount > 0) return undefined
  if ((o.combineWith ?? 'OR').toLowerCase() !== 'or') return undefined
  const fields = o.fields ?? ix._options.fields
  const boosts = fields.map((field) => {
    const b = o.boost && Object.hasOwn(o.boost, field) ? o.boost[field] : undefined
    return b || 1
  })
  const bm25 = { k: 1.2, b: 0.7, d: 0.5, ...o.bm25 }
  return { fields, boosts, bm25 }
}

const calcBM25 = (
  idf: number,
  termFreq: number,
  fieldLength: number,
  avgFieldLength: number,
  { k, b, d }: { k: number; b: number; d: number },
) =>
  idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)))

/** one term's postings in one field with each document's BM25 score, as MiniSearch computes it */
interface ScoredList {
  /** the index's state it was read at: any added or removed document changes it */
  version: string
  docs: Int32Array
  raw: Float64Array
}
const lists = new WeakMap<Map<number, number>, ScoredList>()

/** the postings as arrays with their scores, made once per state of the index; undefined when a
 * posting is of a document the index no longer has (MiniSearch would drop it as it searched) */
function scoredPostings(
  ix: Internals,
  postings: Map<number, number>,
  fieldId: number,
  bm25: { k: number; b: number; d: number },
): ScoredList | undefined {
  const version = `${ix._nextId}:${ix._documentCount}:${bm25.k}:${bm25.b}:${bm25.d}`
  const found = lists.get(postings)
  if (found?.version === version) return found
  const matching = postings.size
  const total = ix._documentCount
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5))
  const avg = ix._avgFieldLength[fieldId]!
  const docs = new Int32Array(matching)
  const raw = new Float64Array(matching)
  let i = 0
  for (const [doc, freq] of postings) {
    if (!ix._documentIds.has(doc)) return undefined
    docs[i] = doc
    raw[i++] = calcBM25(idf, freq, ix._fieldLength.get(doc)![fieldId]!, avg, bm25)
  }
  const made = { version, docs, raw }
  lists.set(postings, made)
  return made
}

interface Scored {
  /** short ids in the order MiniSearch's result map first holds them */
  order: number[]
  s: Scratch
}

/** every matching document's score into the scratch arrays; undefined where MiniSearch must do it */
function score(
  root: Index,
  queryTerms: string[],
  boostTerm: (term: string) => number,
  opts: NonNullable<ReturnType<typeof exactOptions>>,
): Scored | undefined {
  const ix = root as unknown as Internals
  const s = scratchOf(root, ix._nextId + 1)
  const search = ++s.stamp
  const order: number[] = []
  const done = new Set<string>()
  for (const term of queryTerms) {
    const data = ix._index.get(term)
    if (!data) continue
    const termBoost = boostTerm(term)
    const mark = ++s.stamp
    const touched: number[] = []
    for (let f = 0; f < opts.fields.length; f++) {
      const fieldId = ix._fieldIds[opts.fields[f]!]!
      const postings = data.get(fieldId)
      if (!postings) continue
      const list = scoredPostings(ix, postings, fieldId, opts.bm25)
      if (!list) return undefined
      const fieldBoost = opts.boosts[f]!
      const { docs, raw } = list
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!
        const weighted = 1 * termBoost * fieldBoost * 1 * raw[i]!
        if (s.termMark[doc] === mark) s.termSum[doc] = s.termSum[doc]! + weighted
        else {
          s.termMark[doc] = mark
          s.termSum[doc] = weighted
          touched.push(doc)
        }
      }
    }
    fold(s, search, touched, order, !done.has(term))
    done.add(term)
  }
  return { order, s }
}

/** one term's sums into the totals, as MiniSearch's OR combinator adds them; a term said again in the
 * query adds its score again but is one of the document's matched terms once (`fresh` false) */
function fold(
  s: Scratch,
  search: number,
  touched: number[],
  order: number[],
  fresh: boolean,
): void {
  for (const doc of touched) {
    if (s.seen[doc] === search) {
      s.total[doc] = s.total[doc]! + s.termSum[doc]!
      if (fresh) s.quality[doc] = s.quality[doc]! + 1
    } else {
      s.seen[doc] = search
      s.total[doc] = s.termSum[doc]!
      s.quality[doc] = 1
      order.push(doc)
    }
  }
}

/** the best `limit` of the scored documents `keep` admits, best first, ties in first-seen order */
function best(scored: Scored, limit: number, keep: (doc: number) => boolean): number[] {
  const { order, s } = scored
  const final = (doc: number) => s.total[doc]! * s.quality[doc]!
  // a sorted list of at most `limit` (score desc, then first seen): a later document enters only
  // when it scores strictly more than the worst kept
  const top: number[] = []
  for (const doc of order) {
    if (limit <= 0) break
    const value = final(doc)
    if (top.length === limit && !(value > final(top[top.length - 1]!))) continue
    if (!keep(doc)) continue
    let at = top.length
    while (at > 0 && value > final(top[at - 1]!)) at--
    top.splice(at, 0, doc)
    if (top.length > limit) top.pop()
  }
  return top
}

/** the fields each query term was found in for one document, keys in MiniSearch's order */
function matchOf(root: Index, doc: number, queryTerms: string[], fields: string[]) {
  const ix = root as unknown as Internals
  const match: Record<string, string[]> = {}
  for (const term of queryTerms) {
    const data = ix._index.get(term)
    if (!data || Object.hasOwn(match, term)) continue
    const found = fields.filter((field) => data.get(ix._fieldIds[field]!)?.has(doc))
    if (found.length) match[term] = found
  }
  return match
}

/**
 * MiniSearch's `root.search(terms.join(' '), { tokenize: split on ' ', processTerm: itself,
 * boostTerm, filter: (r) => keep(r.id) }).slice(0, limit)`, as id, score and match
 */
export function topHits(
  root: Index,
  query: string,
  options: { boostTerm: (term: string) => number; keep?: (id: unknown) => boolean; limit: number },
): TopHit[] {
  const queryTerms = query.split(' ').filter((term) => !!term)
  const opts = exactOptions(root, {})
  const ix = root as unknown as Internals
  const scored = opts && score(root, queryTerms, options.boostTerm, opts)
  if (!opts || !scored) return fallback(root, query, options)
  const keep = options.keep
  const ids = best(scored, options.limit, (doc) => !keep || keep(ix._documentIds.get(doc)))
  return ids.map((doc) => ({
    id: ix._documentIds.get(doc),
    score: scored.s.total[doc]! * scored.s.quality[doc]!,
    match: matchOf(root, doc, queryTerms, opts.fields),
  }))
}

function fallback(
  root: Index,
  query: string,
  options: { boostTerm: (term: string) => number; keep?: (id: unknown) => boolean; limit: number },
): TopHit[] {
  const keep = options.keep
  const results: SearchResult[] = root.search(query, {
    tokenize: (text: string) => text.split(' '),
    processTerm: (term: string) => term,
    boostTerm: options.boostTerm,
    ...(keep ? { filter: (r: SearchResult) => keep(r.id) } : {}),
  })
  return results.slice(0, options.limit).map((r) => ({
    id: r.id,
    score: r.score,
    match: r.match as Record<string, string[]>,
  }))
}
