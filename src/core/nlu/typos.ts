/** Repairs small typos against the words the corpus and the language know ("ministy" -> "ministry"). */
import { distance } from 'fastest-levenshtein'

export interface Lexicon {
  words: Set<string>
  /** the words questions are built from (cues, utterances, aliases, units): short typos repair only to these */
  core: Set<string>
  /** words bucketed by first letter, for a cheap candidate list */
  byInitial: Map<string, string[]>
}

export function buildLexicon(words: Iterable<string>, core: Iterable<string> = []): Lexicon {
  const coreSet = new Set(core)
  const set = new Set([...words, ...coreSet])
  const byInitial = new Map<string, string[]>()
  for (const w of set) {
    if (!/^[a-z]{2,}$/.test(w)) continue
    const list = byInitial.get(w[0]!) ?? []
    list.push(w)
    byInitial.set(w[0]!, list)
  }
  return { words: set, core: coreSet, byInitial }
}

/** the one known word within the allowed distance, or undefined when none or several tie */
export function repairWord(lexicon: Lexicon, word: string): string | undefined {
  if (word.length < 2 || lexicon.words.has(word) || !/^[a-z]+$/.test(word)) return undefined
  // a short word is too often a real word we do not know ("boom"): repair it only to a question word
  const short = word.length < 5
  const allowed = word.length >= 8 ? 2 : 1
  let best: string | undefined
  let bestDistance = allowed + 1
  let tie = false
  for (const candidate of lexicon.byInitial.get(word[0]!) ?? []) {
    if (Math.abs(candidate.length - word.length) > allowed) continue
    if (short && !lexicon.core.has(candidate)) continue
    const d = distance(word, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
      tie = false
    } else if (d === bestDistance && candidate !== best) {
      tie = true
    }
  }
  return best && !tie ? best : undefined
}
