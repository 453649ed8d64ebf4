/**
 * Who "he" or "she" can be: a person's gender as a title ("Ms", "Sir"), a given name (both from intents/,
 * `genders`) or an earlier pronoun about them says it, and the nearest person a pronoun is compatible with.
 * A person nothing says the gender of is compatible with either: then the nearest person is meant, as before.
 */
import { memo } from '../memo'
import type { Language } from '../nlu/language'

export type Gender = 'female' | 'male'

export interface GenderWords {
  titles: Map<string, Gender>
  names: Map<string, Gender>
}

const compiled = new WeakMap<Language['genders'], GenderWords>()

export function genderWords(language: Pick<Language, 'genders'>): GenderWords {
  return memo(compiled, language.genders, () => {
    const titles = new Map<string, Gender>()
    const names = new Map<string, Gender>()
    for (const gender of ['female', 'male'] as const) {
      for (const t of language.genders[gender].titles) titles.set(t.replace(/\.$/, ''), gender)
      for (const n of language.genders[gender].names) names.set(n, gender)
    }
    return { titles, names }
  })
}

/** "she", "her" -> female; "he", "him", "his" -> male; any other word says nothing */
export function pronounGender(pronoun: string): Gender | undefined {
  const word = pronoun.toLowerCase()
  if (/^(?:she|her|hers|herself)$/.test(word)) return 'female'
  if (/^(?:he|him|his|himself)$/.test(word)) return 'male'
  return undefined
}

/** the gender a name says, with the word written before it: "Ms Oduya", "Dame Rina Oduya", "Tomas Berg" */
export function nameGender(words: GenderWords, name: string, before = ''): Gender | undefined {
  const tokens = name.split(/\s+/).map((w) => w.replace(/\.$/, ''))
  const previous = /([A-Z][a-z]+)\.?\s+$/.exec(before)?.[1]
  const title = [previous, ...tokens].find((w) => w && words.titles.has(w))
  if (title) return words.titles.get(title)
  const given = tokens.find((w) => !words.titles.has(w))
  return given ? words.names.get(given) : undefined
}

/** the people a text has named so far and what it says of their gender */
export interface People {
  /** entity ids, the latest named last */
  order: string[]
  genders: Map<string, Gender>
  /** the sentence being read, and the sentence each person was last named in */
  now: number
  seen: Map<string, number>
}

export const noPeople = (): People => ({ order: [], genders: new Map(), now: 0, seen: new Map() })

export function notePerson(people: People, id: string, gender?: Gender): void {
  people.order = [...people.order.filter((p) => p !== id), id]
  people.seen.set(id, people.now)
  if (gender && !people.genders.has(id)) people.genders.set(id, gender)
}

/**
 * the person a pronoun means: of `nearby` (named in its own sentence before it, nearest first), then of the
 * people named before (`first` leading: the one the nearest-person rule picks), the nearest whose gender
 * fits, else the nearest whose gender is unknown. The pronoun then says the gender of the one it picked
 */
export function personFor(
  people: People,
  pronoun: string,
  nearby: string[],
  first?: string,
): string | undefined {
  const want = pronounGender(pronoun)
  const earlier = [first, ...[...people.order].reverse()].filter((p): p is string => !!p)
  const candidates = [...new Set([...nearby, ...earlier])]
  if (!want) return candidates[0]
  // one a title, a given name or a pronoun says the gender of comes before one nothing is known of, unless
  // that one was named in a later sentence ("... Mr Hale. He ..." then "former minister Alun Prys ... His")
  const known = candidates.find((id) => people.genders.get(id) === want)
  const open = candidates.find((id) => !people.genders.has(id))
  const later = (a: string, b: string) => (people.seen.get(a) ?? 0) > (people.seen.get(b) ?? 0)
  if (known && !(open && later(open, known))) return known
  if (open) people.genders.set(open, want)
  return open
}
