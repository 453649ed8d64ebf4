/**
 * The figures that answer the relation a question asks for ("how many customers did it lose?" is not answered
 * by what it has), and a figure set against another group's kept out unless the question names that group.
 */
import { questionRelation, relationFits, relationWords, thingSays } from '../../facts/relations'
import type { Knowledge } from '../../knowledge/types'
import { terms } from '../../nlu/nlp'
import type { Fact } from '../../types'
import type { Match } from '../match'
import type { Query } from '../query'

/** the relation the question's verb asks for, by the table facts are read with; none for "how many" */
export function askedRelation(knowledge: Knowledge, query: Query): string | undefined {
  return questionRelation(relationWords(knowledge.language), query.text, query.thingTerms)
}

function statedRelation(fact: Fact): string | undefined {
  return fact.kind === 'quantity' || fact.kind === 'change' ? fact.relation : undefined
}

/** the matches whose relation answers the one asked */
export function relationMatches(knowledge: Knowledge, query: Query, matches: Match[]): Match[] {
  const asked = askedRelation(knowledge, query)
  if (!asked) return matches
  const words = relationWords(knowledge.language)
  const computed = query.intent?.handler === 'computed'
  return matches.filter(
    (m) =>
      relationFits(words, asked, statedRelation(m.fact), computed) ||
      thingSays(words, m.fact.thing, asked),
  )
}

const groupOf = (fact: Fact) =>
  (fact.kind === 'quantity' || fact.kind === 'change') && fact.qualifier === 'compared'
    ? (fact.group ?? '')
    : undefined

/** more than half the words of a compared figure's group are the question's: it asks for that group */
function asksGroup(query: Query, fact: Fact, group: string): boolean {
  // the thing's own words ("days"), not the group's, which the fact's thing terms also hold
  const own = new Set(terms(fact.thing))
  const words = terms(group).filter((w) => !own.has(w))
  if (words.length === 0) return false
  const asked = new Set(query.terms)
  return words.filter((w) => asked.has(w)).length * 2 > words.length
}

/**
 * "6.2 days on a virtual ward, compared with 8.9 for patients in a hospital bed": the compared figure answers
 * only a question about its group, and then before the figure it is set against
 */
export function comparedMatches(query: Query, matches: Match[]): Match[] {
  const asked = (m: Match) => {
    const group = groupOf(m.fact)
    return group !== undefined && asksGroup(query, m.fact, group)
  }
  const chosen = matches.filter(asked)
  return chosen.length ? chosen : matches.filter((m) => groupOf(m.fact) === undefined)
}
