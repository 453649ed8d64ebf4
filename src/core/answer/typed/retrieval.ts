/** Answers from any prose: rank sentences, pull a typed candidate from each, score each with the model, decide. */

import { relativeYear } from '../../analysis/values'
import { findNames } from '../../facts/names'
import type { Knowledge } from '../../knowledge/pack'
import { memo } from '../../memo'
import { type AnswerType, answerTypes } from '../../nlu/language'
import { terms } from '../../nlu/nlp'
import { escapeRegex } from '../../nlu/normalize'
import { searchSentences } from '../../retrieve/sentence-index'
import type { Answer, Citation } from '../../types'
import { cite, quoteSpan } from '../cite'
import { capitalise } from '../format'
import { expandTerms } from '../passage'
import { anotherOwner, figureTypes } from './agree'
import { months, type TypedSpan, typedSpans, typeFit } from './candidates'
import { differenceIn } from './difference'
import { expectedType, openingOf } from './expected'
import {
  type Features,
  features,
  type QuestionSignals,
  questionSignals,
  sentenceAt,
  sentencesOf,
  sentenceText,
} from './features'
import { decision, type Lead, modelOf, rankScore, sigmoid } from './model'
import { oppositesOf } from './opposites'

/** the decider's view of a candidate's place: its ranker logit and lead over the runner-up */
export function leadOf(c: Candidate, next: Candidate | undefined, factRefused = false): Lead {
  return {
    rankLogit: c.score,
    rankMargin: next ? Math.min(5, c.score - next.score) : 5,
    factRefused: factRefused ? 1 : 0,
  }
}

export interface RetrievalOptions {
  /** sentences ranked by the index; defaults to 40 */
  hits: number
  /** of those, how many are scored as candidates; defaults to 6 */
  candidates: number
}
export const retrievalDefaults: RetrievalOptions = { hits: 40, candidates: 6 }

export interface RetrievalQuestion {
  /** the question as understood */
  text: string
  terms: string[]
  /** entity ids the question names */
  entityIds: string[]
  /** other proper names, lower-cased */
  names: string[]
  /** only these documents */
  docIds?: string[]
}

export interface Candidate {
  sentenceId: number
  span?: TypedSpan
  features: Features
  /** the ranker's logit: how likely this sentence holds the answer, among the question's candidates */
  score: number
  /** the decider's probability that this candidate is a right answer (set for the candidates it judges) */
  p: number
  /** why it can never be the answer: its figure belongs to another owner than the question names */
  blocked?: string
}

// every kind of answer but a reason or a description is a short span of a sentence
const typedKinds = new Set<AnswerType>(
  answerTypes.filter((t) => t !== 'reason' && t !== 'description'),
)

const anchorStops = new Set([
  'how',
  'many',
  'much',
  'what',
  'which',
  'who',
  'when',
  'where',
  'why',
  'does',
  'did',
  'the',
  'and',
  'was',
  'were',
  'are',
  'has',
  'have',
  'had',
  'for',
  'with',
  'that',
  'this',
  'its',
  'their',
])

/** the question's own words as patterns, to find where a sentence says them */
function anchorPatterns(question: string): RegExp[] {
  return question
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !anchorStops.has(w))
    .map((w) => new RegExp(`\\b${w}`, 'g'))
}

// a figure said against another ("50m taller than", "3% more than"): only a difference question wants it
const comparativeWord = /^(?:[a-z]+er|more|less|fewer)$/
const comparativeNext = /^\s*(?:(?:[a-z]+er|more|less|fewer)\s+)?than\b/

// "dropped 5% since May to 88.9%", "rose $7.2bn to $170.8bn": the first figure is the change, the level follows
const changeThenLevel = /^\s*(?:[a-z]+\s+){0,3}to\s+(?:about\s+|around\s+|nearly\s+)?[£$€]?\d/

function comparedAt(lowerSentence: string, span: TypedSpan): boolean {
  const next = lowerSentence.slice(span.end, span.end + 16)
  if (span.type !== 'date' && changeThenLevel.test(lowerSentence.slice(span.end, span.end + 40)))
    return true
  const last = /([a-z]+)$/.exec(span.text.toLowerCase())?.[1] ?? ''
  const m = comparativeNext.exec(next)
  return m !== null && (comparativeWord.test(last) || /\S\s+than/.test(m[0]))
}

