/** The slots a handler answers from, read off an understanding and, for follow-ups, the conversation's focus. */
import type { Knowledge } from '../knowledge/types'
import { memo } from '../memo'
import type { IntentDef } from '../nlu/language'
import { terms } from '../nlu/nlp'
import { nameKey } from '../nlu/normalize'
import type { Understanding } from '../nlu/understand'

export interface Query {
  intent?: IntentDef
  /** entity ids the question names, in order */
  ownerIds: string[]
  /** canonical lemmas of what is asked about */
  thingTerms: string[]
  /** words from the earlier turn that still frame a follow-up, matched softly */
  softTerms: string[]
  /** the question's verbs ("ship", "found", "invest"): they help pick a fact, never rule one out */
  verbTerms: string[]
  years: number[]
  /** names no entity answers to: any structured answer would be a guess */
  unknownNames: string[]
  /** proper names that are not entities ("Shanghai"): a fact must mention them */
  names: string[]
  /** every content lemma, for retrieval */
  terms: string[]
  /** the noun a "which ..."/"what ..." question asks for: a list must be of those */
  askedNoun?: string
  /** "according to the Energy Transition Report": only these documents */
  docIds?: string[]
  /** the question as understood, for the log and follow-ups */
  text: string
}

/** unit synonyms from `intents/`: "pilot projects" -> "pilot", "inhabitants" -> "population" */
export function canonicalTerms(knowledge: Knowledge): Map<string, string> {
  const cached = canonCache.get(knowledge)
  if (cached) return cached
  const map = new Map<string, string>()
  for (const [unit, words] of Object.entries(knowledge.language.units)) {
    // the unit's own lemma too: "people" reads as "person"
    for (const lemma of terms(unit)) if (lemma !== unit) map.set(lemma, unit)
    for (const word of words) {
      const lemmas = terms(word)
      // a one-word synonym maps to the unit; "pilot projects" maps its last word only when it is not the unit itself
      if (lemmas.length === 1 && lemmas[0] !== unit) map.set(lemmas[0]!, unit)
    }
  }
  canonCache.set(knowledge, map)
  return map
}
const canonCache = new WeakMap<Knowledge, Map<string, string>>()

export function canon(knowledge: Knowledge, words: string[]): string[] {
  const map = canonicalTerms(knowledge)
  return [...new Set(words.map((w) => map.get(w) ?? w))]
}

const genericWords = new Set([
  'one',
  'ones',
  'thing',
  'kind',
  'type',
  'article',
  'figure',
  'number',
  'total',
  'amount',
  // a period is when, not what: "per year", "last year"
  'year',
  'month',
  'week',
  'day',
  'annum',
  'annual',
  'annually',
  'yearly',
  'today',
  // a share is the kind of figure, not the thing: "share of GDP"
  'share',
  'percentage',
  'percent',
  'proportion',
  'point',
])

// words about the corpus itself, not about what it says
const metaWords = new Set([
  'article',
  'articles',
  'text',
  'report',
  'story',
  'accord',
  'according',
  'mention',
  'say',
])

