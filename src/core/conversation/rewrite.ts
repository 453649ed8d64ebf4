/** An elliptical follow-up that swaps one word of the last question for its counterpart ("and what share of
 * men?" after "what share of women earn more than £50,000?"; "and in June?" after "... in October?") is the
 * last question with that word swapped. */
import { months } from '../answer/typed/candidates'
import { oppositesOf } from '../answer/typed/opposites'
import type { Knowledge } from '../knowledge/types'
import { escapeRegex } from '../nlu/normalize'

const month = new RegExp(`^(?:${months})$`, 'i')
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? []

/** the word of the last question the follow-up's word stands in for: its opposite, or another month */
function counterpart(knowledge: Knowledge, word: string, last: string[]): string | undefined {
  const opposites = oppositesOf(knowledge).get(word) ?? []
  const opposite = opposites.find((o) => last.includes(o))
  if (opposite) return opposite
  if (month.test(word)) return last.find((w) => month.test(w) && w !== word)
  return undefined
}

/** the last question with the follow-up's new words in place of their counterparts, if it has any */
export function swapInto(knowledge: Knowledge, last: string, followUp: string): string | undefined {
  const before = wordsOf(last)
  let out = last
  let swapped = false
  for (const word of new Set(wordsOf(followUp))) {
    if (before.includes(word)) continue
    const old = counterpart(knowledge, word, before)
    if (!old) continue
    const re = new RegExp(`\\b${escapeRegex(old)}\\b`, 'gi')
    out = out.replace(re, (m) => (/^[A-Z]/.test(m) ? word[0]!.toUpperCase() + word.slice(1) : word))
    swapped = true
  }
  return swapped ? out : undefined
}
