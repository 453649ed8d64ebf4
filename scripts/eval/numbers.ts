/** Finds the numbers a text states, with scale words resolved, so "580 million" = "580,000,000" = "0.58 billion". */

export interface StatedNumber {
  /** the value as meant, scale applied: "580 million" -> 580000000 */
  value: number
  /** every value the text may mean: also the bare figure, since "15.5m" may be metres */
  readings: number[]
  /** half a unit of the last written digit, scale applied: "3.6" -> 0.05 */
  tolerance: number
  /** written with decimals or as a percentage, so a more precise reply may round to it */
  rounded: boolean
}

const scales: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
}

const words: Record<string, number> = {
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
  twenty: 20,
}

/** number words the matcher reads as figures, so they are not content words too */
export const numberWords = new Set([...Object.keys(words), ...Object.keys(scales)])

// a figure not glued to a word before it ("p11", "A380"); "1,200", "1 200" is not grouped (too ambiguous)
const figure =
  /(?<![A-Za-z0-9.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(%|per ?cent\b)|(?:\s+(thousand|million|billion|trillion|bn|mn)\b)|(k|m|bn|mn)\b)?/gi
const wordFigure = new RegExp(
  `\\b(${Object.keys(words).join('|')})\\b(?:\\s+(thousand|million|billion))?`,
  'gi',
)

function stated(
  digits: string,
  decimals: string | undefined,
  percent: boolean,
  scaleWord?: string,
) {
  const scale = scaleWord ? (scales[scaleWord.toLowerCase()] ?? 1) : 1
  const bare = Number(`${digits.replace(/,/g, '')}${decimals ? `.${decimals}` : ''}`)
  const value = bare * scale
  const places = decimals?.length ?? 0
  return {
    value,
    readings: scale === 1 ? [bare] : [value, bare],
    tolerance: (0.5 * scale) / 10 ** places,
    rounded: places > 0 || percent,
  }
}

export function statedNumbers(text: string): StatedNumber[] {
  const found: StatedNumber[] = []
  for (const m of text.matchAll(figure)) {
    found.push(stated(m[1]!, m[2], Boolean(m[3]), m[4] ?? m[5]))
  }
  for (const m of text.matchAll(wordFigure)) {
    found.push(stated(String(words[m[1]!.toLowerCase()]), undefined, false, m[2]))
  }
  return found
}

/** the reply states `expected` when one of its numbers can mean it, allowing rounding only where `expected` was rounded */
export function numberStated(expected: StatedNumber, reply: StatedNumber[]): boolean {
  const epsilon = 1e-9 * Math.max(1, Math.abs(expected.value))
  return reply.some((r) =>
    r.readings.some((v) => {
      const gap = Math.abs(v - expected.value)
      return gap <= epsilon || (expected.rounded && gap <= expected.tolerance + epsilon)
    }),
  )
}
