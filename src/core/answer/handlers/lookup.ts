/** How many / how much / what share / when: the one figure that matches the question's thing, owner and year. */

import { relationWords } from '../../facts/relations'
import type { Knowledge } from '../../knowledge/types'
import type { Fact } from '../../types'
import { entityName, figure, joinList, sayFact } from '../format'
import {
  findFacts,
  type Match,
  measureFits,
  namesFit,
  ownerFits,
  unitOf,
  yearFits,
  yearsOf,
} from '../match'
import type { Query } from '../query'
import { comparedMatches, relationMatches } from './relation'
import { grounded, type HandlerResult, pass, refuse } from './result'

export interface FigureSearch {
  matches: Match[]
  /** why nothing was left, when nothing was */
  refusal?: HandlerResult
}

/** the facts that fit every slot; or the refusal that says which slot the corpus lacks */
export function matchFigures(knowledge: Knowledge, query: Query, measure?: string): FigureSearch {
  if (query.unknownNames.length > 0)
    return { matches: [], refusal: refuse(query, `unknown name: ${query.unknownNames.join(', ')}`) }
  const candidates = findFacts(
    knowledge,
    query,
    (f) => (f.kind === 'quantity' || f.kind === 'change') && measureFits(f, measure),
  )
    .filter(
      (m) =>
        m.thingHits > 0 ||
        query.thingTerms.length === 0 ||
        // "Ampero's shipments": the owner's own figure whose sentence says every word asked ("shipped")
        (m.ownerMatched && m.nearHits > 0 && m.misses === 0) ||
        // "the share of wind and solar": an ownerless figure said of all the thing-words named
        (m.nearHits > 0 &&
          !m.fact.ownerId &&
          query.ownerIds.length >= 2 &&
          query.ownerIds.every((id) => m.fact.context.includes(id))) ||
        // "how much does Ostra Energy plan to invest": the owner's one figure of the kind asked for
        (m.ownerMatched &&
          m.misses === 0 &&
          (measure === 'money' || measure === 'percent' || measure === 'amount')),
    )
    .filter((m) => !query.docIds || query.docIds.includes(m.fact.docId))
  const fitting = comparedMatches(query, relationMatches(knowledge, query, candidates))
  // "how many customers did it lose?": what it has is no answer; said so when the owner's own figure of
  // the thing asked is the one left out, else the sentences may still say it
  if (candidates.length > 0 && fitting.length === 0) {
    const close = candidates.some(
      (m) => m.ownerMatched && (m.thingHits > 0 || query.thingTerms.length === 0),
    )
    const reason = 'no figure for the relation asked'
    return { matches: [], refusal: close ? refuse(query, reason) : pass(reason) }
  }
  return ownedFigures(knowledge, query, fitting, measure)
}

/** of the figures that fit the thing asked, the owner's and year's; or the refusal that says which is missing */
function ownedFigures(
  knowledge: Knowledge,
  query: Query,
  all: Match[],
  measure: string | undefined,
): FigureSearch {
  if (all.length === 0) {
    // nothing for the owner named: if other owners have the figure, the corpus lacks this owner's
    const others = query.ownerIds.length
      ? findFacts(
          knowledge,
          { ...query, ownerIds: [] },
          (f) => (f.kind === 'quantity' || f.kind === 'change') && measureFits(f, measure),
        ).filter((m) => m.thingHits > 0)
      : []
    const othersFit = relationMatches(knowledge, query, others)
    // a person owns no figures: what they say is for the passages to answer
    const people = query.ownerIds.every((id) => knowledge.entityById.get(id)?.type === 'person')
    if (othersFit.length === 0 || people) return { matches: [] }
    const owners = [
      ...new Set(othersFit.map((m) => entityName(knowledge, m.fact.ownerId)).filter(Boolean)),
    ].slice(0, 6)
    const hint = owners.length ? `They give this figure for ${joinList(owners)}.` : undefined
    return { matches: [], refusal: pass('no figure for that owner', hint) }
  }
  const owned = all.filter(
    (m) =>
      ownerFits(m.fact, query.ownerIds, knowledge) &&
      namesFit(knowledge, m.fact, query.names ?? [], query.ownerIds),
  )
  if (owned.length === 0) {
    const owners = [
      ...new Set(all.map((m) => entityName(knowledge, m.fact.ownerId)).filter(Boolean)),
    ].slice(0, 6)
    const hint = owners.length ? `They give this figure for ${joinList(owners)}.` : undefined
    return { matches: [], refusal: pass('no figure for that owner', hint) }
  }
  // "the Pearl River Delta on its own", "wind alone": a group's figure is not the member's
  if (/\b(?:alone|on (?:its|their) own|by itself|by themselves|solely)\b/i.test(query.text)) {
    const own = owned.filter((m) => m.ownerMatched)
    if (own.length === 0) return { matches: [], refusal: refuse(query, 'only a shared figure') }
    owned.splice(0, owned.length, ...own)
  }
  if (query.years.length === 0) return { matches: owned }
  const dated = owned.filter((m) => yearFits(m.fact, query.years))
  if (dated.length === 0) {
    const years = [...new Set(owned.flatMap((m) => yearsOf(m.fact)))].sort()
    const hint = years.length ? `They give figures for ${joinList(years.map(String))}.` : undefined
    return { matches: [], refusal: refuse(query, `no figure for ${query.years.join(', ')}`, hint) }
  }
  return { matches: dated }
}

/** the best matches that are equally good: several owners or several sources */
function topTier(matches: Match[]): Match[] {
  const best = matches[0]!
  return matches.filter((m) => m.score >= best.score - 0.01 && m.misses === best.misses)
}

