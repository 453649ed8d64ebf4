/** A sentence that gives another number for what the question counts ("12 months" asked as "18 months") is
 * about something else. */

const pairPattern = /\b(\d[\d,.]*)\s+([a-z]{3,})\b/gi

const singular = (word: string) => word.toLowerCase().replace(/(?<=[^s])s$/, '')

/** the numbers before each word: "waiting 18 months" -> months: [18] */
function countedWords(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const m of text.matchAll(pairPattern)) {
    const word = singular(m[2]!)
    const numbers = out.get(word) ?? new Set<string>()
    numbers.add(m[1]!.replace(/,/g, ''))
    out.set(word, numbers)
  }
  return out
}

/** the sentence counts a word of the question with other numbers only */
export function conflictingNumbers(question: string, sentence: string): boolean {
  const said = countedWords(sentence)
  const plain = ` ${sentence.replace(/,(?=\d{3})/g, '')} `
  // "the top 20 games" asked of "9 games in the top 20": the question's number is there too
  const stated = (n: string) =>
    new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`).test(plain)
  for (const [word, numbers] of countedWords(question)) {
    const other = said.get(word)
    if (other && ![...numbers].some((n) => other.has(n) || stated(n))) return true
  }
  return false
}
