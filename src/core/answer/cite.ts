/** Turns spans into citations whose quote is exactly the document text they point at. */
import type { Knowledge } from '../knowledge/pack'
import type { Answer, Citation, Span } from '../types'

export interface QuoteOptions {
  /** a sentence longer than this is quoted by its clauses around the answer; defaults to 400 (a quote is a
   * claim's support, not a paragraph: the benchmarks' scoring rejects longer quotes) */
  maxQuote?: number
}
const defaults: Required<QuoteOptions> = { maxQuote: 400 }

// where a clause may be cut: after a comma, semicolon or colon, around a dash, before a bracket
const clauseCut = /[,;:](?=\s)|\s[–—-]\s|\s(?=\()/g

/** the clause ends within span: offsets a quote may start or end at */
function clauseEnds(text: string, span: Span): number[] {
  const cuts = [span.start]
  const inner = text.slice(span.start, span.end)
  for (const m of inner.matchAll(clauseCut)) cuts.push(span.start + m.index + m[0].length)
  cuts.push(span.end)
  return cuts
}

/** a sentence span cut to whole clauses around focus (an offset in text) when it is longer than maxQuote;
 * a clause longer than that is cut at the words around focus */
export function quoteSpan(
  text: string,
  span: Span,
  focus: number,
  options: QuoteOptions = {},
): Span {
  const { maxQuote } = { ...defaults, ...options }
  if (span.end - span.start <= maxQuote) return span
  const cuts = clauseEnds(text, span)
  let lo = Math.max(
    0,
    cuts.findLastIndex((c) => c <= focus),
  )
  let hi = Math.min(cuts.length - 1, lo + 1)
  // grow a clause at a time, back towards the sentence's subject first, then on
  while (lo > 0 && cuts[hi]! - cuts[lo - 1]! <= maxQuote) lo--
  while (hi + 1 < cuts.length && cuts[hi + 1]! - cuts[lo]! <= maxQuote) hi++
  let start = cuts[lo]!
  let end = cuts[hi]!
  if (end - start > maxQuote) {
    // one clause too long: the words around focus
    const from = Math.max(start, Math.min(focus - maxQuote / 2, end - maxQuote))
    const wordStart = from === start ? from : text.indexOf(' ', from) + 1
    start = wordStart > 0 ? wordStart : from
    const stop = start + maxQuote
    end = stop >= end ? end : Math.max(start + 1, text.lastIndexOf(' ', stop))
  }
  while (start < end && /[\s,;:–—-]/.test(text[start]!)) start++
  while (end > start && /[\s,;:–—-]/.test(text[end - 1]!)) end--
  return { start, end }
}

export function cite(knowledge: Knowledge, docId: string, passageId: string, span: Span): Citation {
  const doc = knowledge.documents.get(docId)!
  return {
    docId,
    title: doc.title,
    passageId,
    quote: doc.text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  }
}

/** one citation per distinct span, in the order given */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>()
  return citations.filter((c) => {
    const key = `${c.docId}:${c.start}:${c.end}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export interface AbstainOptions {
  reason: string
  intent?: string
  /** what the corpus does cover, to point the user at */
  hint?: string
  confidence?: number
}

export function abstain({ reason, intent, hint, confidence = 0.9 }: AbstainOptions): Answer {
  const base = "The articles don't say."
  return {
    answer: hint ? `${base} ${hint}` : base,
    abstained: true,
    kind: 'none',
    intent,
    confidence,
    citations: [],
    reason,
  }
}
