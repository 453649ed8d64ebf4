/** Resolves a turn against the conversation: pronouns to names, elliptical fragments to the last question's slots. */
import { canon, type Query, toQuery } from '../answer/query'
import type { Knowledge } from '../knowledge/types'
import { memo } from '../memo'
import { terms } from '../nlu/nlp'
import { cleanQuestion, escapeRegex, nameKey } from '../nlu/normalize'
import { type Understanding, understand } from '../nlu/understand'
import { swapInto } from './rewrite'
import type { Focus, SessionState } from './session'

// the language's phrases as keys, computed once each
const keys = new Map<string, string>()
function keyed(phrase: string): string {
  return memo(keys, phrase, () => nameKey(phrase))
}

export type MetaTurn = 'why' | 'source' | 'more' | 'else' | 'which' | 'before'

export interface ResolvedTurn {
  query: Query
  understanding: Understanding
  /** the turn leaned on the previous one */
  followUp: boolean
  meta?: MetaTurn
  /** for "what else does the article say about X": X's entity ids */
  topic?: string[]
}

/** "he" -> the last person, "it" -> the last organisation or place, "there" -> the last place */
function replacePronouns(
  text: string,
  knowledge: Knowledge,
  focus: Focus,
): { text: string; replaced: boolean } {
  let replaced = false
  let out = text
  const name = (id?: string) => (id ? knowledge.entityById.get(id)?.name : undefined)
  for (const [pronoun, kind] of Object.entries(knowledge.language.followUps.pronouns)) {
    if (kind === 'thing') continue
    const target =
      kind === 'person'
        ? (focus.lastPersonName ?? name(focus.lastPerson))
        : kind === 'place'
          ? name(focus.lastPlace)
          : kind === 'org'
            ? name(focus.lastOrg ?? focus.lastPlace)
            : name(focus.lastOrg ?? focus.lastPerson ?? focus.lastPlace)
    if (!target) continue
    const possessive = /^(?:his|her|its|their)$/.test(pronoun)
    const re = new RegExp(`\\b${escapeRegex(pronoun)}\\b`, 'gi')
    if (!re.test(out)) continue
    out = out.replace(re, possessive ? `${target}'s` : target)
    replaced = true
  }
  return { text: out, replaced }
}

function metaOf(key: string, knowledge: Knowledge): MetaTurn | undefined {
  const bare = key.replace(/[?!.]+$/, '').trim()
  for (const [kind, phrases] of Object.entries(knowledge.language.followUps.meta)) {
    if (phrases.some((p) => keyed(p).replace(/[?!.]+$/, '') === bare)) return kind as MetaTurn
  }
  // "which source says 2,150?": which of the last answer's sources states a figure
  if (
    /^(?:which|what) (?:source|article|report|document|story|outlet)s? (?:says|said|gives|gave|reports|reported|states|stated)\b/.test(
      bare,
    )
  )
    return 'which'
  if (
    /^what else (?:does|do|did) (?:the |this )?(?:article|articles|text|story|report)s? (?:say|tell|mention)/.test(
      bare,
    )
  )
    return 'else'
  return undefined
}

/** an entity one of whose name words is the fragment: "tourism" -> the Tourism Bureau */
function entityByWord(knowledge: Knowledge, words: string[]): string | undefined {
  const orgWords = new Set(knowledge.language.orgWords)
  const hits = knowledge.entities.filter((e) => {
    const own = e.name
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => !orgWords.has(w))
    return words.length > 0 && words.every((w) => own.includes(w))
  })
  return hits.length === 1 ? hits[0]!.id : undefined
}

/** a short question that leans on the last answer: an opener, a bare name or year, a word pointing back */
function isElliptical(key: string, u: Understanding, knowledge: Knowledge): boolean {
  const opener = knowledge.language.followUps.openers.some(
    (o) => key === keyed(o) || key.startsWith(`${keyed(o)} `),
  )
  const refersBack = /\b(?:that|this|those|these|which one|the one|them|they|the same)\b/.test(key)
  const short = key.split(' ').length <= 6
  return (
    opener ||
    (!u.intent && short && (u.mentions.length > 0 || u.years.length > 0)) ||
    (refersBack && key.split(' ').length <= 9)
  )
}

interface Slots {
  ownerIds: string[]
  thingTerms: string[]
  softTerms: string[]
}

