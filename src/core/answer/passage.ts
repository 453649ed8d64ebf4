/** Answers a free-text question with the best supporting sentences, or abstains when none supports it. */
import type { Knowledge } from '../knowledge/pack'
import { terms } from '../nlu/nlp'
import { rankSentences, type WeightedTerm } from '../retrieve/sentences'
import type { Answer } from '../types'
import { abstain, cite } from './cite'

export interface PassageOptions {
  /** the least idf-weighted coverage of the question's terms that counts as support; defaults to 0.5 */
  minCoverage?: number
  /** a second sentence joins the answer when it scores this share of the best; defaults to 0.85 */
  companion?: number
}
const defaults: Required<PassageOptions> = { minCoverage: 0.5, companion: 0.85 }

/** the question's words plus the related words `intents/` lists for them, at a lower weight */
export function expandTerms(knowledge: Knowledge, words: string[]): WeightedTerm[] {
  const out: WeightedTerm[] = []
  const asked = new Set(words)
  for (const term of asked) {
    out.push({ term, weight: 1 })
    // each question word gets its own expansions, so two words may share one ("risk", "boom" -> "overheating")
    const own = new Set<string>()
    for (const related of knowledge.language.synonyms[term] ?? []) {
      // the word as written and its lemma: wink lemmatises a word alone differently from in a sentence
      for (const r of [...terms(related), ...related.toLowerCase().split(/\s+/)]) {
        if (asked.has(r) || own.has(r)) continue
        own.add(r)
        out.push({ term: r, weight: 0.8, of: term })
      }
    }
  }
  return out
}

export function answerFromPassages(
  knowledge: Knowledge,
  question: { terms: string[]; unknownNames: string[] },
  options: PassageOptions = {},
): Answer {
  const { minCoverage, companion } = { ...defaults, ...options }
  if (question.unknownNames.length > 0)
    return abstain({
      reason: `unknown name: ${question.unknownNames.join(', ')}`,
      confidence: 0.85,
    })
  const query = expandTerms(knowledge, question.terms)
  const ranked = rankSentences(knowledge, query)
  const best = ranked[0]
  if (!best || best.coverage < minCoverage)
    return abstain({
      reason: `weak support (${best ? best.coverage.toFixed(2) : 'none'})`,
      confidence: 0.7,
    })
  const chosen = [best]
  const second = ranked.find(
    (r) => r !== best && r.passage.id === best.passage.id && r.score >= best.score * companion,
  )
  if (second) chosen.push(second)
  chosen.sort((a, b) => a.span.start - b.span.start)
  const text = knowledge.documents.get(best.passage.docId)!.text
  const answer = chosen.map((c) => text.slice(c.span.start, c.span.end)).join(' ')
  return {
    answer,
    abstained: false,
    kind: 'passage',
    confidence: Math.min(0.95, 0.4 + best.coverage * 0.55),
    citations: chosen.map((c) => cite(knowledge, c.passage.docId, c.passage.id, c.span)),
  }
}
