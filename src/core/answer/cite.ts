/** Turns spans into citations whose quote is exactly the document text they point at. */
import type { Knowledge } from '../knowledge/pack'
import type { Answer, Citation, Span } from '../types'

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
