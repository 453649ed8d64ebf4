/** Typed answer candidates in a sentence: figures, dates, durations, names and reasons, each with its span. */
import { numberWords, wordNumber, wordShare } from '../../analysis/values'
import { findNames } from '../../facts/names'
import { findFigures } from '../../facts/numbers'
import type { AnswerType } from '../../nlu/language'

export interface TypedSpan {
  /** offsets into the sentence */
  start: number
  end: number
  text: string
  type: AnswerType
  /** the figure's value, where it is one */
  value?: number
  /** what the figure counts ("bicycles") or its currency */
  unit?: string
}

export const months =
  'January|February|March|April|May|June|July|August|September|October|November|December'
// a number word, then more of them ("twenty-seven", "three hundred"); a bare scale word is no number
const small = numberWords.filter(
  (w) => !['hundred', 'thousand', 'million', 'billion', 'trillion'].includes(w),
)
const wordNum = `(?:${small.join('|')})(?:[- ](?:${numberWords.join('|')}))*`
const patterns: { type: AnswerType; re: RegExp }[] = [
  {
    type: 'date',
    re: new RegExp(
      String.raw`(?<![\d,.])\b(?:(?:\d{1,2}\s)?(?:${months})(?:\s\d{1,2})?,?\s)?\d{3,4}\b(?:s\b)?(?:\s(?:BC|BCE|AD|CE)\b)?`,
      'g',
    ),
  },
  { type: 'date', re: new RegExp(String.raw`\b(?:${months})\b`, 'g') },
  {
    type: 'date',
    re: /\b(?:the\s)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)\s(?:century|centuries|millennium)\b(?:\s(?:BC|BCE|AD|CE)\b)?/gi,
  },
  {
    type: 'date',
    re: /\b(?:last|next|this)\s(?:year|month|week|decade|century)\b|\b\w+\syears\sago\b/gi,
  },
  {
    type: 'duration',
    re: new RegExp(
      String.raw`\b(?:\d+(?:\.\d+)?|${wordNum}|a|an|several|a few)(?:\s(?:whole|full|good|single))?(?:\s(?:and\sa\shalf))?[\s-](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\b(?:\s(?:long|old))?`,
      'gi',
    ),
  },
  {
    type: 'percent',
    re: new RegExp(
      String.raw`\b(?:${wordNum})\sin\s(?:${wordNum}|\d+)\b|\b(?:a|an|one|two|three)\s(?:half|third|thirds|quarter|quarters|fifth|fifths)\b|\bhalf\b`,
      'gi',
    ),
  },
  { type: 'count', re: new RegExp(String.raw`\b${wordNum}\b`, 'gi') },
]

// what a figure counts: up to two lower-case words after it, stopping at words that cannot be its noun
const countedNoun = /^\s((?:[a-z][a-z-]+\s){0,1}[a-z][a-z-]+)/
const notNouns = new Set(
  'and or of to in on at for by from with the a an than as that which who was were is are be been has have had will would per percent cent do does did not can could may might must should shall also only just more less fewer said says it its they their he she we this these those'.split(
    ' ',
  ),
)

function noun(sentence: string, end: number): string | undefined {
  const m = countedNoun.exec(sentence.slice(end))
  if (!m) return undefined
  const kept: string[] = []
  for (const w of m[1]!.split(' ')) {
    if (notNouns.has(w)) break
    kept.push(w)
    // "riders uses": a plural noun ends the phrase; "docking stations" goes on past a modifier
    if (w.endsWith('s')) break
  }
  return kept.length ? kept.join(' ') : undefined
}

const timeUnits = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)$/

function figures(sentence: string): TypedSpan[] {
  const out: TypedSpan[] = []
  for (const f of findFigures(sentence)) {
    const type: AnswerType =
      f.unit === 'money'
        ? 'money'
        : f.unit === 'percent'
          ? 'percent'
          : f.unit === 'year'
            ? 'date'
            : f.unit === 'duration'
              ? 'duration'
              : 'count'
    const counted = type === 'count' ? noun(sentence, f.end) : undefined
    const end = counted ? f.end + 1 + counted.length : f.end
    // "14 minutes" is a duration; a bare "1712" is as likely a year as a count
    const kind: AnswerType =
      counted && timeUnits.test(counted)
        ? 'duration'
        : type === 'count' && !counted && /^\d{3,4}$/.test(f.display) && f.value <= 2100
          ? 'date'
          : type
    out.push({
      start: f.start,
      end,
      text: sentence.slice(f.start, end),
      type: kind,
      value: f.value,
      unit: counted ?? f.currency,
    })
  }
  return out
}

