/** Tells a question in English from one in another language, by its script and its common words. */
import type { Knowledge } from '../knowledge/types'
import { memo } from '../memo'

export interface EnglishOptions {
  /** below this share of Latin letters the text is another script; defaults to 0.5 */
  minLatin: number
  /** below this share of known words (common English or the corpus's own) it is another language; defaults to 0.5 */
  minKnown: number
  /** shorter questions are given the benefit of the doubt; defaults to 3 words */
  minWords: number
}
export const englishDefaults: EnglishOptions = { minLatin: 0.5, minKnown: 0.5, minWords: 3 }

const common = new WeakMap<Knowledge, Set<string>>()

export function isEnglish(
  knowledge: Knowledge,
  text: string,
  options: Partial<EnglishOptions> = {},
): boolean {
  const o = { ...englishDefaults, ...options }
  const letters = [...text.normalize('NFKC')].filter((c) => /\p{L}/u.test(c))
  if (letters.length === 0) return true
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length
  if (latin / letters.length < o.minLatin) return false
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  if (words.length < o.minWords) return true
  const english = memo(common, knowledge, () => new Set(knowledge.language.englishWords))
  const known = words.filter((w) => english.has(w) || knowledge.lexicon.words.has(w)).length
  return known / words.length >= o.minKnown
}