/** where a name is said in a lower-case sentence, as whole words */
function placesOf(lower: string, name: string): number[] {
  if (name.length < 2) return []
  return [...lower.matchAll(new RegExp(`\\b${escapeRegex(name)}\\b`, 'g'))].map((m) => m.index)
}

const timeWord = new RegExp(`^(?:${months.toLowerCase()}|1[5-9]\\d\\d|20\\d\\d)$`)
// the distance a figure said with another counterpart than the one asked is put back by
const offCounterpart = 1000
// how far from a figure (in characters) its counterpart is said: "16% of women", "95.5% in June"
const counterpartReach = 40

/** whether a span's nearest counterpart word (a month, a year, one of a pair of opposites: "women", "men")
 * is one the question asks about; undefined when the sentence says no counterpart the question does not,
 * or none it does */
function counterpartOf(
  lower: string,
  question: string,
  opposites: ReadonlyMap<string, string[]>,
): (span: TypedSpan) => boolean | undefined {
  const asked = (word: string) => new RegExp(`\\b${word}\\b`).test(question)
  // an opposite counts where the question says it or its partner ("men" for a question about women)
  const paired = (word: string) =>
    opposites.has(word) && (asked(word) || opposites.get(word)!.some(asked))
  const said = [...lower.matchAll(/[a-z]+|\d{4}/g)]
    .filter((m) => timeWord.test(m[0]) || paired(m[0]))
    .map((m) => ({ at: m.index, word: m[0] }))
  if (!said.some((t) => asked(t.word)) || said.every((t) => asked(t.word))) return () => undefined
  return (span) => {
    const gap = (t: { at: number }) =>
      t.at >= span.end ? t.at - span.end : Math.max(0, span.start - t.at)
    const nearest = said.reduce((a, b) => (gap(a) <= gap(b) ? a : b))
    // a counterpart said further off belongs to another clause
    return gap(nearest) <= counterpartReach ? asked(nearest.word) : undefined
  }
}

/** the typed span the question asks for, nearest the question's words; none the question itself says */
function pickSpan(
  sentence: string,
  prep: Prepared,
): { span?: TypedSpan; fit: number; count: number } {
  const { asked, anchors: patterns, difference, owners } = prep
  const q = prep.question.text.toLowerCase()
  const lower = sentence.toLowerCase()
  // every place the question's own words are said: the span asked for sits next to them; where the sentence
  // says the owner asked about, next to it ("EUR 420 million, of which EUR 150 million comes from X")
  const said = owners.flatMap((alts) => alts.flatMap((a) => placesOf(lower, a)))
  // each question word's places: a span near all of them beats one near a single repeated word
  // ("an annual pass costs EUR 25, while a day pass costs EUR 2": the day pass is EUR 2)
  const anchors = said.length
    ? [said]
    : patterns
        .map((re) => [...lower.matchAll(re)].map((m) => m.index))
        .filter((places) => places.length > 0)
  let best: { span?: TypedSpan; fit: number; distance: number } = {
    fit: 0,
    distance: Number.POSITIVE_INFINITY,
  }
  const counterpart = counterpartOf(lower, q, prep.opposites)
  let count = 0
  for (const span of typedSpans(sentence)) {
    const fit = typeFit(asked, span.type)
    if (fit === 0 || q.includes(span.text.toLowerCase())) continue
    // "Half-Life 2 did not appear": a figure the question says as part of a name
    const word = /(\S+\s+)$/.exec(lower.slice(Math.max(0, span.start - 30), span.start))?.[1]
    const number = /^\S+/.exec(span.text.toLowerCase())?.[0]
    if (word && number && new RegExp(`${escapeRegex(word + number)}\\b`).test(q)) continue
    // "50m taller than the Old Mill Tower" is a difference, not the height asked for
    if (!difference && comparedAt(lower, span)) continue
    if (fit === 1) count++
    const near = anchors.length
      ? anchors.reduce(
          (sum, places) => sum + Math.min(...places.map((a) => Math.abs(a - span.start))),
          0,
        )
      : span.start
    // "92.9% in October compared to 95.5% in June", asked of June: the figure said with another time is not it
    const off = span.type !== 'date' && counterpart(span) === false
    const distance = near + (off ? offCounterpart : 0)
    if (fit > best.fit || (fit === best.fit && distance < best.distance))
      best = { span, fit, distance }
  }
  return { ...best, count }
}

