/** Which ... the most / the fewest: the extreme of a family of figures that share the thing asked about. */
import type { Knowledge } from '../../knowledge/types'
import { terms } from '../../nlu/nlp'
import { rankSentences } from '../../retrieve/sentences'
import type { Fact } from '../../types'
import { cite } from '../cite'
import { capitalise, entityName, figure } from '../format'
import { findFacts, measureFits, yearFits } from '../match'
import { answerFromPassages, expandTerms } from '../passage'
import type { Query } from '../query'
import { relationMatches } from './relation'
import { grounded, type HandlerResult, pass, refuse } from './result'

export function valueAt(fact: Fact, year?: number): number {
  if (fact.kind === 'quantity') return fact.quantity.value
  if (fact.kind === 'change')
    return year !== undefined && year === fact.from.year ? fact.from.value : fact.to.value
  return Number.NaN
}

export function shown(fact: Fact, year?: number): string {
  if (fact.kind === 'quantity')
    return `${figure(fact.quantity)} ${fact.thing.replace(/^["“”]|["“”]$/g, '')}`
  if (fact.kind === 'change')
    return `${figure(year !== undefined && year === fact.from.year ? fact.from : fact.to)} ${fact.thing}`
  return ''
}

export function superlative(knowledge: Knowledge, query: Query): HandlerResult {
  if (query.unknownNames.length > 0)
    return refuse(query, `unknown name: ${query.unknownNames.join(', ')}`)
  // "Harbourline Terminals ... is the largest operator at the port": a superlative the text states is quoted, not computed
  const stated = statedSuperlative(knowledge, query)
  if (stated) return stated
  if (query.thingTerms.length === 0) return pass('no family to rank')
  const year = query.years[0]
  // the family: owned figures whose own thing shares the question's words, without counting the owners named,
  // stated with the relation asked ("which bank lost the most customers" ranks no bank by what it has)
  const candidates = relationMatches(
    knowledge,
    query,
    findFacts(
      knowledge,
      { ...query, ownerIds: [] },
      (f) => (f.kind === 'quantity' || f.kind === 'change') && measureFits(f, 'any'),
    ),
  ).filter((m) => m.fact.ownerId !== undefined && (year === undefined || yearFits(m.fact, [year])))
  // its own thing matches, or every word asked for stands in its sentence or heading
  let family = candidates.filter((m) => m.thingHits > 0 || m.misses === 0)
  // else the list lines under a heading that says it: "the largest order" among "Orders announced at the fair"
  if (family.length < 2)
    family = candidates.filter(
      (m) => m.nearHits > m.misses && knowledge.passageById.get(m.fact.passageId)?.kind === 'line',
    )
  family = family
    // "among the Ministry of Transportation, the Tourism Bureau and ...": only the owners named, when several are
    .filter((m) => query.ownerIds.length < 2 || query.ownerIds.includes(m.fact.ownerId!))
  // one unit per family: pilots are not compared with money
  const unit =
    family[0] &&
    (family[0].fact.kind === 'quantity'
      ? family[0].fact.quantity.unit
      : family[0].fact.kind === 'change'
        ? family[0].fact.to.unit
        : undefined)
  // one figure an owner: its list line and its change to the same figure are not two owners tying
  const seen = new Set<string>()
  const members = family.filter((m) => {
    const own =
      m.fact.kind === 'quantity'
        ? m.fact.quantity.unit
        : m.fact.kind === 'change'
          ? m.fact.to.unit
          : ''
    if (own !== unit || seen.has(m.fact.ownerId!)) return false
    seen.add(m.fact.ownerId!)
    return true
  })
  if (members.length < 2) return pass('no family of figures')
  const max = query.intent?.order !== 'min'
  const sorted = [...members].sort((a, b) =>
    max
      ? valueAt(b.fact, year) - valueAt(a.fact, year)
      : valueAt(a.fact, year) - valueAt(b.fact, year),
  )
  const [first, second] = [sorted[0]!.fact, sorted[1]!.fact]
  if (valueAt(first, year) === valueAt(second, year)) {
    return grounded(knowledge, {
      text: `${capitalise(entityName(knowledge, first.ownerId, first.owner))} and ${entityName(knowledge, second.ownerId, second.owner)} tie with ${shown(first, year)}.`,
      kind: 'fact',
      facts: [first, second],
      confidence: 0.8,
      query,
    })
  }
  const winner = entityName(knowledge, first.ownerId, first.owner)
  return grounded(knowledge, {
    text: `${capitalise(winner)}, with ${shown(first, year)} (${max ? 'next' : 'then'}: ${entityName(knowledge, second.ownerId, second.owner)}, ${shown(second, year)}).`,
    kind: 'fact',
    facts: [first, second],
    value: entityName(knowledge, first.ownerId, first.owner).replace(/^the /, ''),
    confidence: 0.9,
    query,
  })
}

const superlatives =
  /\b(largest|biggest|busiest|highest|most|smallest|fewest|lowest|main|leading|top|greatest|oldest|newest|first|last)\b/i

function statedSuperlative(knowledge: Knowledge, query: Query): HandlerResult | undefined {
  const word = superlatives.exec(query.text)?.[1]?.toLowerCase()
  if (!word || query.thingTerms.length === 0) return undefined
  const ranked = rankSentences(knowledge, expandTerms(knowledge, query.terms)).slice(0, 8)
  for (const r of ranked) {
    if (r.coverage < 0.5) continue
    const text = knowledge.documents.get(r.passage.docId)!.text.slice(r.span.start, r.span.end)
    // the superlative word right before one of the thing words: "largest rail operator", "three largest wind farms"
    const near = new RegExp(`\\b${word}\\s+(?:[\\w-]+\\s+){0,2}?([\\w-]+)`, 'gi')
    for (const m of text.matchAll(near)) {
      const words = terms(m[0])
      if (!query.thingTerms.some((t) => words.includes(t))) continue
      const answer = answerFromPassages(knowledge, {
        terms: query.terms,
        unknownNames: [],
        years: query.years,
        entityIds: query.ownerIds,
        names: query.names,
      })
      if (answer.abstained || !answer.citations.some((c) => c.start === r.span.start)) {
        return {
          type: 'answer',
          facts: [],
          answer: {
            answer: text,
            abstained: false,
            kind: 'passage',
            intent: query.intent?.name,
            confidence: 0.75,
            citations: [cite(knowledge, r.passage.docId, r.passage.id, r.span)],
          },
        }
      }
      return { type: 'answer', facts: [], answer: { ...answer, intent: query.intent?.name } }
    }
  }
  return undefined
}