function worded(sentence: string): TypedSpan[] {
  const out: TypedSpan[] = []
  for (const { type, re } of patterns)
    for (const m of sentence.matchAll(re)) {
      const text = m[0]
      // "Half-Life" is a name, not a half
      if (/^-[A-Za-z]/.test(sentence.slice(m.index + text.length))) continue
      const value =
        type === 'percent' ? wordShare(text) : type === 'count' ? wordNumber(text) : undefined
      if (type === 'count' && (value === undefined || value < 2)) continue
      const counted = type === 'count' ? noun(sentence, m.index + text.length) : undefined
      const end = m.index + text.length + (counted ? 1 + counted.length : 0)
      out.push({
        start: m.index,
        end,
        text: sentence.slice(m.index, end),
        type,
        value,
        unit: counted,
      })
    }
  return out
}

// words that mark a person's name apart from an organisation's or a place's
const orgMarks =
  /\b(?:Ministry|Bureau|Department|Commission|Agency|Council|Authority|Group|Company|Corporation|Corp|Inc|Ltd|PLC|Bank|University|Institute|College|School|Society|Association|Party|Union|Court|Church|Army|Office|Board|Committee|Foundation|Trust|Club|Service|Services|Network|Studios?|Records|Times|News|Press|Airlines?|Motors?)\b/
const placeBefore =
  /\b(?:in|at|from|to|near|across|into|throughout|of|around|towards|outside|inside|within)\s+(?:the\s+)?$/

function names(sentence: string): TypedSpan[] {
  return findNames(sentence).map((found) => {
    const text = found.text.replace(/['’]s$/, '')
    const n = { ...found, text, end: found.start + text.length }
    const before = sentence.slice(Math.max(0, n.start - 16), n.start)
    const type: AnswerType = orgMarks.test(n.text)
      ? 'org'
      : placeBefore.test(before) && !/\s/.test(n.text.trim())
        ? 'place'
        : /^[A-Z][a-z]+(?:\s(?:[A-Z]\.\s?)?[A-Z][a-z'’-]+){1,2}$/.test(n.text)
          ? 'person'
          : 'name'
    return { start: n.start, end: n.end, text: n.text, type }
  })
}

const because =
  /\b(?:because(?: of)?|due to|owing to|as a result of|in order to|so that|since|thanks to|caused by|led to|so as to)\b/gi

function reasons(sentence: string): TypedSpan[] {
  const out: TypedSpan[] = []
  for (const m of sentence.matchAll(because)) {
    const from = m.index
    const rest = sentence.slice(from)
    const stop = rest.search(/[;.!?](?:\s|$)/)
    const end = from + (stop === -1 ? rest.length : stop)
    if (end - from > m[0].length + 3)
      out.push({ start: from, end, text: sentence.slice(from, end), type: 'reason' })
  }
  return out
}

// the spans of sentences already read: a sentence is read again by every question it answers; bounded
const spanCache = new Map<string, TypedSpan[]>()
const spanCacheSize = 20_000

/** every typed span the sentence holds, figures first */
export function typedSpans(sentence: string): TypedSpan[] {
  const cached = spanCache.get(sentence)
  if (cached) return cached
  if (spanCache.size >= spanCacheSize) spanCache.clear()
  const spans = readSpans(sentence)
  spanCache.set(sentence, spans)
  return spans
}

function readSpans(sentence: string): TypedSpan[] {
  const all = [...figures(sentence), ...worded(sentence), ...names(sentence), ...reasons(sentence)]
  // one span per start: the figure parser's reading of "1,400 bicycles" beats a bare number word
  const seen = new Set<string>()
  return all.filter((s) => {
    const key = `${s.start}`
    if (seen.has(key) || s.text.trim() === '') return false
    seen.add(key)
    return true
  })
}

/** how well a span's type fits the type asked for: 1 exactly, less for a near kind, 0 not at all */
export function typeFit(asked: AnswerType, span: AnswerType): number {
  if (asked === span) return 1
  const near: Record<string, AnswerType[]> = {
    number: ['count', 'money', 'duration', 'percent'],
    // "how much did profits fall": by a share as well as by an amount
    money: ['count', 'percent'],
    count: ['number'],
    duration: ['date'],
    date: ['duration'],
    person: ['name', 'org'],
    org: ['name', 'person'],
    place: ['name', 'org'],
    name: ['person', 'org', 'place'],
  }
  return near[asked]?.includes(span) ? 0.5 : 0
}