/** "last year" in an article of 2005 is said as 2004, with the words the article used */
function datedSpan(span: TypedSpan, published: string | undefined): TypedSpan {
  if (span.type !== 'date') return span
  const year = relativeYear(span.text, published)
  return year === undefined ? span : { ...span, value: year, text: `${year} (${span.text})` }
}

/** what every candidate of one question is scored against, read once */
export interface Prepared {
  asked: AnswerType
  typed: boolean
  /** the names the question uses, each as its lower-cased alternatives */
  names: string[][]
  /** the owners it names: its entities, or else its other proper names */
  owners: string[][]
  /** the question asks for a difference ("by how much", "how many more") */
  difference: boolean
  /** the question's own words as patterns, made once for all its sentences */
  anchors: RegExp[]
  signals: QuestionSignals
  question: RetrievalQuestion
  /** the words the language pairs as opposites ("women" -> "men"): a figure belongs to the nearest one */
  opposites: ReadonlyMap<string, string[]>
}

/** the question's names with the runs they are said in: "Kestrel Bay Port" is one owner (also "KBP"), not three */
// a month names a time, never an owner ("what share did the browser have in June?")
const monthName = new RegExp(`^(?:${months})$`, 'i')

function nameRuns(text: string, names: string[][]): string[][] {
  const runs = findNames(text)
    .map((n) => n.text.toLowerCase().replace(/['’]s?$/, ''))
    .filter((r) => r.includes(' '))
  const inRun = (alts: string[]) => alts.some((a) => runs.some((r) => r.split(' ').includes(a)))
  return [
    ...runs.map((r) => [r]),
    ...names.filter((alts) => !inRun(alts) && !alts.every((a) => monthName.test(a))),
  ]
}

export function prepare(knowledge: Knowledge, question: RetrievalQuestion): Prepared {
  const asked = expectedType(question.text, knowledge.language.answerTypes)
  const typed = typedKinds.has(asked)
  // each entity and name once, however often the question repeats it
  const names = [
    ...[...new Set(question.entityIds)].map((id) => knowledge.entityById.get(id)?.aliases ?? []),
    ...[...new Set(question.names)].map((n) => [n]),
  ].filter((alts) => alts.length > 0)
  // words of the entities the question names are checked as names, not counted as terms to cover
  const nameWords = new Set(
    names.flatMap((alts) =>
      alts.flatMap((a) => a.split(/[^a-z0-9&]+/).flatMap((w) => [w, w.replace(/s$/, '')])),
    ),
  )
  // the words that ask for a figure its sign says ("what share of", "percentage points") are no words to find
  const signs = signsOf(knowledge, asked, question.text)
  const content = question.terms.filter((t) => !nameWords.has(t) && !signs.has(t))
  const related = new Map<string, string[]>()
  for (const e of expandTerms(knowledge, question.terms))
    if (e.of) related.set(e.of, [...(related.get(e.of) ?? []), e.term])
  const signals = questionSignals(knowledge, {
    related,
    terms: content.length ? content : question.terms,
    names,
    text: question.text,
    typed,
    asked,
  })
  const lower = ` ${question.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `
  const difference = knowledge.language.differenceCues.some((c) => lower.includes(` ${c} `))
  const entities = [...new Set(question.entityIds)]
    .map((id) => knowledge.entityById.get(id)?.aliases ?? [])
    .filter((a) => a.length > 0)
  return {
    asked: difference ? 'number' : asked,
    typed: typed || difference,
    names,
    owners: entities.length ? entities : nameRuns(question.text, names),
    anchors: anchorPatterns(question.text),
    difference,
    signals,
    question,
    opposites: oppositesOf(knowledge),
  }
}

export interface Placing {
  rank: number
  relScore: number
  margin: number
  fromFact?: boolean
  /** the structured handler's own confidence, for a fact's candidate */
  factConfidence?: number
}

/** one sentence scored as an answer to the prepared question */
export function candidateAt(
  knowledge: Knowledge,
  prep: Prepared,
  sentenceId: number,
  placing: Placing,
): Candidate {
  const model = modelOf(knowledge)
  const sentence = knowledge.sentences[sentenceId]!
  const changed = prep.difference ? differenceIn(sentenceText(knowledge, sentence)) : undefined
  const picked = changed
    ? { span: changed, fit: 1, count: 1 }
    : prep.typed
      ? pickSpan(sentenceText(knowledge, sentence), prep)
      : { span: undefined, fit: 0, count: 0 }
  const { fit, count } = picked
  const span =
    picked.span && datedSpan(picked.span, knowledge.documents.get(sentence.docId)?.published)
  const f = features(
    knowledge,
    prep.signals,
    {
      ...placing,
      sentence,
      typeFit: fit,
      fromFact: placing.fromFact ?? false,
      factAgrees: placing.fromFact ?? false,
      factConfidence: placing.factConfidence ?? 0,
      typedCount: count,
      span,
    },
    sentenceId,
  )
  const score = rankScore(model, f)
  const text = sentenceText(knowledge, sentence)
  const previous = knowledge.sentences[sentenceId - 1]
  // news paragraphs are a sentence or two: "His ..." points back across a paragraph break too
  const before = previous?.docId === sentence.docId ? sentenceText(knowledge, previous) : ''
  const blocked = anotherOwner(prep.asked, span, text, prep.owners, {
    before,
    isName: (name) => isName(knowledge, name),
    topic: topicOf(knowledge, sentence.docId),
    reporting: reportingOf(knowledge),
    known:
      prep.question.entityIds.length > 0 ||
      !prep.owners.every((alts) => alts.some((a) => demonym.test(a))) ||
      !saidIn(knowledge, sentence.docId, prep.owners),
  })
    ? 'another owner'
    : undefined
  return { sentenceId, span, features: f, score, p: sigmoid(score), blocked }
}

/** the scored candidates, best first, and the kind of answer asked for */
export function retrievalCandidates(
  knowledge: Knowledge,
  question: RetrievalQuestion,
  options: Partial<RetrievalOptions> = {},
): { asked: AnswerType; prepared: Prepared; candidates: Candidate[] } {
  const opts = { ...retrievalDefaults, ...options }
  const prepared = prepare(knowledge, question)
  const wanted = question.docIds ? new Set(question.docIds) : undefined
  // an entity asked by its acronym or alias is found by the words of its name too
  const nameTerms = [...new Set(question.entityIds.flatMap((id) => entityTerms(knowledge, id)))]
  const query = [
    ...expandTerms(knowledge, question.terms),
    ...nameTerms.filter((t) => !question.terms.includes(t)).map((term) => ({ term, weight: 0.5 })),
  ]
  const hits = searchSentences(knowledge.sentenceIndex, query, opts.hits)
    .filter((h) => !wanted || wanted.has(knowledge.sentences[h.id]!.docId))
    // a heading frames its passage; it answers nothing by itself
    .filter(
      (h) => knowledge.passageById.get(knowledge.sentences[h.id]!.passageId)?.kind !== 'heading',
    )
    .slice(0, opts.candidates)
  const top = hits[0]?.score || 1
  const candidates = hits.map((hit, rank) =>
    candidateAt(knowledge, prepared, hit.id, {
      rank,
      relScore: hit.score / top,
      margin: rank === 0 ? (hit.score - (hits[1]?.score ?? 0)) / top : 0,
    }),
  )
  // a candidate that can never be the answer goes last, whatever its score
  candidates.sort((a, b) => Number(!!a.blocked) - Number(!!b.blocked) || b.score - a.score)
  const model = modelOf(knowledge)
  // the decider judges the best candidate, knowing its lead over the next
  const best = candidates[0]
  if (best) best.p = decision(model, best.features, leadOf(best, candidates[1]))
  return { asked: prepared.asked, prepared, candidates }
}

// a word for a people or a country's things ("Valmoran", "Nordish", "Kestrelese"): it describes, it owns nothing
const demonym = /^[a-z]+(?:sh|ese|ian|an|ic|i)$/

/** every one of the names is said in the article (in lower case, as whole words) */
function saidIn(knowledge: Knowledge, docId: string, names: string[][]): boolean {
  const text = knowledge.documents.get(docId)!.text.toLowerCase()
  return names.every((alts) => alts.some((a) => placesOf(text, a).length > 0))
}

/** a one-word capitalised run names something when the corpus writes it capitalised even mid-sentence
 * (or as an acronym); "Total" opening a sentence does not */
function isName(knowledge: Knowledge, name: string): boolean {
  if (name.includes(' ') || /^[A-Z]{2,}/.test(name)) return true
  const word = name.toLowerCase().replace(/['’]s$/, '')
  return knowledge.properWords.has(word) || knowledge.aliases.byAlias.has(word)
}

const topicCache = new WeakMap<Knowledge, Map<string, string>>()

/** the article's title and first sentence, in lower case: whom a figure that names no one belongs to */
const signCache = new WeakMap<Knowledge, Map<AnswerType, Set<string>>>()

/** the lemmas of the words a figure of the asked kind says by its sign ("percentage points" by "%"), and
 * the noun of the question's opening that asks for the figure ("what share of" is answered by "16%") */
function signsOf(knowledge: Knowledge, asked: AnswerType, question: string): Set<string> {
  const byType = memo(signCache, knowledge, () => new Map<AnswerType, Set<string>>())
  const signs = memo(byType, asked, () => {
    const def = knowledge.language.answerTypes.find((d) => d.type === asked)
    return new Set((def?.signs ?? []).flatMap((w) => terms(w)))
  })
  const opening = figureTypes.has(asked)
    ? openingOf(question, knowledge.language.answerTypes)
    : undefined
  if (opening?.def.type !== asked) return signs
  const nouns = opening.start.split(' ').filter((w) => opening.def.nouns.includes(w))
  return nouns.length ? new Set([...signs, ...nouns.flatMap((w) => terms(w))]) : signs
}

const reportingCache = new WeakMap<Knowledge, RegExp | undefined>()

/** the language's reporting verbs as one pattern: a verb, then up to four words and "that" if they follow
 * ("told reporters that"); a verb listed with its "that" needs it */
function reportingOf(knowledge: Knowledge): RegExp | undefined {
  return memo(reportingCache, knowledge, () => {
    const verbs = knowledge.language.reporting
    if (verbs.length === 0) return undefined
    const alternatives = verbs.map((v) => escapeRegex(v).replace(/\s+/g, '\\s+')).join('|')
    return new RegExp(`\\b(?:${alternatives})\\b(?:(?:\\s+[\\w'’-]+){0,4}?\\s+that\\b)?`, 'gi')
  })
}

function topicOf(knowledge: Knowledge, docId: string): string {
  return memo(
    memo(topicCache, knowledge, () => new Map()),
    docId,
    () => {
      const doc = knowledge.documents.get(docId)
      const id = sentencesOf(knowledge, docId)?.[0]
      const first = id === undefined ? undefined : knowledge.sentences[id]
      const lead = doc && first ? doc.text.slice(first.start, first.end) : ''
      return `${doc?.title ?? ''} ${lead}`.toLowerCase()
    },
  )
}

const entityTermCache = new WeakMap<Knowledge, Map<string, string[]>>()

function entityTerms(knowledge: Knowledge, id: string): string[] {
  return memo(
    memo(entityTermCache, knowledge, () => new Map()),
    id,
    () => {
      const name = knowledge.entityById.get(id)?.name ?? ''
      return [...new Set(terms(name))]
    },
  )
}

/** a structured answer's citation scored like any candidate, marked as coming from a fact */
export function factCandidate(
  knowledge: Knowledge,
  prep: Prepared,
  citation: Citation,
  ranked: Candidate[],
  confidence: number,
): Candidate | undefined {
  const id = sentenceAt(knowledge, citation.docId, citation.start)
  if (id === undefined) return undefined
  const rank = ranked.findIndex((c) => c.sentenceId === id)
  const placed = rank === -1 ? undefined : ranked[rank]
  const c = candidateAt(knowledge, prep, id, {
    rank: rank === -1 ? ranked.length : rank,
    relScore: placed ? placed.features.relScore : 0,
    margin: placed ? placed.features.margin : 0,
    fromFact: true,
    factConfidence: confidence,
  })
  const model = modelOf(knowledge)
  const rival = ranked.find((r) => r.sentenceId !== id)
  c.p = decision(model, c.features, leadOf(c, rival))
  return c
}

/** the figure `value` is said in the candidate's sentence beside another counterpart (a month, a year, one of
 * two opposites) than the one the question asks about ("61% in June, compared to 48% in January", asked of
 * January) */
export function saidOfAnotherCounterpart(
  knowledge: Knowledge,
  c: Candidate,
  value: number,
  question: string,
): boolean {
  const sentence = sentenceText(knowledge, knowledge.sentences[c.sentenceId]!)
  const counterpart = counterpartOf(
    sentence.toLowerCase(),
    question.toLowerCase(),
    oppositesOf(knowledge),
  )
  const spans = typedSpans(sentence).filter((s) => s.type !== 'date' && s.value === value)
  return spans.length > 0 && spans.every((s) => counterpart(s) === false)
}

/** where in a sentence the question's words cluster: the anchor match with the most others near it */
function anchorFocus(lower: string, anchors: RegExp[], reach: number): number {
  const at = anchors.flatMap((a) => [...lower.matchAll(a)].map((m) => m.index))
  let best = 0
  let most = -1
  for (const p of at) {
    const near = at.filter((q) => Math.abs(q - p) <= reach).length
    if (near > most) [best, most] = [p, near]
  }
  return best
}

/** a candidate said with its sentence (the clauses around the answer when the sentence is long), cited */
export function sayCandidate(
  knowledge: Knowledge,
  best: Candidate,
  anchors: RegExp[] = [],
): Answer {
  const sentence = knowledge.sentences[best.sentenceId]!
  const text = knowledge.documents.get(sentence.docId)!.text
  const span = best.span
  const focus = span
    ? sentence.start + span.start
    : sentence.start + anchorFocus(sentenceText(knowledge, sentence).toLowerCase(), anchors, 150)
  const quoted = quoteSpan(text, sentence, focus)
  const citation = cite(knowledge, sentence.docId, sentence.passageId, quoted)
  const quote = citation.quote
  // a passage answer says what follows from it too: "... welcomed the targets. 'However, much remains ...'"
  const next = span ? undefined : continuationOf(knowledge, best.sentenceId)
  const more = next
    ? [cite(knowledge, next.docId, next.passageId, quoteSpan(text, next, next.start))]
    : []
  return {
    answer: span
      ? `${capitalise(span.text)} (“${quote}”)`
      : [quote, ...more.map((c) => c.quote)].join(' '),
    abstained: false,
    kind: span ? 'fact' : 'passage',
    ...(span ? { value: span.value ?? span.text } : {}),
    ...(span?.unit ? { unit: span.unit } : {}),
    confidence: best.p,
    citations: [citation, ...more],
    reason: `retrieval (${best.p.toFixed(2)})`,
  }
}

/** the sentence after this one when it continues it: it opens with a word the language lists ("However",
 * "He"), after any quotation mark */
function continuationOf(knowledge: Knowledge, id: number) {
  const here = knowledge.sentences[id]!
  const next = knowledge.sentences[id + 1]
  if (!next || next.docId !== here.docId) return undefined
  const first = /^[\s"“‘']*([A-Za-z]+)/.exec(sentenceText(knowledge, next))?.[1]?.toLowerCase()
  return first && knowledge.language.continuations.includes(first) ? next : undefined
}

export function threshold(knowledge: Knowledge): number {
  return modelOf(knowledge).threshold
}
