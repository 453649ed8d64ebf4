/** Finds the facts a query is about and scores how well each one's slots match. */
import type { Knowledge } from '../knowledge/types'
import { memo } from '../memo'
import { terms } from '../nlu/nlp'
import type { AttributeFact, Fact, QuantityUnit } from '../types'
import { canon, type Query } from './query'

export interface Match {
  fact: Fact
  /** higher is better; only comparable within one query */
  score: number
  /** the question named an owner and this fact belongs to it */
  ownerMatched: boolean
  /** question thing words this fact has in its own thing phrase */
  thingHits: number
  /** question thing words found nowhere near the fact */
  misses: number
  /** question thing words in the fact's sentence or heading, not its own thing */
  nearHits: number
}

/** facts indexed by the canonical words of their thing and heading, and by owner; built once per knowledge */
const byTerm = new WeakMap<Knowledge, Map<string, Fact[]>>()

function factIndex(knowledge: Knowledge): Map<string, Fact[]> {
  let index = byTerm.get(knowledge)
  if (index) return index
  index = new Map()
  const headingTerms = new Map<string, string[]>()
  for (const fact of knowledge.facts) {
    // a figure under "Orders announced at the fair" is found by "order" too
    const heading = knowledge.passageById.get(fact.passageId)?.heading ?? ''
    if (!headingTerms.has(heading)) headingTerms.set(heading, canon(knowledge, terms(heading)))
    // and by its owner, as "@id"
    // by its owner as "@id", and by the entities around an ownerless fact as "#id"
    const owner = fact.ownerId ? [`@${fact.ownerId}`] : fact.context.map((id) => `#${id}`)
    for (const term of new Set([
      ...canon(knowledge, fact.thingTerms),
      ...headingTerms.get(heading)!,
      ...owner,
    ])) {
      const list = index.get(term) ?? []
      list.push(fact)
      index.set(term, list)
    }
  }
  byTerm.set(knowledge, index)
  return index
}

export function unitOf(fact: Fact): QuantityUnit | undefined {
  if (fact.kind === 'quantity') return fact.quantity.unit
  if (fact.kind === 'change') return fact.to.unit
  return undefined
}

/** does the fact give the kind of figure the question asks for */
export function measureFits(fact: Fact, measure: string | undefined): boolean {
  const unit = unitOf(fact)
  if (!unit) return false
  if (!measure || measure === 'any') return true
  if (measure === 'year') return yearsOf(fact).length > 0
  if (measure === 'count') return unit === 'count' || unit === 'duration' || unit === 'measure'
  if (measure === 'amount') return unit === 'money' || unit === 'measure' || unit === 'count'
  return unit === measure
}

export function yearsOf(fact: Fact): number[] {
  if (fact.kind === 'quantity') return fact.quantity.year ? [fact.quantity.year] : []
  if (fact.kind === 'change')
    return [fact.from.year, fact.to.year].filter((y): y is number => y !== undefined)
  return []
}

/** an owner named in the question must be the fact's owner, or in its context when the fact names none */
/** proper names the question uses that are no entity must appear where the fact is stated */
export function namesFit(
  knowledge: Knowledge,
  fact: Fact,
  names: string[],
  ownerIds: string[] = [],
): boolean {
  if (names.length === 0) return true
  // the article's title names what a figure is about, unless an owner the question does not ask about owns it
  const othersOwn = fact.ownerId !== undefined && !ownerIds.includes(fact.ownerId)
  const title = othersOwn ? '' : (knowledge.documents.get(fact.docId)?.title.toLowerCase() ?? '')
  return names.every((n) => fact.terms.includes(n) || new RegExp(`\\b${n}\\b`).test(title))
}

/** the fact is stated for one of the years, or stands undated in a passage about one of them */
export function yearFits(fact: Fact, years: number[]): boolean {
  if (years.length === 0) return true
  const own = yearsOf(fact)
  if (own.length > 0) return own.some((y) => years.includes(y))
  return fact.periodYears?.some((y) => years.includes(y)) ?? false
}

export function ownerFits(fact: Fact, ownerIds: string[], knowledge?: Knowledge): boolean {
  if (ownerIds.length === 0) return true
  const isThingWord = (id: string) => knowledge?.entityById.get(id)?.type === 'other'
  const named = ownerIds.filter((id) => !isThingWord(id))
  // a named organisation, place or person decides: the fact's owner, or in its context when it has none and
  // its sentence gives that owner no figure of its own ("cost EUR 420 million, of which EUR 150 million comes
  // from X": X's figure is the 150 million)
  if (named.length > 0)
    return fact.ownerId
      ? named.includes(fact.ownerId)
      : named.some((id) => fact.context.includes(id)) &&
          !(knowledge && named.some((id) => ownersBySentence(knowledge, fact).has(id)))
  // else a thing-word entity ("electric buses", "coal") owns the fact or is said in its own thing
  return ownerIds.some(
    (id) =>
      fact.ownerId === id ||
      (knowledge !== undefined && thingOwner(knowledge, fact, id)) ||
      (!fact.ownerId && fact.context.includes(id)),
  )
}

const sentenceOwners = new WeakMap<Knowledge, Map<string, Set<string>>>()

