/**
 * What a figure's verb says it is (a relation: "shed" -> lost, "runs" -> has) and how it is said (planned,
 * estimated, or another group's figure set against it), from the tables in intents/ (`factRelations`,
 * `moods`). The same table maps a question's verb, so "how many customers did it lose?" asks for "lost".
 */
import { memo } from '../memo'
import type { Language } from '../nlu/language'
import { alternation } from '../nlu/lexicon'
import type { FigureQualifier, Span } from '../types'

/** the words of `factRelations` and `moods`, compiled once per language */
export interface RelationWords {
  /** a verb form, lower case -> its relation */
  forms: Map<string, string>
  /** relation -> the relations that answer it besides itself */
  kin: Map<string, Set<string>>
  /** what a figure came to ("rose to"): it answers any question but one of `changes` */
  levels: Set<string>
  /** what was lost or added: only a figure stated so answers it */
  changes: Set<string>
  planned: RegExp
  estimated: RegExp
  /** a cue right before a figure that sets it against another group's */
  compared: RegExp
  /** a question's word asking for the figure a change came from */
  earlier: RegExp
}

type Words = Pick<Language, 'factRelations' | 'moods'>

const compiled = new WeakMap<Language['factRelations'], RelationWords>()

// the longest cue first: "plans to" before "plans"
const cue = (list: string[]) =>
  new RegExp(`\\b${alternation([...list].sort((a, b) => b.length - a.length))}(?![\\w'’])`, 'gi')

export function relationWords(language: Words): RelationWords {
  return memo(compiled, language.factRelations, () => {
    const forms = new Map<string, string>()
    for (const [relation, list] of Object.entries(language.factRelations.verbs))
      for (const form of list) if (!forms.has(form)) forms.set(form, relation)
    const kin = new Map<string, Set<string>>()
    for (const group of language.factRelations.kin)
      for (const r of group) kin.set(r, new Set([...(kin.get(r) ?? []), ...group]))
    return {
      forms,
      kin,
      levels: new Set(language.factRelations.levels),
      changes: new Set(language.factRelations.changes),
      planned: cue(language.moods.planned),
      estimated: cue([...language.factRelations.estimated, ...language.moods.expected]),
      compared: new RegExp(`\\b${alternation(language.factRelations.compared)}\\s+$`, 'i'),
      earlier: new RegExp(`\\b${alternation(language.factRelations.earlier)}\\b`, 'i'),
    }
  })
}

/** a cue found with its span */
export interface Found<T> {
  value: T
  span: Span
}

/** fillers between a verb and its figure: "spent an average of 6.2 days", "shed some 120,000" */
const filler =
  /^(?:a|an|the|its|their|his|her|some|about|around|nearly|almost|roughly|over|more|than|up|to|at|least|of|average|total|record|further|another|just|only|by)$/i

/** the relation of the verb right before `before` (fillers skipped), within the clause */
export function relationBefore(
  words: RelationWords,
  text: string,
  before: number,
): Found<string> | undefined {
  const head = text.slice(0, before)
  const clauseStart = Math.max(head.search(/[;:]\s*[^;:]*$/), head.search(/,\s(?!.*,\s)/), 0)
  const tokens = [...head.slice(clauseStart).matchAll(/[A-Za-z][a-z'’-]*/g)].reverse()
  // "will double its fleet to 3,000": the verb's own object may stand between it and "to"
  let objectWords = tokens[0]?.[0].toLowerCase() === 'to' ? 2 : 0
  for (const [i, m] of tokens.entries()) {
    if (i >= 6) break
    const relation = words.forms.get(m[0].toLowerCase())
    if (relation) {
      const start = clauseStart + m.index
      return { value: relation, span: { start, end: start + m[0].length } }
    }
    if (!filler.test(m[0]) && objectWords-- <= 0) break
  }
  return undefined
}

/** where the clause that holds a figure starts: after the last ";" or ", and"/", but" before it */
function clauseStart(text: string, at: number): number {
  const head = text.slice(0, at)
  let start = 0
  for (const m of head.matchAll(/;|:|,\s+(?:and|but|while|whereas)\s+|\.\s+/g))
    start = m.index + m[0].length
  return start
}

/** "will double its fleet to 3,000", "an estimated 4,000", "against 8.9 on hospital wards" */
export function qualifierOf(
  words: RelationWords,
  text: string,
  figure: Span,
): Found<FigureQualifier> | undefined {
  const head = text.slice(0, figure.start)
  const compared = words.compared.exec(head.slice(-24))
  if (compared) {
    const start = head.length - 24 + compared.index
    const at = Math.max(0, start)
    return { value: 'compared', span: { start: at, end: at + compared[0].trimEnd().length } }
  }
  const from = clauseStart(text, figure.start)
  const clause = text.slice(from, figure.start)
  for (const [value, pattern] of [
    ['planned', words.planned],
    ['estimated', words.estimated],
  ] as const) {
    const hits = [...clause.matchAll(pattern)]
    const last = hits.at(-1)
    if (last)
      return { value, span: { start: from + last.index, end: from + last.index + last[0].length } }
  }
  return undefined
}

/**
 * the relation a question asks for; a question with no relation verb ("how many", "what is") asks for any.
 * A word the question asks about as a thing ("how many orders") is no verb of it
 */
export function questionRelation(
  words: RelationWords,
  question: string,
  thingTerms: string[] = [],
): string | undefined {
  const things = new Set(thingTerms.map((t) => words.forms.get(t)))
  const found = (question.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [])
    .map((w) => words.forms.get(w))
    .filter((r): r is string => r !== undefined && !things.has(r))
  // "how many jobs have been cut": the verb nearest the end says what happened, not the auxiliary
  return found.at(-1)
}

/**
 * a fact's relation answers the asked one: either unknown, the same, kin ("spends" answers "invest"), or a
 * level ("rose to 640") asked for anything but what was lost or added. `levelsAnswerAll`: a computed
 * question ("how many cities did it gain from 1978 to 2015?") takes its difference from levels too
 */
/** the fact's own thing says the asked relation: "the water the utility lost to leaks" fell from 212 million */
export function thingSays(words: RelationWords, thing: string, asked: string): boolean {
  return (thing.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []).some(
    (w) => words.forms.get(w) === asked,
  )
}

export function relationFits(
  words: RelationWords,
  asked: string | undefined,
  stated: string | undefined,
  levelsAnswerAll = false,
): boolean {
  if (!asked || !stated || asked === stated || words.kin.get(asked)?.has(stated)) return true
  if (words.levels.has(stated)) return levelsAnswerAll || !words.changes.has(asked)
  if (words.levels.has(asked)) return !words.changes.has(stated)
  return false
}
