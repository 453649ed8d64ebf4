/** The scoring rules of ../shared/benchmarks/README.md: news turns and SQuAD 2.0 questions. */

/** what the scorer reads of a reply */
export interface BenchReply {
  answer: string
  abstained: boolean
  value?: unknown
  citations: { quote: string }[]
}

export interface NewsExpect {
  any?: string[]
  all?: string[]
  cite?: string[]
  citeAny?: string[]
  abstain?: boolean
}

const quotes: [RegExp, string][] = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„″]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
]

/** the news normalisation: NFKC, straight quotes, dashes, whitespace, lower case, no thousands separators */
export function newsNormalise(text: string): string {
  let out = text.normalize('NFKC')
  for (const [pattern, to] of quotes) out = out.replace(pattern, to)
  out = out.replace(/\s+/g, ' ').toLowerCase()
  // repeated: "6,798,000" needs two passes since the matches overlap at the middle digit
  let previous: string
  do {
    previous = out
    out = out.replace(/(\d),(\d{3})(?!\d)/g, '$1$2')
  } while (out !== previous)
  return out
}

/** a pure number matches as a whole number only; anything else as a substring */
export function newsContains(haystack: string, expected: string): boolean {
  const text = newsNormalise(haystack)
  const want = newsNormalise(expected)
  if (!/^\d+(\.\d+)?$/.test(want)) return text.includes(want)
  for (let at = text.indexOf(want); at !== -1; at = text.indexOf(want, at + 1)) {
    const before = text[at - 1]
    const after = text.slice(at + want.length, at + want.length + 2)
    if (before !== undefined && /[\d.]/.test(before)) continue
    if (/^\d/.test(after) || /^\.\d/.test(after)) continue
    return true
  }
  return false
}

function valueText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** one news turn: abstain items by abstaining, the others by answer text, value and citations */
export function scoreNewsTurn(expect: NewsExpect, reply: BenchReply): boolean {
  if (expect.abstain) return reply.abstained
  if (reply.abstained) return false
  const said = `${reply.answer} ${valueText(reply.value)}`
  if (expect.any && !expect.any.some((s) => newsContains(said, s))) return false
  if (expect.all && !expect.all.every((s) => newsContains(said, s))) return false
  if (expect.cite) {
    const words = expect.cite
    if (!reply.citations.some((c) => words.every((w) => newsContains(c.quote, w)))) return false
  }
  if (expect.citeAny) {
    const phrases = expect.citeAny
    if (!reply.citations.some((c) => phrases.some((p) => newsContains(c.quote, p)))) return false
  }
  return true
}

/** SQuAD normalisation: lower case, no punctuation, no articles, single spaces */
export function squadNormalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function hasWords(haystack: string, needle: string): boolean {
  return ` ${squadNormalise(haystack)} `.includes(` ${needle} `)
}

export interface SquadScore {
  /** right, reading the answer text and the citation quotes */
  lenient: boolean
  /** right, reading the answer text only */
  strict: boolean
}

/** an answerable question is right when a gold answer is in the reply; an impossible one when it abstains */
export function scoreSquad(answers: string[], reply: BenchReply): SquadScore {
  if (answers.length === 0) return { lenient: reply.abstained, strict: reply.abstained }
  if (reply.abstained) return { lenient: false, strict: false }
  const golds = answers.map(squadNormalise).filter((g) => g.length > 0)
  const strict = golds.some((g) => hasWords(reply.answer, g))
  const lenient = strict || golds.some((g) => reply.citations.some((c) => hasWords(c.quote, g)))
  return { lenient, strict }
}
