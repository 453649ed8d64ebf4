/** The explainable features of one answer candidate: how well its sentence covers and agrees with the question. */
import type { Knowledge } from '../../knowledge/pack'
import { memo } from '../../memo'
import type { AnswerType } from '../../nlu/language'
import { terms } from '../../nlu/nlp'
import type { SentenceRef } from '../../retrieve/sentence-index'
import { idf } from '../../retrieve/sentences'
import { figureTypes } from './agree'
import type { TypedSpan } from './candidates'

/** what the question brings to every candidate, read once per question */
export interface QuestionSignals {
  /** the question's content terms in order, for pairs said together */
  sequence: string[]
  /** the kind of answer asked for, in groups: number, date, name, reason (description is none) */
  asks: { number: boolean; date: boolean; name: boolean; reason: boolean }
  /** content lemmas of the question, with their idf and the related words intents/ lists for them */
  terms: { term: string; idf: number; related: string[] }[]
  /** a short answer of a known kind is wanted (a count, a date, a name ...), not a description */
  typed: boolean
  /** names the question uses, each as its lower-cased alternatives: one should be found around the sentence */
  names: string[][]
  /** numbers and years the question states */
  numbers: string[]
  negated: boolean
  /** share of the question's terms the corpus never uses */
  absent: number
}

export interface CandidateSignals {
  rank: number
  /** BM25 score over the best one's */
  relScore: number
  /** the best score's lead over the next, for the top candidate; 0 for the others */
  margin: number
  sentence: SentenceRef
  /** best fit of a typed span to the kind of answer asked for (0 to 1) */
  typeFit: number
  /** the candidate is a structured fact's answer */
  fromFact: boolean
  /** a structured fact read from this sentence agrees with the question's slots */
  factAgrees: boolean
  /** how many spans of the asked kind the sentence holds */
  typedCount: number
  /** the structured handler's own confidence (0 for a retrieved sentence) */
  factConfidence: number
  /** the typed answer span, when there is one */
  span?: TypedSpan
}

/** feature names, in the order of the model's weights */
export const featureNames = [
  'coverage',
  'contextCoverage',
  'missedMaxIdf',
  'missedShare',
  'top',
  'relScore',
  'margin',
  'typedFound',
  'typedMissing',
  'namesMissing',
  'numbersMissing',
  'negationMismatch',
  'absentTerms',
  'fromFact',
  'factAgrees',
  'shortQuestion',
  'longSentence',
  'bigramCoverage',
  'namesOutsideSentence',
  'typedAmbiguous',
  'askNumber',
  'askDate',
  'askName',
  'askReason',
  'questionLength',
  'factConfidence',
] as const

export type Features = Record<(typeof featureNames)[number], number>

interface SentenceTermSets {
  own: Set<string>
  /** the sentence's terms in order */
  sequence: string[]
  /** the sentence itself in lower case */
  ownText: string
  around: Set<string>
  /** the sentence's passage, heading and title in lower case, for names and numbers */
  text: string
  negated: boolean
}

// the term sets of sentences already read, per knowledge; bounded, emptied when full
const cache = new WeakMap<Knowledge, Map<number, SentenceTermSets>>()
const cacheSize = 20_000

const termsOf = (knowledge: Knowledge, id: number | undefined) =>
  id === undefined ? [] : (knowledge.sentenceTerms[id] ?? '').split(' ').filter(Boolean)

const titleCache = new WeakMap<Knowledge, Map<string, string[]>>()

const negationCache = new WeakMap<Knowledge, Set<string>>()
const negationsOf = (knowledge: Knowledge) =>
  memo(negationCache, knowledge, () => new Set(knowledge.language.negations))

