/** Checks that an answer is of the kind asked for and belongs to whom the question names. */
import { findNames } from '../../facts/names'
import type { AnswerType } from '../../nlu/language'
import type { Answer } from '../../types'
import type { TypedSpan } from './candidates'

const numeric = new Set<AnswerType>(['count', 'money', 'percent', 'number', 'duration'])
const named = new Set<AnswerType>(['person', 'org', 'place', 'name'])

const hasDigit = (text: string) => /\d/.test(text)
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
  if (numeric.has(asked)) {
    if (typeof value === 'string' && !hasDigit(value)) return false
    if (!hasDigit(answer.answer)) return false
    if (asked === 'percent' && !/%|per ?cent|percentage point/i.test(answer.answer)) return false
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

// a pronoun opening a clause points back to the last name before it
const pronoun = /\b(?:he|she|it|they|his|her|its|their)\b/gi

/** the name a figure in a sentence belongs to: the nearest name before it, or what a pronoun before it points back to */
export function ownerOfSpan(sentence: string, span: TypedSpan, before: string): string | undefined {
  const head = sentence.slice(0, span.start)
  const names = findNames(head).filter((n) => !/^\d/.test(n.text))
  const lastName = names.at(-1)
  const pronouns = [...head.matchAll(pronoun)]
  const lastPronoun = pronouns.at(-1)
  if (lastPronoun && (!lastName || lastPronoun.index > lastName.end)) {
    // "He also earned ...": the last person or body named before this sentence
    const earlier = findNames(before).filter((n) => !/^\d/.test(n.text))
    return (names.at(-1) ?? earlier.at(-1))?.text
  }
  // "64 ship-to-shore cranes of Harbourline Terminals": a line that opens with its figure names its owner after it
  return (lastName ?? findNames(sentence.slice(span.end)).find((n) => !/^\d/.test(n.text)))?.text
}

/** the same owner when a word of its name is a word of a name the question uses */
function sameOwner(name: string, questionNames: string[][]): boolean {
  const words = new Set(
    name
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^a-z0-9&]+/)
      .filter((w) => w.length > 1),
  )
  return questionNames.some((alts) =>
    alts.some((a) => a.split(/[^a-z0-9&]+/).some((w) => w.length > 1 && words.has(w))),
  )
}

/** the question names an owner and the figure's sentence gives it to another, or to no one named there
 * or just before: never another owner's figure */
export function anotherOwner(
  asked: AnswerType,
  span: TypedSpan | undefined,
  sentence: string,
  before: string,
  questionNames: string[][],
): boolean {
  if (!span || questionNames.length === 0) return false
  // an organisation or a name asked about an owner comes from a sentence that names it, or follows one that does
  if (asked === 'org' || asked === 'name') {
    const around = ` ${before.toLowerCase()} ${sentence.toLowerCase()} `
    return !questionNames.some((alts) => alts.some((a) => around.includes(a)))
  }
  if (!numeric.has(asked)) return false
  const sameAs = (name: string) => sameOwner(name, questionNames)
  // a sentence that opens with its subject ("Nordrail Cargo ... ran 11,300 trains to Kestrel Bay") gives it the figure
  const subject = findNames(sentence.slice(0, span.start)).find(
    (n) => n.start <= 4 && !/^\d/.test(n.text),
  )
  if (subject && !sameAs(subject.text)) return true
  // the question's owner said in the sentence itself: the figure may well be its own
  const lower = ` ${sentence.toLowerCase()} `
  if (questionNames.some((alts) => alts.some((a) => lower.includes(a)))) return false
  // neither the sentence nor the one before it names the owner asked about: the figure is someone else's
  const earlier = ` ${before.toLowerCase()} `
  if (!questionNames.some((alts) => alts.some((a) => earlier.includes(a)))) return true
  const owner = ownerOfSpan(sentence, span, before)
  return owner !== undefined && !sameAs(owner)
}
