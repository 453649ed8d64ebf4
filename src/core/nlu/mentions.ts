/** Finds the entities a question names, by alias and acronym, longest match first. */
import type { Entity } from '../types'
import { nameKey } from './normalize'

export interface Mention {
  entityIds: string[]
  /** the words of the question's name key that matched */
  text: string
  /** word positions in the key */
  from: number
  to: number
}

export interface AliasTable {
  byAlias: Map<string, string[]>
  longest: number
}

const stopAliases = new Set(['it', 'he', 'she', 'they', 'a', 'an', 'the', 'of', 'and', 'in', 'us'])

export function buildAliasTable(entities: Entity[]): AliasTable {
  const byAlias = new Map<string, string[]>()
  let longest = 1
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      if (stopAliases.has(alias)) continue
      const ids = byAlias.get(alias) ?? []
      if (!ids.includes(entity.id)) ids.push(entity.id)
      byAlias.set(alias, ids)
      longest = Math.max(longest, alias.split(' ').length)
    }
  }
  return { byAlias, longest }
}

export function findMentions(table: AliasTable, text: string): Mention[] {
  const words = nameKey(text).split(' ').filter(Boolean)
  const mentions: Mention[] = []
  for (let i = 0; i < words.length; ) {
    let matched = false
    for (let n = Math.min(table.longest, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ')
      const ids = table.byAlias.get(phrase)
      if (ids) {
        mentions.push({ entityIds: ids, text: phrase, from: i, to: i + n })
        i += n
        matched = true
        break
      }
    }
    if (!matched) i++
  }
  return mentions
}
