/** What a retrieved sentence must say to answer: a question word, the negation or figure the question states,
 * not the opposite, the relation asked, the part of the year asked. */
import { relationFits, relationWords } from '../facts/relations'
import type { Knowledge } from '../knowledge/pack'
import { memo } from '../memo'
import type { AnswerType } from '../nlu/language'
import { nameKey } from '../nlu/normalize'
import { askedRelation } from './handlers/relation'
import type { HandlerResult } from './handlers/result'
import { factsOfDoc } from './match'
import type { Query } from './query'
import { figureTypes } from './typed/agree'
import { conflictingNumbers } from './typed/conflict'
import { negatedText } from './typed/features'
import { saysOpposite } from './typed/opposites'
import type { Candidate } from './typed/retrieval'

// a handler that found the figure, but for another owner or year, holds retrieval to the owners and years asked
const slotRefusal = /^(?:no figure for|only a shared figure)/

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
export function partOfPeriod(question: string, sentence: string): boolean {
  return periodPart.test(sentence) && !/\b(?:quarter|half|q[1-4])\b/i.test(question)
}

/** a retrieved sentence may answer: it says a question word itself, and after a handler's owner or year
 * refusal, it names the owners and years asked in the sentence itself */
export function supported(
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

/** the sentence gives its figure for another part of the year or another count than the question asks */
export function otherFigure(
  knowledge: Knowledge,
  query: Query,
  c: Candidate,
  asked: AnswerType,
): boolean {
  const s = knowledge.sentences[c.sentenceId]!
  const said = knowledge.documents.get(s.docId)!.text.slice(s.start, s.end)
  return (
    figureTypes.has(asked) &&
    (partOfPeriod(query.text, said) || conflictingNumbers(query.text, said))
  )
}

const speechCache = new WeakMap<Knowledge, Set<string>>()

/** the question asks what a body or person it names says ("what did the Corvane Union say about ...?") and
 * the sentence, with the one before it, names none of them */
export function unnamedSpeaker(knowledge: Knowledge, query: Query, c: Candidate): boolean {
  const speech = memo(
    speechCache,
    knowledge,
    () => new Set(knowledge.language.reporting.filter((w) => !w.includes(' '))),
  )
  if (!(query.text.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => speech.has(w))) return false
  const speakers = query.ownerIds.filter((id) => {
    const type = knowledge.entityById.get(id)?.type
    return type === 'org' || type === 'person'
  })
  if (speakers.length === 0) return false
  const s = knowledge.sentences[c.sentenceId]!
  const before = knowledge.sentences[c.sentenceId - 1]
  const text = knowledge.documents.get(s.docId)!.text
  const around = ` ${nameKey(`${before?.docId === s.docId ? text.slice(before.start, before.end) : ''} ${text.slice(s.start, s.end)}`)} `
  return !speakers.some((id) =>
    (knowledge.entityById.get(id)?.aliases ?? []).some((a) => around.includes(` ${nameKey(a)} `)),
  )
}
