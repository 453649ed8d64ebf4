/** What a handler returns, and the helpers that turn facts into a grounded answer. */
import type { Knowledge } from '../../knowledge/pack'
import type { Answer, AnswerKind, Fact } from '../../types'
import { abstain, cite, uniqueCitations } from '../cite'
import type { Query } from '../query'

export type HandlerResult =
  /** a grounded answer from facts */
  | { type: 'answer'; answer: Answer; facts: Fact[] }
  /** the corpus cannot support an answer: retrieval must not try either */
  | { type: 'abstain'; answer: Answer }
  /** nothing structured matched: let retrieval try; the hint says what the facts do hold, for a refusal */
  | { type: 'pass'; reason: string; hint?: string }

export type Handler = (knowledge: Knowledge, query: Query) => HandlerResult

export interface GroundedOptions {
  text: string
  kind: AnswerKind
  facts: Fact[]
  confidence: number
  value?: Answer['value']
  unit?: string
  query: Query
}

/** every fact used is cited by the span that states it */
export function grounded(knowledge: Knowledge, o: GroundedOptions): HandlerResult {
  const citations = uniqueCitations(
    o.facts.map((f) => cite(knowledge, f.docId, f.passageId, f.span)),
  )
  return {
    type: 'answer',
    facts: o.facts,
    answer: {
      answer: o.text,
      abstained: false,
      kind: o.kind,
      value: o.value,
      unit: o.unit,
      intent: o.query.intent?.name,
      confidence: o.confidence,
      citations,
    },
  }
}

export function refuse(query: Query, reason: string, hint?: string): HandlerResult {
  return { type: 'abstain', answer: abstain({ reason, hint, intent: query.intent?.name }) }
}

export function pass(reason: string, hint?: string): HandlerResult {
  return hint ? { type: 'pass', reason, hint } : { type: 'pass', reason }
}
