/** Decides one query: structured and retrieved candidates scored by one model, the best given or a refusal. */

import { relationFits, relationWords } from '../facts/relations'
import type { Knowledge } from '../knowledge/pack'
import type { AnswerType } from '../nlu/language'
import { terms } from '../nlu/nlp'
import { escapeRegex, nameKey } from '../nlu/normalize'
import type { Answer, Fact } from '../types'
import { abstain } from './cite'
import { handlers } from './handlers'
import { ownerOf } from './handlers/attribute'
import { askedRelation } from './handlers/relation'
import type { HandlerResult } from './handlers/result'
import { factsOfDoc } from './match'
import { usedInFamily } from './passage'
import type { Query } from './query'
import { figureTypes, fitsAsked } from './typed/agree'
import { conflictingNumbers } from './typed/conflict'
import { negatedText } from './typed/features'
import { decision, modelOf } from './typed/model'
import { saysOpposite } from './typed/opposites'
import {
  type Candidate,
  factCandidate,
  leadOf,
  type Prepared,
  type RetrievalQuestion,
  retrievalCandidates,
  saidOfAnotherCounterpart,
  sayCandidate,
  threshold,
} from './typed/retrieval'

// a handler that found the figure, but for another owner or year, holds retrieval to the owners and years asked
const slotRefusal = /^(?:no figure for|only a shared figure)/

export interface DecideOptions {
  /** how much more probable the best sentence must be than the structured answer to be said instead;
   * defaults to 0.3 (a fact read from the wrong owner of a sentence loses to the sentence that says it) */
  sentenceLead: number
}
export const decideDefaults: DecideOptions = { sentenceLead: 0.3 }

/** the figure a retrieved sentence gives is stated by a relation the question's verb accepts: "how many
 * customers does it have?" is not answered by "it shed 120,000 customers" */
function relationAgrees(knowledge: Knowledge, query: Query, best: Candidate): boolean {
  const value = best.span?.value
  const asked = value === undefined ? undefined : askedRelation(knowledge, query)
  if (!asked) return true
  const s = knowledge.sentences[best.sentenceId]!
  const stated = factsOfDoc(knowledge, s.docId).flatMap((f) => {
    if (f.span.start < s.start || f.span.end > s.end) return []
    if (f.kind === 'quantity') return f.quantity.value === value ? [f.relation] : []
    if (f.kind === 'change')
      return f.to.value === value || f.from.value === value ? [f.relation] : []
    return []
  })
  const words = relationWords(knowledge.language)
  return stated.length === 0 || stated.some((r) => relationFits(words, asked, r))
}

// a part of a year a figure may be given for: "in the fourth quarter alone", "in the first half"
const periodPart =
  /\b(?:(?:first|second|third|fourth|final|last)\s+(?:quarter|half)|q[1-4]|quarterly)\b/i

/** the sentence gives its figure for a part of the year the question does not ask about */
function partOfPeriod(question: string, sentence: string): boolean {
  return periodPart.test(sentence) && !/\b(?:quarter|half|q[1-4])\b/i.test(question)
}

/** a retrieved sentence may answer: it says a question word itself, and after a handler's owner or year
 * refusal, it names the owners and years asked in the sentence itself */
