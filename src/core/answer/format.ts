/** Says facts back in plain words: names with their article, figures with their qualifiers, short sentences. */

import { formatValue } from '../facts/numbers'
import type { Knowledge } from '../knowledge/pack'
import type { ChangeFact, Fact, Quantity, QuantityFact } from '../types'

/** "the Ministry of Housing ...", "MIIT", "Wuxi City", "the Yangtze River Delta" */
export function entityName(knowledge: Knowledge, id: string | undefined, fallback = ''): string {
  const entity = id ? knowledge.entityById.get(id) : undefined
  const name = entity?.name ?? fallback
  if (!entity) return name
  const multi = name.includes(' ')
  const takesThe =
    (entity.type === 'org' &&
      multi &&
      !/\b(?:Co|Corp|Inc|Ltd|Group)\b\.?$/.test(name) &&
      !/^[a-z]+[A-Z]/.test(name)) ||
    (entity.type === 'place' &&
      /\b(?:Delta|River|Region|Zone|Sea|Bay|Islands|States|Republic)\b/.test(name))
  // the corpus's own usage decides; the shape of the name only when the corpus never names it
  const article = entity.article ?? takesThe
  return article && !/^the /i.test(name) ? `the ${name}` : name
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** the figure as the text gives it, with its qualifier: "over 500", "500+", "RMB 100 million" */
export function figure(q: Quantity): string {
  const display = q.display.replace(/\s+/g, ' ')
  if (q.qualifier && !display.endsWith('+')) return `${q.qualifier} ${display}`
  return display
}

export function plainValue(value: number, q: Quantity): string {
  return formatValue(value, q.unit, q.currency, q.measure)
}

/** "the number of cities" for a count of a plural thing, "the urban population" otherwise */
export function thingPhrase(fact: Fact): string {
  const thing = fact.thing.replace(/^["“”]|["“”]$/g, '')
  // "Northmark's electricity" needs no article
  if (/^[A-Z][\w-]*['’]s\b/.test(thing)) return thing
  if (
    (fact.kind === 'change' ? fact.to.unit : fact.kind === 'quantity' ? fact.quantity.unit : '') ===
      'count' &&
    /s$/.test(thing)
  )
    return `the number of ${thing}`
  return /^[A-Z]{2,}/.test(thing) ? thing : `the ${thing.charAt(0).toLowerCase()}${thing.slice(1)}`
}

function owned(knowledge: Knowledge, fact: Fact): string {
  return fact.ownerId ? entityName(knowledge, fact.ownerId, fact.owner) : ''
}

export function sayQuantity(knowledge: Knowledge, fact: QuantityFact): string {
  const q = fact.quantity
  const owner = owned(knowledge, fact)
  const when = q.year ? ` in ${q.year}` : ''
  const rate = fact.rate ? ` ${fact.rate}` : ''
  const thing = fact.thing.replace(/^["“”]|["“”]$/g, '')
  // "14.2 million TEU" already says what it counts
  const counted =
    q.unit === 'measure' && q.measure && thing.toLowerCase() === q.measure.toLowerCase()
      ? ''
      : ` ${thing}`
  // a dated event reads as its own clause: "The company's first container berth opened in 1968."
  if (q.unit === 'year') {
    // "which was founded" after "The company": say the company, then what happened
    const clause = thing
      .replace(/^[,;:\s]+|[,;:\s]+$/g, '')
      .replace(/^(?:(?:and|but|which|who|that|it|its|the company|the firm)\s+)+/i, '')
    const verbFirst = /^(?:was|were|is|are|has|have|had|will|would|can|could|[a-z]+ed)\b/.test(
      clause,
    )
    return verbFirst && owner
      ? `${capitalise(owner)} ${clause} ${q.display}.`
      : `${capitalise(clause)} ${q.display}.`
  }
  if (q.unit === 'percent') {
    const of = /^[A-Z]{2,}/.test(thing) || /['’]s\b/.test(thing) ? thing : `the ${thing}`
    return owner
      ? `${capitalise(owner)}: ${figure(q)} of ${of}${when}.`
      : `${figure(q)} of ${of}${when}.`
  }
  if (q.unit === 'money') {
    if (owner && fact.verb) return `${capitalise(owner)} ${fact.verb} ${figure(q)}${rate}${when}.`
    return owner
      ? `${capitalise(owner)}: ${figure(q)}${rate}${when}.`
      : `${figure(q)}${rate}${when} (${thing}).`
  }
  if (q.unit === 'duration')
    return owner ? `${capitalise(owner)} has a ${figure(q)} ${thing}.` : `A ${figure(q)} ${thing}.`
  if (owner) return `${capitalise(owner)} ${fact.verb ?? 'has'} ${figure(q)}${counted}${when}.`
  // "Total generation in the region reached 96 TWh": the thing was the subject
  if (q.unit === 'measure' || fact.verb) return `${capitalise(thing)}: ${figure(q)}${when}.`
  return `There ${q.year && q.year < 2100 ? 'were' : 'are'} ${figure(q)} ${thing}${when}.`
}

/** a before/after fact said for one of its years, or as the change */
export function sayChange(knowledge: Knowledge, fact: ChangeFact, year?: number): string {
  const owner = owned(knowledge, fact)
  const subject = capitalise(
    `${owner ? `${owner}'s ` : ''}${thingPhrase(fact).replace(/^the /, owner ? '' : 'the ')}`,
  )
  const { from, to } = fact
  if (year !== undefined && year === from.year)
    return `${subject} was ${figure(from)} in ${from.year}${to.year ? ` (${figure(to)} by ${to.year})` : ''}.`
  return `${subject} was ${figure(to)}${to.year ? ` in ${to.year}` : ''}, ${to.value >= from.value ? 'up' : 'down'} from ${figure(from)}${from.year ? ` in ${from.year}` : ''}.`
}

export function sayFact(knowledge: Knowledge, fact: Fact, year?: number): string {
  if (fact.kind === 'quantity') return sayQuantity(knowledge, fact)
  if (fact.kind === 'change') return sayChange(knowledge, fact, year)
  if (fact.kind === 'list') return `${capitalise(fact.thing)}: ${joinList(fact.items)}.`
  return `${fact.subject}: ${fact.object}.`
}

/** "A, B and C" */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
