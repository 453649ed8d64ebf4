/** Says facts back in plain words: quantities (format-quantity), changes, lists and attributes. */
import type { Knowledge } from '../knowledge/pack'
import type { AttributeFact, ChangeFact, Fact, ListFact } from '../types'
import { capitalise, entityName, figure, joinList, owned } from './format-base'
import { be, possessive } from './format-grammar'
import { sayQuantity, stated } from './format-quantity'

export { capitalise, entityName, figure, joinList, plainValue } from './format-base'
export { sayQuantity }

/** "the number of cities" for a count of a plural thing, "the urban population" otherwise */
export function thingPhrase(fact: Fact): string {
  const thing = fact.thing.replace(/^["“”]|["“”]$/g, '')
  // "Northmark's electricity" needs no article
  if (/^[A-Z][\w-]*['’]s\b/.test(thing)) return thing
  if (
    (fact.kind === 'change' ? fact.to.unit : fact.kind === 'quantity' ? fact.quantity.unit : '') ===
      'count' &&
    /s$/.test(thing) &&
    !/\bnumbers?\b/i.test(thing)
  )
    return `the number of ${thing}`
  return /^[A-Z]{2,}/.test(thing) ? thing : `the ${thing.charAt(0).toLowerCase()}${thing.slice(1)}`
}

/** a before/after fact said for one of its years, or as the change */
export function sayChange(knowledge: Knowledge, fact: ChangeFact, year?: number): string {
  const owner = owned(knowledge, fact)
  const thing = thingPhrase(fact)
  const subject = capitalise(owner ? `${possessive(owner)} ${thing.replace(/^the /, '')}` : thing)
  const { from, to } = fact
  const verb = be(thing, 'past')
  const source = stated(knowledge, fact)
  // "6.2 days on a virtual ward ..., compared with 8.9 days in a hospital bed" is no change over time
  const compared =
    /\bcompared\s+(?:with|to)\b|\bagainst\b/i.test(source.text) && !from.year && !to.year
  if (year !== undefined && year === from.year)
    return `${subject} ${verb} ${figure(from)} in ${from.year}${to.year ? ` (${figure(to)} by ${to.year})` : ''}.`
  const direction = compared ? 'compared with' : to.value >= from.value ? 'up from' : 'down from'
  return `${subject} ${verb} ${figure(to)}${to.year ? ` in ${to.year}` : ''}, ${direction} ${figure(from)}${from.year ? ` in ${from.year}` : ''}.`
}

/** "The three countries are Germany, France and China."; a heading's lines under its own title */
export function sayList(knowledge: Knowledge, fact: ListFact): string {
  const items = fact.items.map((item, i) => {
    const id = fact.itemIds[i]
    return id ? entityName(knowledge, id, item) : item
  })
  const label = fact.thing.replace(/^(?:the\s+)?/i, '').trim()
  if (fact.itemSpans) return `The article gives, under “${label}”, ${items.join('; ')}.`
  // "Yangtze River Delta, ... have relatively high levels of ...": the label is what the items do
  if (/^(?:have|has|are|were|is|was)\b/.test(label))
    return `${capitalise(joinList(items))} ${label}.`
  const the = /^[A-Z][a-z]+[A-Z]|^[A-Z]{2,}|^[A-Z]\S*\s+[A-Z]/.test(label)
    ? label
    : `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`
  return `${capitalise(the)} ${be(label, 'present')} ${joinList(items)}.`
}

/** "Walter Fang is EVP ... at iSoftStone.": one attribute, with the ones beside it that complete it */
export function sayAttribute(
  knowledge: Knowledge,
  f: AttributeFact,
  all: AttributeFact[] = [],
): string {
  const subject = capitalise(entityName(knowledge, f.subjectId, f.subject))
  // "the Kestrel Bay Port Authority", as the text names it
  const object = (a: AttributeFact) => entityName(knowledge, a.objectId, a.object)
  switch (f.relation) {
    case 'located_in':
      return `${subject} is based in ${object(f)}.`
    case 'held_in':
      return `${subject} was held in ${object(f)}.`
    case 'spoke_at': {
      const place = all.find((a) => a.relation === 'held_in' && a.subjectId === f.objectId)
      return `${subject} spoke at ${object(f)}${place ? ` in ${object(place)}` : ''}.`
    }
    case 'role': {
      const employer = all.find((a) => a.relation === 'works_for' && a.subjectId === f.subjectId)
      return `${subject} is ${f.object}${employer ? ` at ${object(employer)}` : ''}.`
    }
    case 'works_for':
      return `${subject} works for ${object(f)}.`
    case 'author':
      return `${f.object} wrote "${f.subject}".`
  }
}

export function sayFact(knowledge: Knowledge, fact: Fact, year?: number): string {
  if (fact.kind === 'quantity') return sayQuantity(knowledge, fact)
  if (fact.kind === 'change') return sayChange(knowledge, fact, year)
  if (fact.kind === 'list') return sayList(knowledge, fact)
  return sayAttribute(knowledge, fact, attributesBeside(knowledge, fact))
}

/** the attributes stated in the same sentence: the employer beside a role, the place beside an event */
function attributesBeside(knowledge: Knowledge, fact: AttributeFact): AttributeFact[] {
  return knowledge.facts.filter(
    (f): f is AttributeFact =>
      f.kind === 'attribute' && f.docId === fact.docId && f.span.start === fact.span.start,
  )
}
