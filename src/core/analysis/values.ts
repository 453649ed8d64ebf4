/** Numbers written as words, fractions said in words, and years said relative to an article's date. */

const units: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
}
const tens: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}
const multipliers: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
}
const fractions: Record<string, number> = {
  half: 1 / 2,
  third: 1 / 3,
  quarter: 1 / 4,
  fifth: 1 / 5,
  sixth: 1 / 6,
  eighth: 1 / 8,
  tenth: 1 / 10,
}

/** the word-number vocabulary, for patterns that look for numbers written out */
export const numberWords = [
  ...Object.keys(units),
  ...Object.keys(tens),
  ...Object.keys(multipliers),
]

/** "twenty-seven" -> 27, "three hundred" -> 300, "two million" -> 2e6, "a dozen" -> 12; undefined when not a number */
export function wordNumber(phrase: string): number | undefined {
  const words = phrase
    .toLowerCase()
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'and')
  if (words[0] === 'a' || words[0] === 'an') words[0] = 'one'
  if (words.length === 0) return undefined
  let total = 0
  let current = 0
  let seen = false
  for (const w of words) {
    if (w in units) current += units[w]!
    else if (w in tens) current += tens[w]!
    else if (/^\d+(?:\.\d+)?$/.test(w)) current += Number(w)
    else if (w in multipliers) {
      const m = multipliers[w]!
      if (m === 100) current = (current || 1) * 100
      else {
        total += (current || 1) * m
        current = 0
      }
    } else return undefined
    seen = true
  }
  return seen ? total + current : undefined
}

/** "one in five" -> 20, "a third" -> 33.3, "half" -> 50, "two thirds" -> 66.7: a share as a percentage */
export function wordShare(phrase: string): number | undefined {
  const p = phrase.toLowerCase().trim()
  const inN = /^(\w+(?:-\w+)?) in (\w+(?:-\w+)?)$/.exec(p)
  if (inN) {
    const a = wordNumber(inN[1]!)
    const b = wordNumber(inN[2]!)
    return a !== undefined && b ? round((100 * a) / b) : undefined
  }
  const frac =
    /^(?:(a|an|one|two|three|four|\d+)\s+)?(half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)$/.exec(
      p,
    )
  if (!frac) return undefined
  const n = frac[1] ? (wordNumber(frac[1]) ?? 1) : 1
  const key = frac[2]!.replace(/s$/, '').replace(/^halve$/, 'half')
  const f = fractions[key]
  return f === undefined ? undefined : round(100 * n * f)
}

const round = (n: number) => Math.round(n * 10) / 10

/** "last year" in an article of 2005 -> 2004; "two years ago", "next year", "this year"; undefined when not relative */
export function relativeYear(phrase: string, published?: string): number | undefined {
  const year = published ? Number(/\b(\d{4})\b/.exec(published)?.[1]) : Number.NaN
  if (!Number.isFinite(year)) return undefined
  const p = phrase.toLowerCase().trim()
  if (/^(?:this|the current) year$/.test(p)) return year
  if (/^last year$|^the previous year$|^a year ago$/.test(p)) return year - 1
  if (/^next year$|^the coming year$/.test(p)) return year + 1
  const ago = /^(\w+) years ago$/.exec(p)
  if (ago) {
    const n = wordNumber(ago[1]!)
    return n === undefined ? undefined : year - n
  }
  return undefined
}
