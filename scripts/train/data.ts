/** Training questions for the answer-or-abstain model: each SQuAD question's candidates, scored and labelled. */
import { scoreQuery } from '../../src/core/answer/decide'
import type { Features } from '../../src/core/answer/typed/features'
import { resolveTurn } from '../../src/core/conversation/followup'
import { newSession } from '../../src/core/conversation/session'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import type { Language } from '../../src/core/nlu/language'
import { type BenchName, loadSquad } from '../eval/bench/load'
import { squadNormalise } from '../eval/bench/score'

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

/** each question of a SQuAD folder through the same path as at answer time */
export function squadRows(name: Exclude<BenchName, 'news'>, language: Language): QuestionRows[] {
  const bench = loadSquad(name)
  const knowledge = loadPack(buildPack(bench.documents, language))
  return bench.items.map((item) => {
    const { query } = resolveTurn(item.question, knowledge, newSession(0))
    const answerable = item.cat === 'squad-ans'
    const gold = answerable ? item.answers : []
    if (query.unknownNames.length > 0)
      return { answerable, ruled: true, factRefused: false, candidates: [] }
    const { verdict, fact, retrieved } = scoreQuery(knowledge, query)
    const candidates = retrieved.map((c) => {
      const s = knowledge.sentences[c.sentenceId]!
      const text = knowledge.documents.get(s.docId)!.text.slice(s.start, s.end)
      return { f: c.features, y: holds(text, gold) ? 1 : 0 }
    })
    const said =
      verdict?.type === 'answer'
        ? [verdict.answer.answer, ...verdict.answer.citations.map((c) => c.quote)].join(' ')
        : ''
    return {
      answerable,
      ruled: false,
      factRefused: verdict?.type === 'abstain',
      fact: fact ? { f: fact.features, y: holds(said, gold) ? 1 : 0 } : undefined,
      candidates,
    }
  })
}
