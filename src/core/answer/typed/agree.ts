/** Checks that an answer is of the kind asked for and belongs to whom the question names. */
import { findNames } from '../../facts/names'
import type { AnswerType } from '../../nlu/language'
import type { Answer } from '../../types'
import { months, type TypedSpan } from './candidates'

/** the kinds of answer that are a figure */
export const figureTypes = new Set<AnswerType>(['count', 'money', 'percent', 'number', 'duration'])
const named = new Set<AnswerType>(['person', 'org', 'place', 'name'])

const hasDigit = (text: string) => /\d/.test(text)
const timeUnit =
  /\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?)\b/i
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9.%]+/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .trim()} `
const says = (question: string, text: string) => words(question).includes(words(text))

/** a structured answer fits the question: a figure for a figure question, never a figure the question states */
export function fitsAsked(answer: Answer, asked: AnswerType, question: string): boolean {
  const value = answer.value
  const shown =
    typeof value === 'number' ? String(value) : Array.isArray(value) ? '' : (value ?? '')
  if (typeof value === 'number' && says(question, shown)) return false
  if (figureTypes.has(asked)) {
    if (typeof value === 'string' && !hasDigit(value)) return false
    if (!hasDigit(answer.answer)) return false
    if (asked === 'percent' && !/%|per ?cent|percentage point/i.test(answer.answer)) return false
    // "how long do they take": a figure that counts lifts is no length of time
    if (asked === 'duration' && answer.unit && !timeUnit.test(answer.unit)) return false
  }
  if (
    asked === 'date' &&
    !/\b\d{3,4}\b|January|February|March|April|May|June|July|August|September|October|November|December|century/i.test(
      answer.answer,
    )
  )
    return false
  // a name asked for is answered by a sentence that names it: the text must have a capitalised word
  if (named.has(asked) && !/\b[A-Z][a-z]/.test(answer.answer)) return false
  return true
}

// a pronoun opening a clause points back to the last name before it; a personal one to a person's
const pronoun = /\b(?:he|she|it|they|his|her|its|their|him)\b/gi
const personal = /^(?:he|she|his|her|him)$/i

/** what the sentence around a figure tells about its owner */
export interface OwnerContext {
  /** the sentence before, in the same passage */
  before: string
  /** a name that names something: a one-word capitalised run the article also writes in lower case
   * ("Total", "Net") only opened the sentence */
  isName: (name: string) => boolean
  /** the article's title and first sentence, in lower case: who the article is about */
  topic: string
  /** false: the question's owners are no entities but capitalised words the article itself uses
   * ("Valmoran waiting lists"), which own no figure to check */
  known?: boolean
  /** a verb that reports what its subject says, with the words up to its "that" (a global pattern): the clause after it is
   * what was said, whose figures are not the speaker's own */
  reporting?: RegExp
}

const everyName: OwnerContext = { before: '', isName: () => true, topic: '' }

// a month or a day names a time, never an owner ("dropped 5% since May to 88.9%")
const calendar = new RegExp(
  `^(?:${months}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+\\d+)?$`,
)

// a three-letter code before a figure is its currency ("EUR 150 million"), not an owner
const currencyCode = (text: string, n: { text: string; end: number }) =>
  /^[A-Z]{3}$/.test(n.text) && /^\s*\d/.test(text.slice(n.end))

const namesIn = (text: string, context: OwnerContext) =>
  findNames(text).filter(
    (n) =>
      !/^\d/.test(n.text) &&
      !calendar.test(n.text) &&
      !currencyCode(text, n) &&
      context.isName(n.text),
  )

/** the name a figure in a sentence belongs to: the nearest name before it, or what a pronoun before it
 * points back to ("he" to the last person-like name: one of two words or more) */
export function ownerOfSpan(
  sentence: string,
  span: TypedSpan,
  context: OwnerContext = everyName,
): string | undefined {
  const head = sentence.slice(0, span.start)
  const names = namesIn(head, context)
  const lastName = names.at(-1)
  const lastPronoun = [...head.matchAll(pronoun)].at(-1)
  if (lastPronoun && (!lastName || lastPronoun.index > lastName.end)) {
    // "He also earned ...": the subject of the sentence before, its first person or body named
    const earlier = namesIn(context.before, context)
    const people = earlier.filter((n) => n.text.includes(' '))
    const pointed = personal.test(lastPronoun[0]) && people.length ? people : earlier
    return pointed[0]?.text
  }
  // "64 ship-to-shore cranes of Harbourline Terminals": a line that opens with its figure names its owner after it
  return (lastName ?? namesIn(sentence.slice(span.end), context)[0])?.text
}

// the initials of a name of two words or more: "kestrel bay port" -> "kbp"
const initials = (name: string) => {
  const words = name.split(/[^a-z0-9&]+/).filter(Boolean)
  return words.length >= 2 ? words.map((w) => w[0]).join('') : ''
}

/** the same owner when a word of its name is a word of a name the question uses, or its initials */
function sameOwner(name: string, questionNames: string[][]): boolean {
  const words = new Set(
    name
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^a-z0-9&]+/)
      .filter((w) => w.length > 1),
  )
  return questionNames.some((alts) =>
    alts.some(
      (a) =>
        words.has(initials(a)) || a.split(/[^a-z0-9&]+/).some((w) => w.length > 1 && words.has(w)),
    ),
  )
}

const saysAny = (text: string, questionNames: string[][]) => {
  const lower = ` ${text.toLowerCase()} `
  return questionNames.some((alts) => alts.some((a) => lower.includes(a)))
}

const pronounIn = (text: string) => new RegExp(pronoun.source, 'i').test(text)

/** where the clause a reporting verb opens starts ("Marlow noted that | sales of ... rose 37.9%"), when one
 * opens before the figure */
function reportedClause(
  sentence: string,
  span: TypedSpan,
  context: OwnerContext,
): { verb: number; start: number } | undefined {
  if (!context.reporting) return undefined
  const head = sentence.slice(0, span.start)
  const m = [...head.matchAll(context.reporting)].at(-1)
  return m && m.index > 0 ? { verb: m.index, start: m.index + m[0].length } : undefined
}

/** the question names an owner and the figure's sentence gives it to another: never another owner's figure.
 * A sentence that names no one gives its figure to whom the sentence before names, or to whom the
 * article is about */
export function anotherOwner(
  asked: AnswerType,
  span: TypedSpan | undefined,
  sentence: string,
  questionNames: string[][],
  context: OwnerContext = everyName,
): boolean {
  if (!span || questionNames.length === 0) return false
  // an organisation or a name asked about an owner comes from a sentence that names it, or follows one that does
  if (asked === 'org' || asked === 'name')
    return !saysAny(`${context.before} ${sentence}`, questionNames)
  if (!figureTypes.has(asked)) return false
  const sameAs = (name: string) => sameOwner(name, questionNames)
  const said = reportedClause(sentence, span, context)
  if (said) {
    const inner = sentence.slice(said.start, span.start)
    const speaker = namesIn(sentence.slice(0, said.verb), context)[0]
    // "Corvane said it sold 5,000": what the speaker says of itself is its own; said of no one named,
    // a figure the asked speaker gives stands for it
    const namesNoOne = namesIn(inner, context).length === 0 && !saysAny(inner, questionNames)
    if (speaker && namesNoOne && (sameAs(speaker.text) || pronounIn(inner)))
      return !sameAs(speaker.text)
    const shifted = { ...span, start: span.start - said.start, end: span.end - said.start }
    return anotherOwner(asked, shifted, sentence.slice(said.start), questionNames, {
      ...context,
      reporting: undefined,
    })
  }
  const head = sentence.slice(0, span.start)
  // a sentence that opens with its subject ("Nordrail Cargo ... ran 11,300 trains to Kestrel Bay") gives it the figure
  const subject = namesIn(head, context).find((n) => n.start <= 4)
  if (subject && !sameAs(subject.text)) return true
  // the question's owner said in the sentence: the figure is its own unless only another name comes before it
  // ("Acme made £9.4bn, ahead of Brellco" is Acme's figure)
  if (saysAny(sentence, questionNames))
    return !saysAny(head, questionNames) && namesIn(head, context).length > 0
  const owner = ownerOfSpan(sentence, span, context)
  if (owner !== undefined) return !sameAs(owner)
  // no one named in or just before the sentence: the article's own subject, if it is the one asked about;
  // a capitalised word no entity stands for, which the article uses ("Valmoran waiting lists"), owns nothing
  return context.known !== false && !saysAny(`${context.before} ${context.topic}`, questionNames)
}
