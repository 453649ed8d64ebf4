/** Which / what are the ...: an enumeration or a heading's list lines that match the question's words. */

import { parseCount } from '../../facts/numbers'
import type { Knowledge } from '../../knowledge/types'
import { terms } from '../../nlu/nlp'
import type { Fact, ListFact } from '../../types'
import { cite } from '../cite'
import { capitalise, entityName, joinList, sayList } from '../format'
import { factsWithTerm, findFacts, yearFits } from '../match'
import { canon, type Query } from '../query'
import { relationMatches } from './relation'
import { grounded, type HandlerResult, pass, refuse } from './result'
import { shown } from './superlative'

export function list(knowledge: Knowledge, query: Query): HandlerResult {
  if (query.unknownNames.length > 0)
    return refuse(query, `unknown name: ${query.unknownNames.join(', ')}`)
  // "which three regions": a list of that many items fits best
  const count = /\b(two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(query.text)?.[1]
  const wanted = count ? parseCount(count) : undefined
  // candidates from the index: lists whose label, heading or items share a word with the question
  const candidates = new Set(
    [
      ...query.thingTerms,
      ...query.softTerms,
      ...(query.askedNoun ? [query.askedNoun] : []),
    ].flatMap((t) => factsWithTerm(knowledge, t)),
  )
  const ranked = [...candidates]
    .filter((f): f is ListFact => f.kind === 'list')
    .map((fact) => {
      const own = new Set(canon(knowledge, fact.thingTerms))
      const near = new Set(canon(knowledge, fact.terms))
      let score = 0
      let hits = 0
      let misses = 0
      for (const t of query.thingTerms) {
        if (own.has(t)) {
          hits++
          score += 2
        } else if (near.has(t)) score += 0.5
        else misses++
      }
      for (const t of query.softTerms) if (own.has(t) || near.has(t)) score += 0.5
      if (wanted && fact.items.length === wanted) score += 1.5
      score += query.ownerIds.filter(
        (id) => fact.context.includes(id) || fact.itemIds.includes(id),
      ).length
      return { fact, score, hits, misses }
    })
    // "which orders ...": a list of something else does not answer it, whatever else matches
    .filter(
      (r) =>
        !query.askedNoun ||
        // in its label, its items or the sentence that gives it ("its hospitals in A, B and C")
        canon(knowledge, [
          ...terms(`${r.fact.thing} ${r.fact.items.join(' ')}`),
          ...r.fact.terms,
        ]).includes(query.askedNoun),
    )
    // words of the question found nowhere near the list say it is about something else
    .filter((r) => r.hits > 0 && r.hits >= 2 * r.misses)
    .sort((a, b) => b.score - a.score)
  const best = ranked[0]
  if (!best || best.hits * 2 < query.thingTerms.length) return owners(knowledge, query)
  const { fact } = best
  const items = fact.items.map((item, i) => {
    const id = fact.itemIds[i]
    return id ? entityName(knowledge, id, item) : item
  })
  const text = sayList(knowledge, fact)
  const result = grounded(knowledge, {
    text,
    kind: 'list',
    facts: [fact],
    value: items,
    confidence: 0.88,
    query,
  })
  // a heading's list lines are cited line by line, not as one block
  if (result.type === 'answer' && fact.itemSpans)
    result.answer.citations = fact.itemSpans.map((span) =>
      cite(knowledge, fact.docId, fact.passageId, span),
    )
  return result
}

/** "which agencies run smart city pilots": the owners of a family of figures, each with its figure */
function owners(knowledge: Knowledge, query: Query): HandlerResult {
  // "which banks lost customers": the owners of figures stated with the relation asked
  const family = relationMatches(
    knowledge,
    query,
    findFacts(
      knowledge,
      { ...query, ownerIds: [] },
      (f) => f.kind === 'quantity' || f.kind === 'change',
    ),
  ).filter(
    // its own thing, or its sentence or heading ("Orders announced at the fair"), says more of what was asked than it misses
    (m) =>
      m.thingHits + m.nearHits > m.misses &&
      m.fact.ownerId !== undefined &&
      yearFits(m.fact, query.years),
  )
  const byOwner = new Map<string, Fact>()
  for (const m of family) if (!byOwner.has(m.fact.ownerId!)) byOwner.set(m.fact.ownerId!, m.fact)
  if (byOwner.size < 2) return pass('no list matched')
  const facts = [...byOwner.values()]
  const items = facts.map((f) => `${entityName(knowledge, f.ownerId, f.owner)} (${shown(f)})`)
  return grounded(knowledge, {
    text: `${capitalise(joinList(items))}.`,
    kind: 'list',
    facts,
    value: facts.map((f) => entityName(knowledge, f.ownerId, f.owner)),
    confidence: 0.8,
    query,
  })
}
