/** Checks that every citation is an exact, short slice of its document. */
import type { Citation } from '../../src/core/types'

export interface CitationOptions {
  /** a quote longer than this is a whole passage, not the span that supports a claim; defaults to 400 */
  maxQuoteLength?: number
}
const defaults: Required<CitationOptions> = { maxQuoteLength: 400 }

/** what a citation is checked against: a document's text by its id */
export type DocumentTexts = ReadonlyMap<string, { text: string }>

/** why a citation is invalid, or undefined when it is an exact slice of its document */
export function citationProblem(
  citation: Citation,
  documents: DocumentTexts,
  options: CitationOptions = {},
): string | undefined {
  const { maxQuoteLength } = { ...defaults, ...options }
  const doc = documents.get(citation.docId)
  if (!doc) return `unknown document "${citation.docId}"`
  if (!citation.quote) return 'empty quote'
  if (doc.text.slice(citation.start, citation.end) !== citation.quote)
    return `quote is not text.slice(${citation.start}, ${citation.end}) of ${citation.docId}`
  if (citation.quote.length > maxQuoteLength)
    return `quote is ${citation.quote.length} characters, over ${maxQuoteLength}`
  return undefined
}
