/** Runs a benchmark through citable and through the search-box peer, on one fresh service, and scores both. */
import { ask } from '../../../src/core/conversation/ask'
import { createMemoryStore } from '../../../src/core/conversation/memory-store'
import { buildPack, loadPack } from '../../../src/core/knowledge/pack'
import type { Language } from '../../../src/core/nlu/language'
import type { Answer, CorpusDocument } from '../../../src/core/types'
import { readLanguage } from '../../../src/runtime/node/files'
import { createSearchBox } from '../../bench/search-box'
import { citationProblem } from '../citations'
import type { Bench, NewsItem, SquadItem } from './load'
import { type BenchReply, scoreNewsTurn, scoreSquad } from './score'

export type Replier = (question: string, sessionId: string) => Promise<Answer>

export interface Peers {
  citable: Replier
  /** a citable replier with sessions of its own, for a second run on the same knowledge */
  freshCitable: () => Replier
  /** the language the knowledge answers with (the trainer swaps its model) */
  language: Language
  box: Replier
  documents: Map<string, { text: string }>
  buildMs: number
}

/** a fresh service whose corpus is the benchmark's articles, and the search box over the same sentences */
export function peersFor(documents: CorpusDocument[], intents = 'intents'): Peers {
  const started = performance.now()
  const knowledge = loadPack(buildPack(documents, readLanguage(intents)))
  const buildMs = performance.now() - started
  const replier = (): Replier => {
    const service = {
      knowledge,
      sessions: createMemoryStore(),
      newId: () => 'unused',
      now: () => Date.now(),
    }
    return (question, sessionId) => ask(service, { question, sessionId })
  }
  const box = createSearchBox(documents)
  return {
    citable: replier(),
    freshCitable: replier,
    language: knowledge.language,
    box: async (question) => box.answer(question),
    documents: new Map(documents.map((d) => [d.docId, d])),
    buildMs,
  }
}

export interface TurnRecord {
  id: string
  cat: string
  question: string
  right: boolean
  /** right by the answer text alone (SQuAD strict) */
  strict?: boolean
  abstained: boolean
  expectAbstain: boolean
  answer: string
  reason?: string
  confidence: number
  badCitations: number
  citations: number
  ms: number
}

export interface ItemRecord {
  id: string
  cat: string
  right: boolean
  turns: TurnRecord[]
}

function record(
  id: string,
  cat: string,
  question: string,
  reply: Answer,
  scored: { right: boolean; strict?: boolean; expectAbstain: boolean },
  documents: Peers['documents'],
  ms: number,
): TurnRecord {
  return {
    id,
    cat,
    question,
    ...scored,
    abstained: reply.abstained,
    answer: reply.answer,
    reason: reply.reason,
    confidence: reply.confidence,
    citations: reply.citations.length,
    badCitations: reply.citations.filter((c) => citationProblem(c, documents) !== undefined).length,
    ms,
  }
}

const asReply = (a: Answer): BenchReply => a

export async function runNews(
  bench: Bench<NewsItem>,
  replier: Replier,
  documents: Peers['documents'],
): Promise<ItemRecord[]> {
  const out: ItemRecord[] = []
  for (const item of bench.items) {
    const turns: TurnRecord[] = []
    for (const [i, question] of item.turns.entries()) {
      const expect = item.expect[i] ?? {}
      const started = performance.now()
      const reply = await replier(question, `bench-${item.id}`)
      const ms = performance.now() - started
      const right = scoreNewsTurn(expect, asReply(reply))
      turns.push(
        record(
          item.id,
          item.cat,
          question,
          reply,
          { right, expectAbstain: !!expect.abstain },
          documents,
          ms,
        ),
      )
    }
    out.push({ id: item.id, cat: item.cat, right: turns.every((t) => t.right), turns })
  }
  return out
}

export async function runSquad(
  bench: Bench<SquadItem>,
  replier: Replier,
  documents: Peers['documents'],
): Promise<ItemRecord[]> {
  const out: ItemRecord[] = []
  for (const item of bench.items) {
    const started = performance.now()
    const reply = await replier(item.question, `bench-${item.id}`)
    const ms = performance.now() - started
    const { lenient, strict } = scoreSquad(item.answers, asReply(reply))
    const turn = record(
      item.id,
      item.cat,
      item.question,
      reply,
      { right: lenient, strict, expectAbstain: item.cat === 'squad-imp' },
      documents,
      ms,
    )
    out.push({ id: item.id, cat: item.cat, right: lenient, turns: [turn] })
  }
  return out
}
