/** Splits a document into passages (paragraphs, headings, list-like lines) and sentences, all with exact offsets. */
import type { CorpusDocument, Passage, PassageKind, Span } from '../types'

export interface SplitOptions {
  /** a single line of at most this many words, without closing punctuation, reads as a heading; defaults to 14 */
  headingMaxWords?: number
}
const defaults: Required<SplitOptions> = { headingMaxWords: 14 }

// a word these end with a full stop that rarely ends a sentence: a title before a name or a number
const titles = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'gov',
  'gen',
  'sen',
  'rep',
  'rev',
])
// abbreviations that may end a sentence too ("made by Acme Inc. The company ..."): they do when a word
// that opens sentences follows
const abbreviations = new Set([
  'co',
  'corp',
  'inc',
  'ltd',
  'vs',
  'jr',
  'sr',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'etc',
  'approx',
  'dept',
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
// words that open sentences and are not names: after "etc." or "vitamin C." they start a new sentence
const openers = new Set(
  (
    'the a an this that these those it its he she they we his her their there here in on at as after ' +
    'before when while but and however although though since thus so if for by from during many some ' +
    'most one both each other such because also then what how why which who today yet still'
  ).split(' '),
)

/** trims white space off both ends of a span */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

// terminal punctuation, its closing quotes or brackets, a bracketed editor's note ("[citation needed]") or a
// page reference (".:116"), white space, then a capital, digit or opening quote; or a colon before a
// paragraph-like gap ("the following:  Other ..."). A run of punctuation is matched from its start only (linear)
const boundary =
  /(?<![.!?])(?:[.!?]+["'”’)\]]*(?:\[[^\]\n]{1,40}\])*(?::\d+(?:[–-]\d+)?)?(?=\s+["'“‘([]?[A-Z0-9])|:(?=\s{2,}[A-Z]))/g

/** the word a full stop at dot ends ("Inc", "e.g", "C"), empty when it ends a number or a longer token */
function wordBefore(text: string, dot: number): string {
  let from = dot
  while (from > 0 && from > dot - 8 && /[A-Za-z.]/.test(text[from - 1]!)) from--
  if (from > 0 && /[A-Za-z0-9]/.test(text[from - 1]!)) return ''
  return text.slice(from, dot).replace(/^\.+/, '')
}

/** whether a full stop at dot, followed by next, ends no sentence: a title, an initial before a name
 * ("Ada B. Quill"), or an abbreviation not followed by a word that opens sentences */
function continuesAfter(text: string, dot: number, next: string): boolean {
  const word = wordBefore(text, dot)
  const lower = word.toLowerCase()
  if (!word) return false
  const nextWord = /^\s+([A-Za-z]+)/.exec(next)?.[1] ?? ''
  const opens = openers.has(nextWord.toLowerCase())
  if (titles.has(lower)) return true
  if (/^[a-z]$/.test(word)) return true
  // "R. T. Vane": another initial follows
  if (/^[A-Z]$/.test(word)) return /^[A-Z]/.test(nextWord) && (!opens || /^\s+[A-Z]\./.test(next))
  return abbreviations.has(lower) && !opens
}

/** sentence spans within [start, end) of text */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = []
  boundary.lastIndex = start
  let from = start
  const region = text.slice(0, end)
  for (let m = boundary.exec(region); m; m = boundary.exec(region)) {
    const stop = m.index + m[0].length
    if (m[0].startsWith('.') && continuesAfter(region, m.index, region.slice(stop, stop + 24)))
      continue
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
  // closing punctuation, before any editor's note or page reference ("direction.[citation needed]")
  const closed = /[.!?:;,"”’)|](?:\[[^\]]*\]|:[\d–-]+)*$/.test(line)
  // a block of several sentences is a paragraph however it ends
  if (/\d/.test(line) && !closed && splitSentences(line, 0, line.length).length < 2) return 'line'
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
