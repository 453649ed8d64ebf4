/** A sentence that says the opposite of a question's word ("before" for "after", "fell" for "rose"), and not the
 * word itself, does not answer the question. */
import type { Knowledge } from '../../knowledge/types'
import { memo } from '../../memo'

const cache = new WeakMap<Knowledge, Map<string, string[]>>()

/** each listed word with the words of opposite meaning to it, both ways */
export function oppositesOf(knowledge: Knowledge): Map<string, string[]> {
  return memo(cache, knowledge, () => {
    const out = new Map<string, string[]>()
    for (const [a, b] of knowledge.language.opposites) {
      if (!a || !b) continue
      out.set(a, [...(out.get(a) ?? []), b])
      out.set(b, [...(out.get(b) ?? []), a])
    }
    return out
  })
}

const wordsOf = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean),
  )

/** the sentence has the opposite of a question word, lacks the word, and the question does not say both */
export function saysOpposite(knowledge: Knowledge, question: string, sentence: string): boolean {
  const opposites = oppositesOf(knowledge)
  const asked = wordsOf(question)
  const said = wordsOf(sentence)
  for (const word of asked) {
    if (said.has(word)) continue
    const other = opposites.get(word)
    if (other?.some((o) => said.has(o) && !asked.has(o))) return true
  }
  return false
}
