/** Answers a free-text question with the best supporting sentences, or abstains when none supports it. */
import type { Knowledge } from '../knowledge/pack'
import { memo } from '../memo'
import { terms } from '../nlu/nlp'
import { idf, type RankedSentence, rankSentences, type WeightedTerm } from '../retrieve/sentences'
import type { Answer } from '../types'
import { abstain, cite, quoteSpan } from './cite'

export interface PassageOptions {
  /** the least idf-weighted coverage of the question's terms that counts as support; defaults to 0.5 */
  minCoverage?: number
  /** a second sentence joins the answer when it scores this share of the best; defaults to 0.85 */
  companion?: number
}
const defaults: Required<PassageOptions> = { minCoverage: 0.5, companion: 0.85 }

// endings that make a word of the same family, longest first: "co-founder", "co-founded" and "co-found"
// share "co-found"
const familyEndings = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ing',
  'ers',
  'er',
  'ors',
  'or',
  'ed',
  's',
]

// a consonant doubled before an ending ("planning", "shipped") is one in the word itself; l, s and z stay
const doubled = /([b-df-hj-km-rtv-y])\1$/

/** a word's family stem: the word without its longest derivational ending that leaves four letters, its
 * doubled last consonant single ("planning" -> "plan") */
export function familyStem(term: string): string {
  for (const ending of familyEndings)
    if (term.endsWith(ending) && term.length - ending.length >= 4)
      return term.slice(0, -ending.length).replace(doubled, '$1')
  return term
}

const familyCache = new WeakMap<Knowledge, Map<string, string[]>>()

/** the corpus's words by family stem, built once per knowledge */
function familiesOf(knowledge: Knowledge): Map<string, string[]> {
  return memo(familyCache, knowledge, () => {
    const out = new Map<string, string[]>()
    for (const word of knowledge.df.keys()) {
      const stem = familyStem(word)
      out.set(stem, [...(out.get(stem) ?? []), word])
    }
    return out
  })
}

/** whether the corpus uses the word or another word of its family ("planning" -> "plans") */
export function usedInFamily(knowledge: Knowledge, term: string): boolean {
  return knowledge.df.has(term) || (familiesOf(knowledge).get(familyStem(term))?.length ?? 0) > 0
}

/** the question's words plus the related words `intents/` lists for them, at a lower weight, and for a
 * word the corpus never uses, its words of the same family ("co-founded" -> "co-founder") */
export function expandTerms(knowledge: Knowledge, words: string[]): WeightedTerm[] {
  const out: WeightedTerm[] = []
  const asked = new Set(words)
  const families = familiesOf(knowledge)
  for (const term of asked) {
    out.push({ term, weight: 1 })
    // each question word gets its own expansions, so two words may share one ("risk", "boom" -> "overheating")
    const own = new Set<string>()
    const add = (r: string, weight: number) => {
      if (asked.has(r) || own.has(r)) return
      own.add(r)
      out.push({ term: r, weight, of: term })
    }
    // the word as written and its lemma: wink lemmatises a word alone differently from in a sentence
    for (const related of knowledge.language.synonyms[term] ?? [])
      for (const r of [...terms(related), ...related.toLowerCase().split(/\s+/)]) add(r, 0.8)
    // a word the corpus never uses may be said in another form of its family
    if (!knowledge.df.has(term)) for (const r of families.get(familyStem(term)) ?? []) add(r, 0.7)
  }
  return out
}

export interface PassageQuestion {
  terms: string[]
  unknownNames: string[]
  /** years the answer must be about */
  years?: number[]
  /** entities the answer must be about */
  entityIds?: string[]
  /** other proper names of the question, lower-cased: "france" */
  names?: string[]
}

/** the passage says what the question is about: its years, its names and its rarest word */
function grounds(
  knowledge: Knowledge,
  r: RankedSentence,
  question: PassageQuestion,
  key?: string,
): boolean {
  const doc = knowledge.documents.get(r.passage.docId)!
  const around =
    `${doc.title} ${r.passage.heading ?? ''} ${doc.text.slice(r.passage.start, r.passage.end)}`.toLowerCase()
  for (const year of question.years ?? []) if (!around.includes(String(year))) return false
  const keyed = ` ${nameKeyed(around)} `
  for (const id of question.entityIds ?? []) {
    const aliases = knowledge.entityById.get(id)?.aliases ?? []
    if (!aliases.some((a) => keyed.includes(` ${a} `))) return false
  }
  for (const name of question.names ?? []) if (!keyed.includes(` ${name} `)) return false
  // the rarest word must be answered, unless nearly everything else is
  return key === undefined || r.matched.includes(key) || r.coverage >= 0.75
}

function nameKeyed(text: string): string {
  return text.replace(/['’]s\b/g, '').replace(/[^a-z0-9&%.+]+/g, ' ')
}

export function answerFromPassages(
  knowledge: Knowledge,
  question: PassageQuestion,
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
  // the question's most specific word must be answered, not just its common ones
  const names = new Set(
    (question.entityIds ?? []).flatMap(
      (id) => knowledge.entityById.get(id)?.aliases.flatMap((a) => a.split(' ')) ?? [],
    ),
  )
  const key = question.terms
    .filter((t) => !names.has(t) && !/^\d+$/.test(t))
    .sort((a, b) => idf(knowledge, b) - idf(knowledge, a))[0]
  const best = ranked
    .slice(0, 6)
    .find((r) => r.coverage >= minCoverage && grounds(knowledge, r, question, key))
  if (!best)
    return abstain({
      reason: `weak support (${ranked[0] ? ranked[0].coverage.toFixed(2) : 'none'})`,
      confidence: 0.7,
    })
  const chosen = [best]
  // a heading answers with the best sentence under it; a sentence with a strong neighbour in its passage
  const second =
    best.passage.kind === 'heading'
      ? ranked.find((r) => r !== best && knowledge.headingOf.get(r.passage.id) === best.passage)
      : ranked.find(
          (r) =>
            r !== best && r.passage.id === best.passage.id && r.score >= best.score * companion,
        )
  if (second) chosen.push(second)
  chosen.sort((a, b) => a.span.start - b.span.start)
  const text = knowledge.documents.get(best.passage.docId)!.text
  // a long sentence is said by its clauses around the question's most specific word
  const focus = (span: { start: number; end: number }) =>
    span.start +
    Math.max(
      0,
      text
        .slice(span.start, span.end)
        .toLowerCase()
        .indexOf(key ?? ''),
    )
  const spans = chosen.map((c) => quoteSpan(text, c.span, focus(c.span)))
  // a heading is a title, not a sentence: the sentence under it answers, never glued to it
  const said = spans.filter((_, i) => chosen[i]!.passage.kind !== 'heading')
  const answer = (said.length > 0 ? said : spans)
    .map((span) => text.slice(span.start, span.end))
    .join(' ')
  return {
    answer,
    abstained: false,
    kind: 'passage',
    confidence: Math.min(0.95, 0.4 + best.coverage * 0.55),
    citations: chosen.map((c, i) => cite(knowledge, c.passage.docId, c.passage.id, spans[i]!)),
  }
}
