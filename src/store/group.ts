/** Groups the questions nobody answered by what they ask: the same text, then the same key terms. */
import type { AnswerRecord } from '../core/store'

export interface QuestionGroup {
  /** the most asked wording (of equals, the longest) */
  question: string
  /** other wordings, most asked first */
  variants: string[]
  count: number
  lastAt: number
  /** the key terms the group shares */
  terms: string[]
  /** why they were refused, most frequent first */
  reasons: string[]
}

const stop = new Set(
  'a an and are as at be been by can could did do does for from had has have how i in is it its many much of on or our the their them there these they this those to was were what when where which who whom whose why will with would you your about into than then tell me please give show'.split(
    ' ',
  ),
)

/** lower case, no accents, punctuation or repeated spaces: "How many pilots?" and "how many  pilots" are one */
export function normalise(question: string): string {
  return question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** the words that carry the question, singular: "pilots did MOHURD run" -> mohurd, pilot, run */
export function keyTerms(question: string): string[] {
  const words = normalise(question)
    .split(' ')
    .filter((w) => w.length > 2 && !stop.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
  return [...new Set(words)].sort()
}

interface Draft {
  byText: Map<string, { question: string; count: number }>
  terms: Set<string>
  count: number
  lastAt: number
  reasons: Map<string, number>
}

const overlap = (a: Set<string>, b: Set<string>) => {
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return { shared, jaccard: shared / (a.size + b.size - shared || 1) }
}

/** two groups ask the same when they share most key terms: at least two, or all of one word each */
function sameAsk(a: Set<string>, b: Set<string>): boolean {
  const { shared, jaccard } = overlap(a, b)
  return jaccard >= 0.5 && (shared >= 2 || (a.size === 1 && b.size === 1 && shared === 1))
}

export function groupQuestions(records: AnswerRecord[]): QuestionGroup[] {
  // first by normalised text
  const exact = new Map<string, Draft>()
  for (const r of records) {
    const text = normalise(r.question)
    if (!text) continue
    let d = exact.get(text)
    if (!d) {
      d = {
        byText: new Map(),
        terms: new Set(keyTerms(r.question)),
        count: 0,
        lastAt: 0,
        reasons: new Map(),
      }
      exact.set(text, d)
    }
    const wording = d.byText.get(r.question.trim()) ?? { question: r.question.trim(), count: 0 }
    wording.count++
    d.byText.set(wording.question, wording)
    d.count++
    d.lastAt = Math.max(d.lastAt, r.at)
    if (r.reason) d.reasons.set(r.reason, (d.reasons.get(r.reason) ?? 0) + 1)
  }
  // then the most asked first absorb the others that ask the same
  const drafts = [...exact.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
  const merged: Draft[] = []
  for (const d of drafts) {
    const into = d.terms.size ? merged.find((m) => sameAsk(m.terms, d.terms)) : undefined
    if (!into) {
      merged.push(d)
      continue
    }
    for (const [q, w] of d.byText) {
      const have = into.byText.get(q)
      if (have) have.count += w.count
      else into.byText.set(q, { ...w })
    }
    // the group keeps the terms every member shares
    into.terms = new Set([...into.terms].filter((t) => d.terms.has(t)))
    into.count += d.count
    into.lastAt = Math.max(into.lastAt, d.lastAt)
    for (const [r, n] of d.reasons) into.reasons.set(r, (into.reasons.get(r) ?? 0) + n)
  }
  return merged
    .map((m) => {
      // the most asked wording names the group; of equals, the fullest
      const wordings = [...m.byText.values()].sort(
        (a, b) => b.count - a.count || b.question.length - a.question.length,
      )
      return {
        question: wordings[0]!.question,
        variants: wordings.slice(1).map((w) => w.question),
        count: m.count,
        lastAt: m.lastAt,
        terms: [...m.terms].sort(),
        reasons: [...m.reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r),
      }
    })
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
}
