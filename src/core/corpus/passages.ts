/** Splits a document into passages (paragraphs, headings, list-like lines) and sentences, all with exact offsets. */
import type { CorpusDocument, Passage, PassageKind, Span } from '../types'

export interface SplitOptions {
  /** a single line of at most this many words, without closing punctuation, reads as a heading; defaults to 14 */
  headingMaxWords?: number
}
const defaults: Required<SplitOptions> = { headingMaxWords: 14 }

const abbreviations = new Set([
  'co',
  'corp',
  'inc',
  'ltd',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'vs',
  'no',
  'jr',
  'sr',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'etc',
  'approx',
  'dept',
  'gov',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'fig',
  'est',
])

/** trims white space off both ends of a span */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

/** sentence spans within [start, end) of text */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = []
  // a boundary: terminal punctuation, closing quotes or brackets, white space, then a capital, digit or quote
  // a run of terminal punctuation is matched from its start only: no re-scan of "!!!!…" (linear)
  const boundary = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g
  boundary.lastIndex = start
  let from = start
  const region = text.slice(0, end)
  for (let m = boundary.exec(region); m; m = boundary.exec(region)) {
    const stop = m.index + m[0].length
    const before = /([A-Za-z.]+)\.$/.exec(region.slice(Math.max(from, m.index - 12), m.index + 1))
    const word = before?.[1]?.toLowerCase() ?? ''
    if (m[0].startsWith('.') && (abbreviations.has(word) || /^[a-z]$/.test(word))) continue
    const span = trimSpan(text, from, stop)
    if (span.end > span.start) spans.push(span)
    from = stop
  }
  const last = trimSpan(text, from, end)
  if (last.end > last.start) spans.push(last)
  return spans
}

const listMarker = /^(?:[-*+•]\s+|\d+[.)]\s+)/

function classify(line: string, options: Required<SplitOptions>): PassageKind {
  if (/^#{1,6}\s/.test(line)) return 'heading'
  if (listMarker.test(line)) return 'line'
  const words = line.split(/\s+/).length
  const closed = /[.!?:;,"”’)|]$/.test(line)
  if (/\d/.test(line) && !closed) return 'line'
  if (!closed && words <= options.headingMaxWords) return 'heading'
  return 'paragraph'
}

/** blocks separated by blank lines; a block of several list-like lines gives one passage a line */
function blocks(text: string): Span[] {
  const out: Span[] = []
  const blank = /\n[ \t]*\n/g
  let from = 0
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    out.push(trimSpan(text, from, m.index))
    from = m.index + m[0].length
  }
  out.push(trimSpan(text, from, text.length))
  return out.filter((s) => s.end > s.start)
}

function lines(text: string, block: Span): Span[] {
  const out: Span[] = []
  let from = block.start
  for (let i = block.start; i <= block.end; i++) {
    if (i === block.end || text[i] === '\n') {
      const span = trimSpan(text, from, i)
      if (span.end > span.start) out.push(span)
      from = i + 1
    }
  }
  return out
}

export function splitPassages(doc: CorpusDocument, options: SplitOptions = {}): Passage[] {
  const opts = { ...defaults, ...options }
  const { text, docId } = doc
  const passages: Passage[] = []
  let heading: string | undefined
  const push = (span: Span, kind: PassageKind) => {
    const index = passages.length
    const sentences = kind === 'paragraph' ? splitSentences(text, span.start, span.end) : [span]
    passages.push({ id: `${docId}#p${index}`, docId, index, kind, ...span, heading, sentences })
    if (kind === 'heading') heading = text.slice(span.start, span.end).replace(/^#+\s*/, '')
  }
  for (const block of blocks(text)) {
    const blockLines = lines(text, block)
    const listLike =
      blockLines.length > 1 &&
      blockLines.every((l) => {
        const kind = classify(text.slice(l.start, l.end), opts)
        return kind !== 'paragraph'
      })
    if (blockLines.length === 1 || listLike) {
      for (const line of blockLines) push(line, classify(text.slice(line.start, line.end), opts))
    } else {
      push(block, 'paragraph')
    }
  }
  return passages
}