/** the text says a negation the language lists ("not", "never") or a word ending in "n't" */
export function negatedText(knowledge: Knowledge, text: string): boolean {
  const negations = negationsOf(knowledge)
  return text
    .toLowerCase()
    .split(/[^a-z0-9'’]+/)
    .some((w) => negations.has(w) || /n['’]t$/.test(w))
}

function sentenceSets(knowledge: Knowledge, id: number): SentenceTermSets {
  const negations = negationsOf(knowledge)
  const byId = memo(cache, knowledge, () => new Map<number, SentenceTermSets>())
  if (byId.size >= cacheSize && !byId.has(id)) byId.clear()
  return memo(byId, id, () => {
    const s = knowledge.sentences[id]!
    const doc = knowledge.documents.get(s.docId)!
    const passage = knowledge.passageById.get(s.passageId)!
    const own = doc.text.slice(s.start, s.end)
    const heading = knowledge.headingOf.get(passage.id)
    // the terms were read at build time: neighbours in the passage, the heading, the title
    const near = [id - 1, id + 1].filter((n) => knowledge.sentences[n]?.passageId === s.passageId)
    const headingIds = heading
      ? heading.sentences.map((h) => sentenceAt(knowledge, s.docId, h.start))
      : []
    const title = memo(
      memo(titleCache, knowledge, () => new Map()),
      s.docId,
      () => terms(doc.title),
    )
    const aroundText = [
      ...near.map((n) => sentenceText(knowledge, knowledge.sentences[n]!)),
      heading ? doc.text.slice(heading.start, heading.end) : '',
      doc.title,
    ].join(' ')
    const ownWords = own.toLowerCase().split(/[^a-z0-9']+/)
    const sequence = termsOf(knowledge, id)
    return {
      own: new Set(sequence),
      sequence,
      ownText: ` ${own.toLowerCase()} `,
      around: new Set([
        ...near.flatMap((n) => termsOf(knowledge, n)),
        ...headingIds.flatMap((h) => termsOf(knowledge, h)),
        ...title,
      ]),
      text: ` ${`${doc.text.slice(passage.start, passage.end)} ${aroundText}`.toLowerCase()} `,
      negated: ownWords.some((w) => negations.has(w) || w.endsWith("n't")),
    }
  })
}

/** a document's sentences, in text order, as ids of the sentence table; built once per knowledge */
export function sentencesOf(knowledge: Knowledge, docId: string): number[] | undefined {
  return memo(byDocCache, knowledge, () => {
    const out = new Map<string, number[]>()
    knowledge.sentences.forEach((s, i) => {
      const list = out.get(s.docId) ?? []
      list.push(i)
      out.set(s.docId, list)
    })
    for (const list of out.values())
      list.sort((a, b) => knowledge.sentences[a]!.start - knowledge.sentences[b]!.start)
    return out
  }).get(docId)
}

/** the sentence that holds a character offset of a document, by binary search over the sentence table */
export function sentenceAt(
  knowledge: Knowledge,
  docId: string,
  offset: number,
): number | undefined {
  const ids = sentencesOf(knowledge, docId)
  if (!ids) return undefined
  let lo = 0
  let hi = ids.length - 1
  let found: number | undefined
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = knowledge.sentences[ids[mid]!]!
    if (s.start <= offset) {
      found = ids[mid]
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
const byDocCache = new WeakMap<Knowledge, Map<string, number[]>>()

export function sentenceText(knowledge: Knowledge, s: SentenceRef): string {
  return knowledge.documents.get(s.docId)!.text.slice(s.start, s.end)
}

/** the question's side of the features */
export function questionSignals(
  knowledge: Knowledge,
  input: {
    terms: string[]
    names: string[][]
    text: string
    typed: boolean
    asked: string
    /** question term -> related words that may stand for it in a sentence ("risk" -> "overheating") */
    related?: Map<string, string[]>
  },
): QuestionSignals {
  const a = input.asked
  const unique = [...new Set(input.terms)]
  return {
    sequence: input.terms,
    asks: {
      number: figureTypes.has(a as AnswerType),
      date: a === 'date',
      name: ['person', 'org', 'place', 'name'].includes(a),
      reason: a === 'reason',
    },
    terms: unique.map((term) => ({
      term,
      idf: idf(knowledge, term),
      related: input.related?.get(term) ?? [],
    })),
    typed: input.typed,
    names: input.names,
    numbers: [...input.text.matchAll(/\b\d[\d,.]*\b/g)].map((m) => m[0].replace(/,/g, '')),
    negated: negatedText(knowledge, input.text),
    // a word the corpus never uses, nor any word listed for it or of its family
    absent: unique.length
      ? unique.filter((t) => !knowledge.df.has(t) && !input.related?.get(t)?.length).length /
        unique.length
      : 0,
  }
}

export function features(
  knowledge: Knowledge,
  q: QuestionSignals,
  c: CandidateSignals,
  sentenceId: number,
): Features {
  const sets = sentenceSets(knowledge, sentenceId)
  const total = q.terms.reduce((s, t) => s + t.idf, 0) || 1
  const maxIdf = Math.max(1, ...q.terms.map((t) => t.idf))
  let own = 0
  let around = 0
  let missedMax = 0
  let missed = 0
  for (const { term, idf, related } of q.terms) {
    if (sets.own.has(term)) own += idf
    // a related word counts for less than the word itself
    else if (related.some((r) => sets.own.has(r))) own += 0.8 * idf
    else if (sets.around.has(term)) around += idf
    else {
      missed++
      missedMax = Math.max(missedMax, idf)
    }
  }
  const plain = sets.text.replace(/,(?=\d{3})/g, '')
  const namesMissing = q.names.filter((alts) => !alts.some((n) => sets.text.includes(n))).length
  const numbersMissing = q.numbers.filter((n) => !plain.includes(n)).length
  const length = sentenceText(knowledge, c.sentence).length
  const outside = q.names.filter(
    (alts) =>
      alts.some((n) => sets.text.includes(n)) && !alts.some((n) => sets.ownText.includes(n)),
  ).length
  return {
    coverage: own / total,
    contextCoverage: (own + 0.5 * around) / total,
    missedMaxIdf: missedMax / maxIdf,
    missedShare: q.terms.length ? missed / q.terms.length : 1,
    top: c.rank === 0 ? 1 : 0,
    relScore: c.relScore,
    margin: c.margin,
    typedFound: q.typed ? c.typeFit : 0,
    typedMissing: q.typed && c.typeFit === 0 ? 1 : 0,
    namesMissing: q.names.length ? namesMissing / q.names.length : 0,
    numbersMissing: q.numbers.length ? numbersMissing / q.numbers.length : 0,
    negationMismatch: q.negated !== sets.negated ? 1 : 0,
    absentTerms: q.absent,
    fromFact: c.fromFact ? 1 : 0,
    factAgrees: c.factAgrees ? 1 : 0,
    shortQuestion: q.terms.length <= 2 ? 1 : 0,
    longSentence: Math.min(1, length / 400),
    bigramCoverage: pairsTogether(q.sequence, sets.sequence),
    namesOutsideSentence: q.names.length ? outside / q.names.length : 0,
    typedAmbiguous: q.typed && c.typedCount > 1 ? 1 : 0,
    askNumber: q.asks.number ? 1 : 0,
    askDate: q.asks.date ? 1 : 0,
    askName: q.asks.name ? 1 : 0,
    askReason: q.asks.reason ? 1 : 0,
    questionLength: Math.min(1, q.terms.length / 12),
    factConfidence: c.factConfidence,
  }
}

/** the share of the question's neighbouring term pairs that the sentence says within three words of each other */
function pairsTogether(question: string[], sentence: string[]): number {
  if (question.length < 2) return 0
  const at = new Map<string, number[]>()
  for (const [i, t] of sentence.entries()) at.set(t, [...(at.get(t) ?? []), i])
  let together = 0
  for (let i = 1; i < question.length; i++) {
    const a = at.get(question[i - 1]!)
    const b = at.get(question[i]!)
    if (a && b && a.some((x) => b.some((y) => Math.abs(x - y) <= 3))) together++
  }
  return together / (question.length - 1)
}
