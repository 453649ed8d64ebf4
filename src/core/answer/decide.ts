/** Decides one query: structured and retrieved candidates scored by one model, the best given or a refusal. */

import type { Knowledge } from '../knowledge/pack'
import type { AnswerType } from '../nlu/language'
import type { Answer, Fact } from '../types'
import { abstain } from './cite'
import { structuredFits } from './fact-fit'
import { handlers } from './handlers'
import { ownerOf } from './handlers/attribute'
import type { HandlerResult } from './handlers/result'
import type { Query } from './query'
import { otherFigure, supported, unnamedSpeaker } from './support'
import { decision, modelOf } from './typed/model'
import {
  type Candidate,
  factCandidate,
  leadOf,
  type Prepared,
  type RetrievalQuestion,
  retrievalCandidates,
  sayCandidate,
  threshold,
} from './typed/retrieval'

export interface DecideOptions {
  /** how much more probable the best sentence must be than the structured answer to be said instead;
   * defaults to 0.3 (a fact read from the wrong owner of a sentence loses to the sentence that says it) */
  sentenceLead: number
}
export const decideDefaults: DecideOptions = { sentenceLead: 0.3 }

export interface Outcome {
  answer: Answer
  facts: Fact[]
}

/** the structured handler's verdict: an answer from facts, a refusal, or nothing to say */
export function structured(knowledge: Knowledge, query: Query): HandlerResult | undefined {
  const handler =
    query.intent && query.intent.handler !== 'passage' ? handlers[query.intent.handler] : undefined
  if (handler) {
    const result = handler(knowledge, query)
    // a pass with a hint is kept: the facts give the figure for other owners only
    if (result.type !== 'pass' || result.hint) return result
  }
  // "which agency ran 286 smart city pilots?": no cue, but the owner of one figure answers it
  if (!query.intent) {
    const owner = ownerOf(knowledge, query)
    if (owner?.type === 'answer') return owner
  }
  return undefined
}

export function retrievalQuestion(query: Query): RetrievalQuestion {
  return {
    text: query.text,
    terms: query.terms,
    entityIds: query.ownerIds,
    names: query.names,
    docIds: query.docIds,
  }
}

export interface Scored {
  /** the structured verdict, if a handler had one */
  verdict?: HandlerResult
  /** the structured answer's citation scored as a candidate */
  fact?: Candidate
  /** retrieved candidates, best first */
  retrieved: Candidate[]
  prepared: Prepared
}

/** every candidate of a query with the model's probability (the trainer reads this too) */
export function scoreQuery(knowledge: Knowledge, query: Query): Scored {
  const verdict = structured(knowledge, query)
  const { prepared, candidates } = retrievalCandidates(knowledge, retrievalQuestion(query))
  // a structured answer is as good as the best of the sentences it cites (a superlative cites them all)
  const fact =
    verdict?.type === 'answer'
      ? verdict.answer.citations
          .map((c) => factCandidate(knowledge, prepared, c, candidates, verdict.answer.confidence))
          .filter((c): c is Candidate => c !== undefined)
          .sort((a, b) => b.p - a.p)[0]
      : undefined
  // a handler's refusal (another owner's figure, another year's) is evidence against the best sentence too
  const best = candidates[0]
  if (verdict?.type === 'abstain' && best)
    best.p = decision(modelOf(knowledge), best.features, leadOf(best, candidates[1], true))
  return { verdict, fact, retrieved: candidates, prepared }
}

/** the best sentence the model trusts and the rules let answer; when a rule sets the best aside (another part of
 * the year, another number), the runner-up as the model judges it against the one after */
function sayable(
  knowledge: Knowledge,
  query: Query,
  verdict: HandlerResult | undefined,
  retrieved: Candidate[],
  asked: AnswerType,
): Candidate | undefined {
  const t = threshold(knowledge)
  const [best, second] = retrieved
  if (!best || best.blocked || best.p < t) return undefined
  const runnerUp = () => {
    if (!second || second.blocked) return undefined
    const p = decision(modelOf(knowledge), second.features, leadOf(second, retrieved[2]))
    return p >= t && supported(knowledge, query, verdict, second, asked)
      ? { ...second, p }
      : undefined
  }
  // "what did the Corvane Union say?": a sentence that names no speaker asked about does not say it
  if (unnamedSpeaker(knowledge, query, best))
    return second && !unnamedSpeaker(knowledge, query, second) ? runnerUp() : undefined
  if (supported(knowledge, query, verdict, best, asked)) return best
  return otherFigure(knowledge, query, best, asked) ? runnerUp() : undefined
}

/** a structured answer the model trusts first, then the best sentence it trusts, else a refusal that says why */
export function decide(knowledge: Knowledge, query: Query): Outcome {
  // a name the corpus never uses: whatever a sentence says, it is not about that
  if (query.unknownNames.length > 0)
    return {
      answer: abstain({
        reason: `unknown name: ${query.unknownNames.join(', ')}`,
        intent: query.intent?.name,
        confidence: 0.85,
      }),
      facts: [],
    }
  const { verdict, fact, retrieved, prepared } = scoreQuery(knowledge, query)
  const t = threshold(knowledge)
  const intent = query.intent?.name
  const best = retrieved[0]
  // the model scores both on one scale: a far likelier sentence is said before the structured answer
  const sentenceFirst =
    best !== undefined &&
    fact !== undefined &&
    !best.blocked &&
    best.p >= fact.p + decideDefaults.sentenceLead &&
    supported(knowledge, query, verdict, best, prepared.asked)
  if (
    !sentenceFirst &&
    verdict?.type === 'answer' &&
    fact &&
    fact.p >= t &&
    structuredFits(knowledge, query, verdict.answer, verdict.facts, fact, prepared.asked)
  )
    return {
      answer: { ...verdict.answer, confidence: fact.p, reason: `fact (${fact.p.toFixed(2)})` },
      facts: verdict.facts,
    }
  const said = sayable(knowledge, query, verdict, retrieved, prepared.asked)
  if (said)
    return { answer: { ...sayCandidate(knowledge, said, prepared.anchors), intent }, facts: [] }
  if (verdict?.type === 'abstain') return { answer: verdict.answer, facts: [] }
  // no sentence says it for this owner either: say whom the facts give it for
  if (verdict?.type === 'pass' && verdict.hint)
    return {
      answer: abstain({ reason: verdict.reason, hint: verdict.hint, intent, confidence: 0.8 }),
      facts: [],
    }
  if (best?.blocked)
    return {
      answer: abstain({ reason: "only another owner's figure", intent, confidence: 0.8 }),
      facts: [],
    }
  const p = Math.max(best?.p ?? 0, fact?.p ?? 0)
  return {
    answer: abstain({
      reason: best ? `low confidence (${p.toFixed(2)})` : 'nothing relevant',
      intent,
      confidence: 1 - p,
    }),
    facts: [],
  }
}
