/** The fitted answer-or-abstain model: a ranker over candidates and a decider over the best one. */
import type { AnswerModel, Linear } from '../../nlu/language'
import type { Features } from './features'

/** what the decider adds to the best candidate's features */
export interface Lead {
  /** the ranker's logit for the candidate */
  rankLogit: number
  /** its lead in logit over the next candidate */
  rankMargin: number
  /** a structured handler refused the question (another owner's or year's figure only) */
  factRefused: number
}
export const leadNames = ['rankLogit', 'rankMargin', 'factRefused'] as const

/** before `npm run train` has written intents/answer-model.json: coverage alone, at an even threshold */
export const untrainedModel: AnswerModel = {
  ranker: { weights: { coverage: 6, missedMaxIdf: -3, typedMissing: -1 }, bias: -2.5 },
  decider: { weights: { rankLogit: 1 }, bias: 0 },
  threshold: 0.5,
}

// a model's weights as name/weight pairs, read once per model rather than once per candidate
const compiled = new WeakMap<Linear, [string, number][]>()

/** the model the knowledge answers with: the fitted one from intents/, or the untrained fallback */
export function modelOf(knowledge: { language: { answerModel?: AnswerModel } }): AnswerModel {
  return knowledge.language.answerModel ?? untrainedModel
}

export function logit(model: Linear, values: Record<string, number>): number {
  let pairs = compiled.get(model)
  if (!pairs) {
    pairs = Object.entries(model.weights)
    compiled.set(model, pairs)
  }
  let z = model.bias
  for (const [name, weight] of pairs) z += weight * (values[name] ?? 0)
  return z
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/** the ranker's score of a candidate (a logit: higher is likelier to hold the answer) */
export function rankScore(model: AnswerModel, f: Features): number {
  return logit(model.ranker, f)
}

/** the probability that the chosen candidate is a right answer */
export function decision(model: AnswerModel, f: Features, lead: Lead): number {
  // the features carry no lead names, so the lead's weights add on top
  const w = model.decider.weights
  const z =
    logit(model.decider, f) +
    (w.rankLogit ?? 0) * lead.rankLogit +
    (w.rankMargin ?? 0) * lead.rankMargin +
    (w.factRefused ?? 0) * lead.factRefused
  return sigmoid(z)
}
