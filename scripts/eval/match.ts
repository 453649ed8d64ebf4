/** Scores one reply against one turn's expectation: stated answers, cited phrases, abstention, kind. */
import type { Answer } from '../../src/core/types'
import { numberStated, statedNumbers } from './numbers'
import type { TurnExpect } from './schema'
import { contentWords, normaliseText } from './words'

/** the parts of an answer the evaluator reads */
export type Reply = Pick<Answer, 'answer' | 'abstained' | 'kind' | 'citations' | 'value'>

export interface MatchOptions {
  /** share of the expected content words the reply must contain; defaults to 0.8 */
  wordShare?: number
}
const defaults: Required<MatchOptions> = { wordShare: 0.8 }

export interface Statement {
  stated: boolean
  /** expected numbers the reply does not state, as written in the expectation */
  missingNumbers: string[]
  /** expected content words the reply lacks */
  missingWords: string[]
}

/** whether `reply` states `expected`: every number in it, and most of its content words */
export function statesAnswer(
  expected: string,
  reply: string,
  options: MatchOptions = {},
): Statement {
  const { wordShare } = { ...defaults, ...options }
  const replyNumbers = statedNumbers(normaliseText(reply))
  const missingNumbers = statedNumbers(normaliseText(expected))
    .filter((n) => !numberStated(n, replyNumbers))
    .map((n) => String(n.value))
  const replyWords = new Set(contentWords(reply))
  const wanted = [...new Set(contentWords(expected))]
  const missingWords = wanted.filter((w) => !replyWords.has(w))
  const share = wanted.length ? (wanted.length - missingWords.length) / wanted.length : 1
  return {
    stated: missingNumbers.length === 0 && share >= wordShare - 1e-9,
    missingNumbers,
    missingWords,
  }
}

/** whether one citation quote contains the phrase, ignoring case, quote style and spacing */
export function citesPhrase(phrase: string, reply: Pick<Reply, 'citations'>): boolean {
  const wanted = normaliseText(phrase)
  return reply.citations.some((c) => normaliseText(c.quote).includes(wanted))
}

/** a reply's `value` is the expected one: the same number, the same text (case aside), the same items in any order */
export function valueMatches(
  expected: NonNullable<TurnExpect['value']>,
  got: Reply['value'],
): boolean {
  if (typeof expected === 'number')
    return (
      typeof got === 'number' && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
    )
  const key = (v: unknown) => normaliseText(String(v))
  if (typeof expected === 'string')
    return got !== undefined && !Array.isArray(got) && key(got) === key(expected)
  if (!Array.isArray(got) || got.length !== expected.length) return false
  const items = got.map(key).sort()
  return expected
    .map(key)
    .sort()
    .every((v, i) => v === items[i])
}

const shown = (v: Reply['value']) => (v === undefined ? 'none' : JSON.stringify(v))

export interface TurnScore {
  ok: boolean
  /** why the turn failed, one line a check; empty when ok */
  failures: string[]
}

function describeMiss(label: string, s: Statement): string {
  const parts = [
    s.missingNumbers.length ? `numbers ${s.missingNumbers.join(', ')}` : '',
    s.missingWords.length ? `words ${s.missingWords.join(', ')}` : '',
  ].filter(Boolean)
  return `${label} not stated (missing ${parts.join('; ')})`
}

/** scores one reply: the single check other tests and benchmarks reuse */
export function scoreReply(
  expect: TurnExpect,
  reply: Reply,
  options: MatchOptions = {},
): TurnScore {
  const failures: string[] = []
  if (expect.abstained === true) {
    if (!reply.abstained) failures.push('answered, expected an abstention')
    if (reply.citations.length) failures.push('an abstention must cite nothing')
    return { ok: failures.length === 0, failures }
  }
  const wantsAnswer =
    expect.abstained === false || Boolean(expect.answer || expect.answerAll || expect.cites)
  if (wantsAnswer && reply.abstained) failures.push('abstained, expected an answer')
  if (expect.answer) {
    const s = statesAnswer(expect.answer, reply.answer, options)
    if (!s.stated) failures.push(describeMiss(`"${expect.answer}"`, s))
  }
  for (const fragment of expect.answerAll ?? []) {
    const s = statesAnswer(fragment, reply.answer, options)
    if (!s.stated) failures.push(describeMiss(`"${fragment}"`, s))
  }
  if (expect.cites && !citesPhrase(expect.cites, reply))
    failures.push(`no citation contains "${expect.cites}"`)
  if (expect.value !== undefined && !valueMatches(expect.value, reply.value))
    failures.push(`value is ${shown(reply.value)}, expected ${JSON.stringify(expect.value)}`)
  if (expect.kind && reply.kind !== expect.kind)
    failures.push(`kind is ${reply.kind}, expected ${expect.kind}`)
  return { ok: failures.length === 0, failures }
}