/** the figure that answers: a change's "to", unless the question asks for its "from" year (or, `earlier`, before) */
function figureValue(fact: Fact, year?: number, earlier = false): number {
  if (fact.kind === 'quantity') return fact.quantity.value
  if (fact.kind === 'change')
    return earlier || (year !== undefined && year === fact.from.year)
      ? fact.from.value
      : fact.to.value
  return Number.NaN
}

/** several sources on the same thing and owner that give different figures: each with its source */
function sourcesDiffer(
  knowledge: Knowledge,
  query: Query,
  tier: Match[],
  year: number | undefined,
): HandlerResult | undefined {
  const values = new Set(tier.map((m) => figureValue(m.fact, year)))
  if (values.size <= 1) return undefined
  const parts = tier.map(
    (m) =>
      `${sayFact(knowledge, m.fact, year).replace(/\.$/, '')} (${knowledge.documents.get(m.fact.docId)!.title})`,
  )
  return grounded(knowledge, {
    text: `The sources differ: ${parts.join('; ')}.`,
    kind: 'fact',
    facts: tier.map((m) => m.fact),
    confidence: 0.8,
    query,
  })
}

/** the one figure that answers, said with its value and unit (or its years, when a year is asked) */
function sayFigure(
  knowledge: Knowledge,
  query: Query,
  best: Match,
  year: number | undefined,
): HandlerResult {
  const fact = best.fact
  if (query.intent?.measure === 'year') {
    const years = yearsOf(fact)
    return grounded(knowledge, {
      text:
        fact.kind === 'quantity' && fact.quantity.unit === 'year'
          ? sayFact(knowledge, fact)
          : `${years.join(' to ')}: ${sayFact(knowledge, fact)}`,
      kind: 'fact',
      facts: [fact],
      value: years.at(-1),
      confidence: 0.85,
      query,
    })
  }
  const unit = unitOf(fact)
  // "how many beds did it have before?": the figure the change came from, said for its year
  const earlier =
    fact.kind === 'change' &&
    year === undefined &&
    relationWords(knowledge.language).earlier.test(query.text)
  return grounded(knowledge, {
    text: sayFact(knowledge, fact, earlier && fact.kind === 'change' ? fact.from.year : year),
    kind: 'fact',
    facts: [fact],
    value: figureValue(fact, year, earlier),
    unit:
      unit === 'count'
        ? fact.head
        : unit === 'money' && fact.kind === 'quantity'
          ? fact.quantity.currency
          : unit,
    confidence: Math.min(0.97, 0.8 + 0.05 * best.thingHits + (best.ownerMatched ? 0.07 : 0)),
    query,
  })
}

/** "when was it first held": of its dated events, the one the text calls first (or next, or last) */
function sortByOrdinal(query: Query, matches: Match[]): void {
  const ordinal = /\b(first|next|last|latest|original|initial)\b/i
    .exec(query.text)?.[1]
    ?.toLowerCase()
  if (query.intent?.measure === 'year' && ordinal)
    matches.sort(
      (a, b) =>
        Number(b.fact.thing.toLowerCase().includes(ordinal)) -
          Number(a.fact.thing.toLowerCase().includes(ordinal)) || b.score - a.score,
    )
}

export function lookup(knowledge: Knowledge, query: Query): HandlerResult {
  const measure = query.intent?.measure
  const { matches, refusal } = matchFigures(knowledge, query, measure)
  sortByOrdinal(query, matches)
  if (refusal) return refusal
  if (matches.length === 0)
    return measure === 'any' || !measure
      ? pass('no figure matched')
      : refuse(query, 'no figure of that kind')
  const best = matches[0]!
  // more words of the question unmatched than twice those matched: it asks about something else
  if (best.misses > 2 * best.thingHits && !best.ownerMatched)
    return measure === 'any' ? pass('weak figure match') : refuse(query, 'figure match too weak')
  const year = query.years[0]
  const tier = topTier(matches)
  const owners = new Set(tier.map((m) => m.fact.ownerId ?? ''))
  const docs = new Set(tier.map((m) => m.fact.docId))
  if (docs.size > 1 && owners.size === 1) {
    const differ = sourcesDiffer(knowledge, query, tier, year)
    if (differ) return differ
  }
  // several owners and the question named none ("how many pilots?"): show what there is and ask
  const open =
    query.ownerIds.length === 0 && query.years.length === 0
      ? matches.filter((m) => m.misses === 0 && m.thingHits === best.thingHits && m.fact.ownerId)
      : []
  if (new Set(open.map((m) => m.fact.ownerId)).size > 1) return clarify(knowledge, query, open)
  if (query.ownerIds.length === 0 && owners.size > 1 && tier.length > 1)
    return clarify(knowledge, query, tier)
  return sayFigure(knowledge, query, best, year)
}

/** an under-specified question gets the table of what the corpus has */
export function clarify(knowledge: Knowledge, query: Query, tier: Match[]): HandlerResult {
  const facts = tier.slice(0, 8).map((m) => m.fact)
  const lines = facts.map((f) => {
    const owner = entityName(knowledge, f.ownerId, f.owner)
    const q = f.kind === 'quantity' ? figure(f.quantity) : f.kind === 'change' ? figure(f.to) : ''
    return `${q} ${f.thing.replace(/^["“”]|["“”]$/g, '')}${owner ? ` (${owner})` : ''}`
  })
  return grounded(knowledge, {
    text: `The articles give several figures: ${lines.join('; ')}. Which one do you mean?`,
    kind: 'list',
    facts,
    value: lines,
    confidence: 0.7,
    query,
  })
}