/** the owners and things of an elliptical question: its own, or the last answer's where it names none */
function carriedSlots(
  key: string,
  knowledge: Knowledge,
  focus: Focus,
  fresh: Query,
  handler: string | undefined,
): Slots {
  let ownerIds = fresh.ownerIds
  let thingTerms = fresh.thingTerms
  let softTerms: string[] = []
  const oneOf = /\b(?:which one|which of them|who of them|which of the two)\b/.test(key)
  if ((handler === 'compare' || handler === 'superlative') && oneOf && ownerIds.length === 0)
    ownerIds = (focus.recentIds ?? focus.entityIds).slice(0, 2)
  else if (handler === 'superlative') ownerIds = []
  else if ((handler === 'compare' || handler === 'computed') && ownerIds.length < 2)
    ownerIds = [...new Set([...focus.entityIds.slice(0, 1), ...ownerIds])]
  else if (ownerIds.length === 0 && fresh.years.length === 0 && thingTerms.length > 0) {
    // "what about tourism?": a word of an owner's name swaps the owner, else the words swap the thing
    const words = key
      .split(' ')
      .filter((w) => terms(w).length > 0 && !knowledge.language.followUps.openers.includes(w))
    const owner = entityByWord(knowledge, words)
    if (owner) {
      ownerIds = [owner]
      thingTerms = []
    } else {
      ownerIds = focus.entityIds
      softTerms = focus.thingTerms
    }
  } else if (ownerIds.length === 0) ownerIds = focus.entityIds
  if (thingTerms.length === 0) thingTerms = focus.thingTerms
  return { ownerIds, thingTerms, softTerms }
}

/** the words of the last answer's first quote, when it answered */
function lastQuoted(session: SessionState | undefined): string[] {
  const last = session?.lastAnswer
  const quote = last && !last.abstained ? last.citations[0]?.quote : undefined
  return quote ? terms(quote) : []
}

export function resolveTurn(
  question: string,
  knowledge: Knowledge,
  session?: SessionState,
): ResolvedTurn {
  const focus = session?.focus
  const cleaned = cleanQuestion(question)
  const key = nameKey(cleaned)
  const meta = session?.lastAnswer ? metaOf(key, knowledge) : undefined
  if (meta) {
    const u = understand(cleaned, knowledge)
    return {
      query: toQuery(u, knowledge),
      understanding: u,
      followUp: true,
      meta,
      topic: u.mentions.flatMap((m) => m.entityIds),
    }
  }
  // "how much did it grow?" after a figure: "it" is the figure's thing, not an organisation
  const asked = focus ? understand(cleaned, knowledge) : undefined
  const aboutFigure =
    asked?.intent?.handler === 'computed' &&
    asked.thingTerms.length === 0 &&
    focus!.thingTerms.length > 0
  const pronouns =
    focus && !aboutFigure
      ? replacePronouns(cleaned, knowledge, focus)
      : { text: cleaned, replaced: false }
  // the question is read once more only when a pronoun was replaced
  const u = asked && !pronouns.replaced ? asked : understand(pronouns.text, knowledge)
  const fresh = toQuery(u, knowledge)
  if (!focus) return { query: fresh, understanding: u, followUp: false }
  if (!aboutFigure && !isElliptical(key, u, knowledge))
    return { query: fresh, understanding: u, followUp: pronouns.replaced }
  // "and what share of men?": the last question with its counterpart swapped, read afresh
  const swapped = session?.lastQuestion && swapInto(knowledge, session.lastQuestion, cleaned)
  if (swapped) {
    const read = understand(swapped, knowledge)
    return { query: toQuery(read, knowledge), understanding: read, followUp: true }
  }

  const intent = u.intent ?? knowledge.language.intents.find((i) => i.name === focus.intent)
  const handler = intent?.handler
  const { ownerIds, thingTerms, softTerms } = carriedSlots(key, knowledge, focus, fresh, handler)
  const query: Query = {
    ...fresh,
    intent,
    ownerIds,
    thingTerms: canon(knowledge, thingTerms),
    softTerms,
    years: fresh.years.length ? fresh.years : handler === 'superlative' ? [] : focus.years,
    // "so what is the percentage drop?": a follow-up naming no one of its own is about the last answer's articles
    docIds:
      fresh.docIds ??
      (fresh.ownerIds.length === 0 && fresh.names.length === 0
        ? focus.docIds?.length
          ? focus.docIds
          : undefined
        : undefined),
    // the last question's things help find the answer only when this one names none of its own
    // and the words of the sentence the last answer quoted, where the next figure is most often said
    terms: fresh.thingTerms.length
      ? fresh.terms
      : [
          ...fresh.terms,
          ...focus.thingTerms,
          ...(fresh.ownerIds.length || fresh.names.length ? [] : lastQuoted(session)),
        ],
  }
  return { query, understanding: u, followUp: true }
}
