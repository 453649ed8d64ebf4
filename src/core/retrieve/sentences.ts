/** Ranks the sentences of the best passages against the question's terms, with idf weights. */
import type { Knowledge } from '../knowledge/pack'
import { memo } from '../memo'
import { terms } from '../nlu/nlp'
import type { Passage, Span } from '../types'
import { searchPassages } from './index'

export interface WeightedTerm {
  term: string
  /** 1 for the question's own words, less for expansions */
  weight: number
  /** the question word an expansion stands for */
  of?: string
}

export interface RankedSentence {
  passage: Passage
  span: Span
  /** the idf-weighted share of the question's terms the sentence (or its heading) covers, 0 to 1 */
  coverage: number
  /** question terms it matched */
  matched: string[]
  score: number
}

export interface RankOptions {
  /** passages whose sentences are ranked; defaults to 8 */
  passages?: number
  /** only passages of these documents */
  docIds?: string[]
}
const defaults: Required<Omit<RankOptions, 'docIds'>> = { passages: 8 }

export function idf(knowledge: Knowledge, term: string): number {
  const df = knowledge.df.get(term) ?? 0
  return Math.log(1 + (knowledge.sentenceCount + 1) / (df + 0.5))
}

const titleCache = new WeakMap<Knowledge, Map<string, Set<string>>>()

function titleTermsOf(knowledge: Knowledge, docId: string): Set<string> {
  const byDoc = memo(titleCache, knowledge, () => new Map<string, Set<string>>())
  return memo(byDoc, docId, () => new Set(terms(knowledge.documents.get(docId)?.title ?? '')))
}

interface PassageTerms {
  headingTerms: Set<string>
  sentenceTerms: Set<string>[]
}

// the terms of passages already read, per knowledge; a bounded cache, emptied when full
const termCache = new WeakMap<Knowledge, Map<string, PassageTerms>>()
const termCacheSize = 20_000

function passageTerms(knowledge: Knowledge, passage: Passage): PassageTerms {
  const cache = memo(termCache, knowledge, () => new Map<string, PassageTerms>())
  if (cache.size >= termCacheSize && !cache.has(passage.id)) cache.clear()
  return memo(cache, passage.id, () => {
    const text = knowledge.documents.get(passage.docId)!.text
    return {
      headingTerms: new Set(passage.heading ? terms(passage.heading) : []),
      sentenceTerms: passage.sentences.map(
        (span) => new Set(terms(text.slice(span.start, span.end))),
      ),
    }
  })
}

export function rankSentences(
  knowledge: Knowledge,
  query: WeightedTerm[],
  options: RankOptions = {},
): RankedSentence[] {
  const opts = { ...defaults, ...options }
  const hits = searchPassages(knowledge.index, query, { limit: opts.passages * 3 })
  const wanted = opts.docIds ? new Set(opts.docIds) : undefined
  // a question word and its expansions count once, at the best weight found
  const groups = new Map<string, WeightedTerm[]>()
  for (const q of query) {
    const key = q.of ?? q.term
    groups.set(key, [...(groups.get(key) ?? []), q])
  }
  const total = [...groups.keys()].reduce((sum, key) => sum + idf(knowledge, key), 0) || 1
  const ranked: RankedSentence[] = []
  let used = 0
  const top = hits[0]?.score || 1
  const seenHeadings = new Set<string>()
  for (const hit of hits) {
    const passage = knowledge.passageById.get(hit.id as string)
    if (!passage || (wanted && !wanted.has(passage.docId))) continue
    if (++used > opts.passages) break
    const { headingTerms, sentenceTerms } = passageTerms(knowledge, passage)
    // the article's title frames every passage in it, faintly
    const titleTerms = titleTermsOf(knowledge, passage.docId)
    // words of the sentence's neighbours in the passage count for half: the passage is its context
    const around = new Set(sentenceTerms.flatMap((s) => [...s]))
    // the heading a passage sits under can answer by itself: "PPP – an Effective Approach ..."
    const headingPassage = knowledge.headingOf.get(passage.id)
    const candidates = passage.sentences.map((span, i) => ({
      span,
      own: sentenceTerms[i]!,
      from: passage,
    }))
    if (headingPassage && !seenHeadings.has(headingPassage.id)) {
      seenHeadings.add(headingPassage.id)
      candidates.push({
        span: { start: headingPassage.start, end: headingPassage.end },
        own: headingTerms,
        from: headingPassage,
      })
    }
    for (const { span, own, from } of candidates) {
      let covered = 0
      const matched: string[] = []
      for (const [key, group] of groups) {
        let best = 0
        for (const q of group) {
          if (own.has(q.term)) best = Math.max(best, q.weight)
          else if (headingTerms.has(q.term)) best = Math.max(best, q.weight * 0.6)
          else if (around.has(q.term)) best = Math.max(best, q.weight * 0.5)
          else if (titleTerms.has(q.term)) best = Math.max(best, q.weight * 0.4)
        }
        if (best > 0) {
          covered += best * idf(knowledge, key)
          matched.push(key)
        }
      }
      const coverage = covered / total
      // the index's own rank only breaks near ties
      ranked.push({
        passage: from,
        span,
        coverage,
        matched,
        score: coverage + (hit.score / top) * 0.02,
      })
    }
  }
  return ranked.sort((a, b) => b.score - a.score)
}
