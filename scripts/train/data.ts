/** Training questions for the answer-or-abstain model: each SQuAD question's candidates, scored and labelled. */

import { readFileSync } from 'node:fs'
import { scoreQuery } from '../../src/core/answer/decide'
import type { Features } from '../../src/core/answer/typed/features'
import { resolveTurn } from '../../src/core/conversation/followup'
import { newSession } from '../../src/core/conversation/session'
import { buildPack, type Knowledge, loadPack } from '../../src/core/knowledge/pack'
import type { Language } from '../../src/core/nlu/language'
import type { CorpusDocument } from '../../src/core/types'
import { readCorpus } from '../../src/runtime/node/files'
import { type BenchName, loadSquad } from '../eval/bench/load'
import { squadNormalise } from '../eval/bench/score'
import { parseSet } from '../eval/schema'

export interface Labelled {
  f: Features
  /** 1 when it holds a gold answer */
  y: number
}

export interface QuestionRows {
  answerable: boolean
  /** refused by a rule before the model (a name the corpus never uses) */
  ruled: boolean
  /** a structured handler refused it */
  factRefused: boolean
  /** a structured answer's candidate, labelled by a gold answer in its text or quote */
  fact?: Labelled
  /** the retrieved candidates, labelled by a gold answer in their sentence */
  candidates: Labelled[]
}

const holds = (text: string, golds: string[]) => {
  const t = ` ${squadNormalise(text)} `
  return golds.some((g) => {
    const n = squadNormalise(g)
    return n.length > 0 && t.includes(` ${n} `)
  })
}

/** one question through the same path as at answer time, every candidate labelled by `right` on its text
 * (a retrieved sentence; a structured answer's words and quotes) */
function rowsOf(
  knowledge: Knowledge,
  question: string,
  answerable: boolean,
  right: (text: string) => boolean,
): QuestionRows {
  const { query } = resolveTurn(question, knowledge, newSession(0))
  if (query.unknownNames.length > 0)
    return { answerable, ruled: true, factRefused: false, candidates: [] }
  const { verdict, fact, retrieved } = scoreQuery(knowledge, query)
  const candidates = retrieved.map((c) => {
    const s = knowledge.sentences[c.sentenceId]!
    return {
      f: c.features,
      y: right(knowledge.documents.get(s.docId)!.text.slice(s.start, s.end)) ? 1 : 0,
    }
  })
  const said =
    verdict?.type === 'answer'
      ? [verdict.answer.answer, ...verdict.answer.citations.map((c) => c.quote)].join(' ')
      : ''
  return {
    answerable,
    ruled: false,
    factRefused: verdict?.type === 'abstain',
    fact: fact ? { f: fact.features, y: right(said) ? 1 : 0 } : undefined,
    candidates,
  }
}

/** each question of a SQuAD folder, labelled by a gold answer in the text */
export function squadRows(name: Exclude<BenchName, 'news'>, language: Language): QuestionRows[] {
  const bench = loadSquad(name)
  const knowledge = loadPack(buildPack(bench.documents, language))
  return bench.items.map((item) => {
    const answerable = item.cat === 'squad-ans'
    const gold = answerable ? item.answers : []
    return rowsOf(knowledge, item.question, answerable, (text) => holds(text, gold))
  })
}

/** the own labelled set's single-turn questions (test/eval/questions.jsonl), labelled by what each expects */
export function ownRows(
  language: Language,
  set = 'test/eval/questions.jsonl',
  corpus = ['corpus', 'test/fixtures/corpus'],
): QuestionRows[] {
  const items = parseSet(readFileSync(set, 'utf8'), set).filter((i) => i.turns.length === 1)
  const knowledge = loadPack(buildPack(readCorpus(corpus), language))
  const lower = (t: string) => t.toLowerCase().replace(/,(?=\d{3})/g, '')
  return items.map((item) => {
    const expect = item.expect[0]!
    const answerable = expect.abstained !== true
    const wanted = [
      expect.cites,
      ...(expect.cites ? [] : [expect.answer, ...(expect.answerAll ?? [])]),
    ].filter((w): w is string => !!w)
    const numbers = wanted.flatMap((w) => lower(w).match(/\d+(?:\.\d+)?/g) ?? [])
    const right = (text: string) => {
      if (!answerable || wanted.length === 0) return false
      const t = lower(text)
      if (expect.cites) return t.includes(lower(expect.cites))
      return numbers.length
        ? numbers.every((n) => t.includes(n))
        : wanted.every((w) => t.includes(lower(w)))
    }
    return rowsOf(knowledge, item.turns[0]!, answerable, right)
  })
}

/** questions asked of a corpus they were not written for: nothing there answers them, every candidate is wrong */
export function foreignRows(
  from: Exclude<BenchName, 'news'>,
  documents: CorpusDocument[],
  language: Language,
  limit: number,
): QuestionRows[] {
  const knowledge = loadPack(buildPack(documents, language))
  const items = loadSquad(from).items
  const step = Math.max(1, Math.floor(items.length / limit))
  return items
    .filter((_, i) => i % step === 0)
    .slice(0, limit)
    .map((item) => rowsOf(knowledge, item.question, false, () => false))
}
