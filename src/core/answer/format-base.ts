/** The words every answer sentence is built from: names with their article, figures with their qualifiers, lists. */
import { formatValue } from '../facts/numbers'
import type { Knowledge } from '../knowledge/types'
import { namePatterns } from '../nlu/lexicon'
import type { Fact, Quantity } from '../types'

/** "the Ministry of Housing ...", "MIIT", "Wuxi City", "the Yangtze River Delta" */
export function entityName(knowledge: Knowledge, id: string | undefined, fallback = ''): string {
  const entity = id ? knowledge.entityById.get(id) : undefined
  const name = entity?.name ?? fallback
  if (!entity) return name
  // "Rina Oduya earned", never "The Rina Oduya earned": a person's name takes no article
  if (entity.type === 'person') return name.replace(/^the\s+/i, '')
  const multi = name.includes(' ')
  const patterns = namePatterns(knowledge.language.lexicon)
  const takesThe =
    (entity.type === 'org' &&
      multi &&
      !patterns.companyEnd.test(name) &&
      // "Mr Hale" is a person the extractor could not tell from an organisation
      !/^(?:mr|mrs|ms|dr|sir|lord|lady|prof)\b/i.test(name) &&
      !/^[a-z]+[A-Z]/.test(name)) ||
    (entity.type === 'place' && patterns.takesThe.test(name))
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

export function owned(knowledge: Knowledge, fact: Fact): string {
  return fact.ownerId ? entityName(knowledge, fact.ownerId, fact.owner) : ''
}

/** "A, B and C" */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
