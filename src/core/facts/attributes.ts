/** Attribute facts of one sentence: where a company is based, where an event was held, who a person is and where they spoke. */
import type { NamePatterns } from '../nlu/lexicon'
import type { Relation, Span } from '../types'
import type { Name } from './names'
import { attributeRules } from './rules/attribute-rules'

export { isPersonName } from './rules/people'

export interface RawAttribute {
  kind: 'attribute'
  relation: Relation
  subject: Name | { pronoun: string }
  /** set when the subject is "he" or "she" */
  object: Name | { text: string; start: number; end: number }
  /** the words that state it, inside the sentence */
  at: Span
}

/** every attribute the rules read from one sentence, rule by rule */
export function readAttributes(
  text: string,
  names: Name[],
  known: Set<string>,
  patterns: NamePatterns,
): RawAttribute[] {
  return attributeRules.flatMap((rule) => rule.match({ text, names, known, patterns }))
}
