/**
 * searchSentences reads the best hits off the index without MiniSearch's result objects: it must
 * give exactly what MiniSearch's own search gives (ids, scores, order, matched fields), on the
 * fixtures and on generated articles, through a knowledge's view and after articles change.
 */
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../scripts/bench/corpus-gen'
import { applyChanges } from '../../../src/core/knowledge/incremental'
import type { Knowledge } from '../../../src/core/knowledge/types'
import { ownView } from '../../../src/core/knowledge/views'
import {
  searchSentences,
  searchSentencesByMiniSearch,
} from '../../../src/core/retrieve/sentence-index'
import { topHits } from '../../../src/core/retrieve/top-hits'
import { nodeService } from '../../../src/runtime/node/service'
import { fixtureCorpus } from '../../corpora'
import { knowledgeOf } from '../helpers'

type Query = { term: string; weight: number }[]

/** a small seeded generator, so the queries are the same each run */
function random(seed: number) {
  let x = seed
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
    return x / 2_147_483_648
  }
}

/** queries from the knowledge's own sentence terms: whole sentences, mixes with weights,
 * a term said twice, a term with a space in it, a term no sentence says */
function queriesOf(knowledge: Knowledge, count: number): Query[] {
  const rand = random(7)
  const pick = () =>
    knowledge.sentenceTerms[Math.floor(rand() * knowledge.sentenceTerms.length)]!.split(' ')
  const out: Query[] = []
  for (let i = 0; i < count; i++) {
    const words = [...pick().slice(0, 4), ...pick().slice(0, 3)].filter(Boolean)
    const weights = [1, 0.5, 0.3, 2]
    const query = words.map((term, j) => ({ term, weight: weights[j % weights.length]! }))
    if (i % 5 === 1 && words[0]) query.push({ term: words[0], weight: 0.7 })
    if (i % 7 === 2 && words.length > 1)
      query.push({ term: `${words[0]} ${words[1]}`, weight: 0.5 })
    if (i % 9 === 3) query.push({ term: 'zzznotaword', weight: 1 })
    out.push(query)
  }
  return out
}

function sameHits(knowledge: Knowledge, queries: Query[], limits = [1, 6, 40]) {
  let compared = 0
  for (const query of queries)
    for (const limit of limits) {
      const fast = searchSentences(knowledge.sentenceIndex, query, limit)
      expect(fast).toEqual(searchSentencesByMiniSearch(knowledge.sentenceIndex, query, limit))
      compared += fast.length
    }
  return compared
}

describe('searchSentences gives what MiniSearch gives', () => {
  it('on the fixture articles', () => {
    const { knowledge } = nodeService({ corpus: fixtureCorpus })
    expect(sameHits(knowledge, queriesOf(knowledge, 150))).toBeGreaterThan(1000)
  })

  it('on generated articles, whose words repeat across many sentences (ties)', () => {
    const knowledge = knowledgeOf(generateCorpus(12).docs)
    expect(sameHits(knowledge, queriesOf(knowledge, 150))).toBeGreaterThan(1000)
  })

  it('through a view that admits only some sentences', () => {
    const knowledge = knowledgeOf(generateCorpus(4).docs)
    const view = ownView(knowledge.sentenceIndex, (id) => (id as number) % 3 !== 0)
    const viewed = { ...knowledge, sentenceIndex: view }
    const queries = queriesOf(knowledge, 60)
    sameHits(viewed, queries)
    const ids = queries.flatMap((q) => searchSentences(view, q, 40).map((h) => h.id))
    expect(ids.length).toBeGreaterThan(0)
    expect(ids.every((id) => id % 3 !== 0)).toBe(true)
  })

  it('after an article is added and another removed (MiniSearch answers while postings are stale)', () => {
    const corpus = generateCorpus(5).docs
    const knowledge = knowledgeOf(corpus.slice(0, 4))
    const changed = applyChanges(knowledge, [
      { kind: 'put', document: corpus[4]! },
      { kind: 'delete', docId: corpus[0]!.docId },
    ])
    expect(sameHits(changed, queriesOf(changed, 60))).toBeGreaterThan(100)
  })
})

describe('topHits', () => {
  const index = () => {
    const mini = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      tokenize: (t) => t.split(' '),
      searchOptions: { boost: { text: 2 } },
    })
    mini.addAll([
      { id: 10, text: 'port cargo' },
      { id: 11, text: 'cargo' },
      { id: 12, text: 'port cargo' },
      { id: 13, text: 'grid' },
    ])
    return mini
  }
  const one = () => 1

  it('keeps equal scores in the order MiniSearch first saw them', () => {
    const hits = topHits(index(), 'port cargo', { boostTerm: one, limit: 3 })
    expect(hits.map((h) => h.id)).toEqual([10, 12, 11])
    expect(hits[0]!.match).toEqual({ port: ['text'], cargo: ['text'] })
  })

  it('searches by MiniSearch where it cannot read the index exactly (a fuzzy index)', () => {
    const fuzzy = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      searchOptions: { fuzzy: 0.2 },
    })
    fuzzy.addAll([{ id: 1, text: 'cargos' }])
    expect(topHits(fuzzy, 'cargo', { boostTerm: one, limit: 5 }).map((h) => h.id)).toEqual([1])
  })
})