/** the owners that facts read from the same sentence as this one belong to */
function ownersBySentence(knowledge: Knowledge, fact: Fact): Set<string> {
  const bySpan = memo(sentenceOwners, knowledge, () => {
    const out = new Map<string, Set<string>>()
    for (const f of knowledge.facts) {
      if (!f.ownerId) continue
      const key = `${f.docId}:${f.span.start}`
      out.set(key, (out.get(key) ?? new Set()).add(f.ownerId))
    }
    return out
  })
  return bySpan.get(`${fact.docId}:${fact.span.start}`) ?? new Set()
}

function thingOwner(knowledge: Knowledge, fact: Fact, id: string): boolean {
  const entity = knowledge.entityById.get(id)
  if (entity?.type !== 'other') return false
  const own = new Set(canon(knowledge, fact.thingTerms))
  return canon(knowledge, terms(entity.name)).every((w) => own.has(w))
}

// a fact's canonical words, computed once per fact
const factTerms = new WeakMap<Fact, { own: Set<string>; near: Set<string> }>()
function termSets(knowledge: Knowledge, fact: Fact) {
  return memo(factTerms, fact, () => ({
    own: new Set(canon(knowledge, fact.thingTerms)),
    near: new Set(canon(knowledge, fact.terms)),
  }))
}

export function scoreFact(knowledge: Knowledge, fact: Fact, query: Query): Match {
  const { own, near } = termSets(knowledge, fact)
  let score = 0
  let thingHits = 0
  let misses = 0
  let nearHits = 0
  for (const term of query.thingTerms) {
    if (own.has(term)) {
      thingHits++
      score += term === fact.head ? 3 : 2
    } else if (near.has(term)) {
      nearHits++
      score += 1
    } else {
      misses++
      score -= 1.5
    }
  }
  // a proper name that is part of the fact's own thing ("Broadband China") is a thing word too
  for (const name of query.names ?? [])
    if (own.has(name)) {
      thingHits++
      score += 2
    }
  for (const term of query.softTerms) if (own.has(term) || near.has(term)) score += 0.5
  for (const term of query.verbTerms ?? []) if (own.has(term) || near.has(term)) score += 1
  // a fact whose own thing has words the question did not ask for is a less exact fit
  score -= 0.3 * [...own].filter((t) => !query.thingTerms.includes(t)).length
  const ownerMatched =
    query.ownerIds.length > 0 && fact.ownerId !== undefined && query.ownerIds.includes(fact.ownerId)
  if (ownerMatched) score += 3
  else if (
    !fact.ownerId &&
    query.ownerIds.length >= 2 &&
    query.ownerIds.every((id) => fact.context.includes(id))
  )
    // "wind and solar": an ownerless figure said of all of them together
    score += 4
  else
    for (const id of query.ownerIds) {
      // "wind capacity": a named word that is part of the fact's own thing counts as a thing word
      const words = knowledge.entityById.get(id)?.aliases[0]?.split(' ') ?? []
      if (words.length > 0 && words.every((w) => own.has(w))) score += 2
    }
  return { fact, score, ownerMatched, thingHits, misses, nearHits }
}

/** facts sharing a thing word with the query (or owned by a named owner), best first */
export function findFacts(
  knowledge: Knowledge,
  query: Query,
  accept: (fact: Fact) => boolean,
): Match[] {
  const index = factIndex(knowledge)
  const seen = new Set<Fact>()
  const named = query.ownerIds.filter((id) => knowledge.entityById.get(id)?.type !== 'other')
  if (named.length > 0) {
    // a named owner narrows the search to its own facts and the ownerless facts around it
    for (const id of named)
      for (const key of [`@${id}`, `#${id}`])
        for (const fact of index.get(key) ?? []) seen.add(fact)
  } else {
    for (const term of query.thingTerms) for (const fact of index.get(term) ?? []) seen.add(fact)
    // thing-word owners ("wind and solar") also reach the ownerless figures said of them
    for (const id of query.ownerIds)
      for (const key of [`@${id}`, `#${id}`])
        for (const fact of index.get(key) ?? []) seen.add(fact)
  }
  return [...seen]
    .filter(accept)
    .map((fact) => scoreFact(knowledge, fact, query))
    .sort((a, b) => b.score - a.score)
}

/** facts whose thing, heading or owner ("@id") has the term, from the index */
export function factsWithTerm(knowledge: Knowledge, term: string): Fact[] {
  return factIndex(knowledge).get(term) ?? []
}

const byEntity = new WeakMap<Knowledge, Map<string, AttributeFact[]>>()

/** attribute facts whose subject or object is the entity, and the articles' author facts under "@author" */
export function attributesOf(knowledge: Knowledge, id: string): AttributeFact[] {
  let index = byEntity.get(knowledge)
  if (!index) {
    index = new Map()
    const add = (key: string, f: AttributeFact) => index!.set(key, [...(index!.get(key) ?? []), f])
    for (const f of knowledge.facts) {
      if (f.kind !== 'attribute') continue
      add(f.subjectId, f)
      if (f.objectId && f.objectId !== f.subjectId) add(f.objectId, f)
      if (f.relation === 'author') add('@author', f)
    }
    byEntity.set(knowledge, index)
  }
  return index.get(id) ?? []
}

const byDoc = new WeakMap<Knowledge, Map<string, Fact[]>>()

/** the facts of one article */
export function factsOfDoc(knowledge: Knowledge, docId: string): Fact[] {
  const index = memo(byDoc, knowledge, () => {
    const map = new Map<string, Fact[]>()
    for (const f of knowledge.facts) map.set(f.docId, [...(map.get(f.docId) ?? []), f])
    return map
  })
  return index.get(docId) ?? []
}