function supported(
  knowledge: Knowledge,
  query: Query,
  verdict: HandlerResult | undefined,
  best: Candidate,
  asked: AnswerType,
): boolean {
  // the sentence must say a question word; missing the rarest one, it must cover a quarter of the
  // question, and the rarest may not be a word the articles never use ("what is the capital of france")
  const f = best.features
  // "how many treatment works ...": a figure question is answered by a figure, not by a sentence without one
  if (figureTypes.has(asked) && !best.span) return false
  // a word the articles never use is forgiven in a question for a name or a date whose sentence holds the
  // typed answer beside every name asked ("who co-founded the web analytics firm Corvane?"); a figure's
  // thing the articles never name ("how much does Valmora invest in its metro?") is not there
  const namedAnswer =
    !figureTypes.has(asked) &&
    best.span !== undefined &&
    f.namesMissing === 0 &&
    f.namesOutsideSentence === 0 &&
    query.names.length + query.ownerIds.length > 0
  if (
    f.coverage === 0 ||
    (f.missedMaxIdf === 1 && (f.coverage < 0.25 || (f.absentTerms > 0 && !namedAnswer)))
  )
    return false
  // "what happened in 1685?": a figure or year the question states is stated where the answer is
  if (f.numbersMissing > 0) return false
  if (!relationAgrees(knowledge, query, best)) return false
  // "what is not an example of a pathogen?": what is not so is said by a sentence that says so; a reason
  // why not ("why has it not been approved?") need not say it again
  if (asked !== 'reason' && f.negationMismatch === 1 && negatedText(knowledge, query.text))
    return false
  const s = knowledge.sentences[best.sentenceId]!
  const said = knowledge.documents.get(s.docId)!.text.slice(s.start, s.end)
  // "what happened after the war?" is not answered by what happened before it, nor "18 months" by "12 months"
  if (saysOpposite(knowledge, query.text, said) || conflictingNumbers(query.text, said))
    return false
  if (figureTypes.has(asked) && partOfPeriod(query.text, said)) return false
  if (verdict?.type !== 'abstain' || !slotRefusal.test(verdict.answer.reason ?? '')) return true
  const text = ` ${nameKey(said)} `
  const owners = query.ownerIds.every((id) =>
    (knowledge.entityById.get(id)?.aliases ?? []).some((a) => text.includes(` ${nameKey(a)} `)),
  )
  return owners && query.years.every((y) => text.includes(` ${y} `))
}

/** the question names the entity as a name: by a phrase of its aliases, or a one-word alias written with a
 * capital ("MOST" is the ministry, "the most pilots" is not) */
function writtenAsName(knowledge: Knowledge, id: string, text: string): boolean {
  const lower = ` ${nameKey(text)} `
  return (knowledge.entityById.get(id)?.aliases ?? []).some((a) => {
    if (a.includes(' ')) return lower.includes(` ${nameKey(a)} `)
    const m = new RegExp(`(?<![A-Za-z])${escapeRegex(a)}(?![A-Za-z])`, 'i').exec(text)
    return m !== null && /[A-Z]/.test(m[0])
  })
}

/** every fact used belongs to an owner the question names; a thing word ("wind") asked as an owner
 * ("how many TEU does wind have?") is no licence to give a company's figure */
export function ownersAgree(knowledge: Knowledge, query: Query, facts: Fact[]): boolean {
  const named = query.ownerIds.filter(
    (id) =>
      knowledge.entityById.get(id)?.type !== 'other' && writtenAsName(knowledge, id, query.text),
  )
  const things = query.ownerIds.filter((id) => knowledge.entityById.get(id)?.type === 'other')
  return facts.every((f) => {
    if (!f.ownerId || query.ownerIds.includes(f.ownerId)) return true
    if (named.length > 0) return false
    // the thing word names what the fact counts ("wind farms"), not whose it is
    return things.every((id) => {
      const words = (knowledge.entityById.get(id)?.name ?? '').toLowerCase().split(' ')
      return words.every((w) => f.thing.toLowerCase().includes(w))
    })
  })
}

/** asked of a thing word ("how many TEU does wind have?"), the figure must be of the other thing asked:
 * wind farms do not answer TEU */
export function thingsAgree(knowledge: Knowledge, query: Query, facts: Fact[]): boolean {
  const types = query.ownerIds.map((id) => knowledge.entityById.get(id)?.type)
  if (types.length === 0 || types.some((t) => t !== 'other')) return true
  const own = new Set(
    query.ownerIds.flatMap((id) =>
      (knowledge.entityById.get(id)?.name ?? '').toLowerCase().split(' '),
    ),
  )
  const asked = query.thingTerms.filter((t) => !own.has(t) && !/^\d+$/.test(t))
  if (asked.length === 0) return true
  return facts.every((f) => asked.some((t) => f.thingTerms.includes(t) || f.terms.includes(t)))
}

