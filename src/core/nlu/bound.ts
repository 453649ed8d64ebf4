/**
 * Bounds the work one question can cost: the text that is analysed is NFKC-normalised first,
 * then capped in length, in characters per run without spaces and in tokens, so that the
 * tokenizer (super-linear on long runs) and the typo repair (per unknown word) stay cheap.
 */

export interface QuestionBounds {
  /** characters analysed, counted after NFKC; defaults to 1000, the contract's limit */
  maxLength?: number
  /** a run without spaces longer than this is split into runs of this length; defaults to 40 */
  maxRun?: number
  /** tokens analysed (a run of letters or digits, or one other character); defaults to 120 */
  maxTokens?: number
}

const defaults: Required<QuestionBounds> = { maxLength: 1000, maxRun: 40, maxTokens: 120 }

// counts at least as many tokens as wink makes: a non-ASCII letter counts as one on its own
const token = /\w+|[^\w\s]/g

/** the length the contract's 1000-character limit is checked against: after trimming and NFKC */
export function analysedLength(question: string): number {
  return question.normalize('NFKC').trim().length
}

/** cuts at `end` code units without leaving half a surrogate pair behind */
function cut(text: string, end: number): string {
  if (text.length <= end) return text
  const last = text.charCodeAt(end - 1)
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end)
}

/** splits a run into pieces of at most `size` code units, keeping surrogate pairs whole */
function split(run: string, size: number): string {
  const pieces: string[] = []
  let rest = run
  while (rest.length > size) {
    const piece = cut(rest, size)
    pieces.push(piece)
    rest = rest.slice(piece.length)
  }
  pieces.push(rest)
  return pieces.join(' ')
}

/**
 * The question as the core reads it: NFKC (which can make one character eighteen), at most
 * `maxLength` characters of that, runs over `maxRun` characters split, at most `maxTokens` tokens.
 * Ordinary questions come out as they went in, normalised.
 */
export function boundQuestion(question: string, bounds: QuestionBounds = {}): string {
  const { maxLength, maxRun, maxTokens } = { ...defaults, ...bounds }
  // NFKC of the request is at most 18 times its length, and the body limit caps that
  let text = cut(question.normalize('NFKC').trim(), maxLength)
  const longRun = new RegExp(`\\S{${maxRun + 1},}`, 'g')
  text = text.replace(longRun, (run) => split(run, maxRun))
  token.lastIndex = 0
  for (let count = 0; token.exec(text); )
    if (++count === maxTokens) return cut(text, token.lastIndex)
  return text
}