export function toQuery(u: Understanding, knowledge: Knowledge): Query {
  const source = sourceNamed(knowledge, u.text)
  // "according to the Energy Transition Report" names where to look, not what to find
  const sourceWords = new Set(source?.words ?? [])
  // an owner kind is asked for only after "which" or "what" ("which customer ordered ..."); "how many
  // customers" counts them
  const askedKind = /\b(?:which|what)\s+([a-z]+)/i.exec(u.text)?.[1]?.toLowerCase()
  const kinds = knowledge.language.ownerKinds.filter((w) => w.toLowerCase() === askedKind)
  const orgWords = new Set([...knowledge.language.orgWords, ...kinds].flatMap((w) => terms(w)))
  // "which agency ran the most pilots": the kind of owner asked for is not the thing counted
  // proper names that are no entity ("Northmark") are checked against the fact's words, not matched as its thing
  const names = new Set(u.properNames)
  const thing = u.thingTerms.filter(
    (t) =>
      !orgWords.has(t) &&
      !genericWords.has(t) &&
      !sourceWords.has(t) &&
      !names.has(t) &&
      !metaWords.has(t),
  )
  // a thing-word entity asked about ("electric buses") is also the thing asked about
  for (const m of u.mentions)
    for (const id of m.entityIds.slice(0, 1))
      if (knowledge.entityById.get(id)?.type === 'other')
        thing.push(...terms(knowledge.entityById.get(id)!.name))
  // "when was Ampero founded": the event asked about is its verb
  if (u.intent?.measure === 'year') thing.push(...u.verbTerms)
  // "the CF" for the "Corvane Fund" the text names: an acronym no alias lists, read off the initials
  const byInitials = u.unknownNames.map((n) => [n, initialled(knowledge, n)] as const)
  const spelled = byInitials.flatMap(([, id]) => (id ? [id] : []))
  const spelledWords = new Set(byInitials.flatMap(([n, id]) => (id ? [n.toLowerCase()] : [])))
  return {
    intent: u.intent,
    ownerIds: [...u.mentions.flatMap((m) => m.entityIds.slice(0, 1)), ...spelled],
    thingTerms: canon(knowledge, thing),
    softTerms: [],
    verbTerms: u.verbTerms,
    years: u.years,
    unknownNames: byInitials
      .filter(([n, id]) => !id && !sourceWords.has(n.toLowerCase()))
      .map(([n]) => n),
    names: u.properNames.filter((n) => !sourceWords.has(n)),
    terms: u.terms.filter((t) => !metaWords.has(t) && !spelledWords.has(t)),
    docIds: source?.docIds,
    askedNoun: u.askedNoun ? canon(knowledge, [u.askedNoun])[0] : undefined,
    text: u.text,
  }
}

const initialsCache = new WeakMap<Knowledge, Map<string, string[]>>()

/** the one entity of two or more capitalised words whose initials an all-capitals name spells ("CF") */
function initialled(knowledge: Knowledge, name: string): string | undefined {
  if (!/^[A-Z]{2,5}$/.test(name)) return undefined
  const byInitials = memo(initialsCache, knowledge, () => {
    const out = new Map<string, string[]>()
    for (const e of knowledge.entities) {
      if (e.type === 'person') continue
      const words = e.name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w))
      if (words.length < 2) continue
      const key = words.map((w) => w[0]).join('')
      out.set(key, [...(out.get(key) ?? []), e.id])
    }
    return out
  })
  const ids = byInitials.get(name) ?? []
  return ids.length === 1 ? ids[0] : undefined
}

/** the documents a question names as its source: "according to the ChargeWorld Expo report" */
export function sourceNamed(
  knowledge: Knowledge,
  text: string,
): { docIds: string[]; words: string[] } | undefined {
  const m =
    /\b(?:according to|as reported (?:by|in))\s+(?:the\s+)?([^,?]+?)\s*(?:,|\?|$)/i.exec(text) ??
    /\b(?:in|from)\s+the\s+((?:[\w&'’-]+\s+){1,6}?)(?:report|article|story)\b/i.exec(text)
  if (!m) return undefined
  const words = nameKey(m[1]!)
    .split(' ')
    .filter((w) => w.length > 2 && !/^(?:report|article|story|the)$/.test(w))
  if (words.length === 0) return undefined
  const docs = [...knowledge.documents.values()].filter((d) => {
    const about = ` ${nameKey(`${d.title} ${d.source ?? ''}`)} `
    return words.every((w) => about.includes(` ${w} `) || about.includes(` ${w}s `))
  })
  if (docs.length === 0 || docs.length === knowledge.documents.size) return undefined
  return { docIds: docs.map((d) => d.docId), words: [...words, ...terms(m[0]!), 'accord'] }
}