/** the words said just after a fact's figure, and its heading's: what it counts ("39 'Broadband' pilots",
 * a list line under "Pilots by ministry") */
function countedAfter(knowledge: Knowledge, f: Fact & { kind: 'quantity' }): string[] {
  const text = knowledge.documents.get(f.docId)!.text
  const said = text.slice(f.span.start, f.span.end)
  const at = said.indexOf(f.quantity.display)
  const heading = knowledge.headingOf.get(f.passageId)
  return [
    ...(at === -1 ? [] : terms(said.slice(at + f.quantity.display.length, at + 48))),
    ...(heading ? terms(text.slice(heading.start, heading.end)) : []),
  ]
}

/** a count asked of a thing ("how many customers") is a count of that thing: a figure of branches is not */
function countsAsked(
  knowledge: Knowledge,
  query: Query,
  asked: AnswerType,
  facts: Fact[],
): boolean {
  if (asked !== 'count' || query.thingTerms.length === 0) return true
  // "how many copies did her books sell": the noun after "how many" is what is counted
  const counted = terms(/\bhow many ([a-z-]+)/i.exec(query.text)?.[1] ?? '')[0]
  const wanted = counted && query.thingTerms.includes(counted) ? [counted] : query.thingTerms
  return facts.every((f) => {
    if (f.kind !== 'quantity' || f.quantity.unit !== 'count') return true
    const own = [...f.thingTerms, f.head]
    // the question may name the fact's whole thing ("how many 'Broadband Valmora' pilots")
    const named = f.thingTerms.length > 0 && f.thingTerms.every((t) => query.terms.includes(t))
    return named || wanted.some((t) => own.includes(t) || countedAfter(knowledge, f).includes(t))
  })
}

// the kind of owner or answer asked for ("which operator") is not a thing counted
const kindWords = new WeakMap<Knowledge, Set<string>>()

/** every thing word of the question is one the articles or the language use: "a monthly pass" is not there */
function namedThings(knowledge: Knowledge, query: Query): boolean {
  let kinds = kindWords.get(knowledge)
  if (!kinds) {
    const l = knowledge.language
    kinds = new Set(
      [...l.ownerKinds, ...l.orgWords, ...l.answerTypes.flatMap((d) => d.nouns)].map((w) =>
        w.toLowerCase(),
      ),
    )
    kindWords.set(knowledge, kinds)
  }
  return query.thingTerms.every(
    (t) =>
      usedInFamily(knowledge, t) ||
      knowledge.lexicon.words.has(t) ||
      kinds.has(t) ||
      /^\d+$/.test(t),
  )
}

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

/** the sentence gives its figure for another part of the year or another count than the question asks */
function otherFigure(knowledge: Knowledge, query: Query, c: Candidate, asked: AnswerType): boolean {
  const s = knowledge.sentences[c.sentenceId]!
  const said = knowledge.documents.get(s.docId)!.text.slice(s.start, s.end)
  return (
    figureTypes.has(asked) &&
    (partOfPeriod(query.text, said) || conflictingNumbers(query.text, said))
  )
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
  if (supported(knowledge, query, verdict, best, asked)) return best
  if (!second || second.blocked || !otherFigure(knowledge, query, best, asked)) return undefined
  const p = decision(modelOf(knowledge), second.features, leadOf(second, retrieved[2]))
  return p >= t && supported(knowledge, query, verdict, second, asked)
    ? { ...second, p }
    : undefined
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
    fitsAsked(verdict.answer, prepared.asked, query.text) &&
    !(
      typeof verdict.answer.value === 'number' &&
      saidOfAnotherCounterpart(knowledge, fact, verdict.answer.value, query.text)
    ) &&
    ownersAgree(knowledge, query, verdict.facts) &&
    // a thing the articles never name ("a monthly pass") has no figure in them
    namedThings(knowledge, query) &&
    thingsAgree(knowledge, query, verdict.facts) &&
    countsAsked(knowledge, query, prepared.asked, verdict.facts) &&
    !verdict.answer.citations.some((c) => partOfPeriod(query.text, c.quote))
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
