/** Entities (agencies, places, people, events): declared aliases from `intents/` plus names found in the corpus. */
import type { Entity, EntityType } from '../types'
import type { Language } from './language'
import { type NamePatterns, namePatterns } from './lexicon'
import { nameKey } from './normalize'

const minor = new Set(['of', 'and', 'for', 'the', '&', 'in', 'on'])

/** acronyms a name is commonly shortened to: MOHURD, NDRC, MIIT */
export function acronyms(name: string): string[] {
  const words = name.split(/[\s-]+/).filter(Boolean)
  if (words.length < 2) return []
  const initials = (keep: (w: string) => boolean) =>
    words
      .filter(keep)
      .map((w) => w[0]!.toLowerCase())
      .join('')
  const out = new Set([
    initials((w) => !minor.has(w.toLowerCase())),
    initials((w) => !minor.has(w.toLowerCase()) || w.toLowerCase() === 'of'),
    initials((w) => w.toLowerCase() !== 'the'),
  ])
  return [...out].filter((a) => a.length >= 3)
}

/** "kestrel 101 tower" -> "kestrel tower": a name with a number between its words, without the number */
export function withoutInnerNumber(name: string): string | undefined {
  const m = /^(.*\S) \d{1,3}(?:\.\d+)? (\S.*)$/.exec(name)
  return m ? `${m[1]} ${m[2]}` : undefined
}

/** the forms a found name is also written as */
export function derivedAliases(name: string, type: EntityType, patterns: NamePatterns): string[] {
  const key = nameKey(name)
  const out = new Set([key])
  // "Port of Kestrel Bay" is also "Kestrel Bay port" and "Kestrel Bay"
  const portOf = /^port of (.+)$/.exec(key)
  if (portOf) out.add(`${portOf[1]} port`).add(portOf[1]!)
  if (type === 'org') {
    for (const a of acronyms(name)) out.add(a)
    // "ministry of housing and urban-rural development" is often just "ministry of housing"
    const head = /^(.+?) and /.exec(key)
    if (head && head[1]!.split(' ').length >= 3) out.add(head[1]!)
    // "ministry of transportation" -> "transportation ministry"
    const ofForm =
      /^(ministry|bureau|department|commission|administration|agency) of ([a-z]+)$/.exec(key)
    if (ofForm) out.add(`${ofForm[2]} ${ofForm[1]}`)
  }
  if (type === 'other') {
    // "inland barges" is also asked after as "inland barge", and as "barges"
    out.add(key.endsWith('s') ? key.slice(0, -1) : `${key}s`)
    const last = key.split(' ').at(-1)!
    if (last !== key && last.length > 3) out.add(last)
  }
  // "Kestrel 101 Tower" is also "Kestrel Tower"
  const numbered = withoutInnerNumber(key)
  if (numbered) out.add(numbered)
  // "CommunicAsia 2017" is also just "CommunicAsia"
  const edition = /^(.+?) (?:19|20)\d\d$/.exec(key)
  if (edition) out.add(edition[1]!)
  if (type === 'org') {
    // "Kestrel Bay Port Authority" is "the port authority"; "Port of Kestrel Bay" is "Kestrel Bay port"
    const words = key.split(' ')
    if (words.length >= 3 && patterns.shortFormHead.test(words.at(-1)!))
      out.add(words.slice(-2).join(' '))
  }
  if (type === 'place') {
    const city = /^(.+) (city|region|province)$/.exec(key)
    if (city) out.add(city[1]!)
  }
  return [...out].filter((a) => a.length > 1)
}

/**
 * one-word names the text also uses for a longer name: the first word of an organisation
 * ("Harbourline" for "Harbourline Terminals") or the last word of a person ("Vos" for "Hanna Vos");
 * a short form two long names share stays ambiguous and is left out
 */
export function shortForms(
  names: Iterable<string>,
  places: Set<string> = new Set(),
  /** words the text also writes in lower case: "terminals" is no short form of "Harbourline Terminals" */
  lower: Set<string> = new Set(),
  /** words too common in names to stand for one alone ("Port", "Group") */
  generic: Set<string> = new Set(),
): Map<string, string> {
  const all = new Set(names)
  const candidates = new Map<string, Set<string>>()
  for (const name of all) {
    const words = name.split(/\s+/)
    if (words.length < 2 || words.length > 4) continue
    for (const word of [words[0]!, words.at(-1)!]) {
      // a word the text also uses as a place ("in Northmark") is that place, not a short form
      if (
        !all.has(word) ||
        places.has(word) ||
        lower.has(word.toLowerCase()) ||
        !/^[A-Z][a-z]/.test(word) ||
        generic.has(word)
      )
        continue
      candidates.set(word, (candidates.get(word) ?? new Set()).add(name))
    }
  }
  const out = new Map<string, string>()
  for (const [word, longs] of candidates) if (longs.size === 1) out.set(word, [...longs][0]!)
  return out
}

/** a name's person part after its last title: "Northmark Transport Minister Rina Oduya" -> Minister, "Rina Oduya" */
function titled(
  name: string,
  titles: Set<string>,
): { title: string; person: string[] } | undefined {
  const words = name.split(/\s+/).map((w) => w.replace(/\.$/, ''))
  const at = words.findLastIndex((w) => titles.has(w))
  const person = words.slice(at + 1)
  if (at === -1 || person.length === 0 || person.length > 3) return undefined
  if (!person.every((w) => /^[A-Z][a-z'’-]+$/.test(w))) return undefined
  return { title: words[at]!, person }
}

/**
 * names said with a title that stand for one person, mapped to the name the person goes by: the plain name
 * where the text says it alone, else the name with its title ("Dr Amara Okoye"), else the plain name
 * ("Transport Minister Rina Oduya" and "Ms Oduya" -> "Rina Oduya"); "Sir Tomas" is the Sir Tomas Brell
 * named in full. A surname or first name that fits two people stays as written
 */
export function titledForms(
  names: Iterable<string>,
  honorifics: string[],
  orgWords: string[] = [],
): Map<string, string> {
  const all = new Set(names)
  const titles = new Set(honorifics)
  const org = new Set(orgWords.map((w) => w.toLowerCase()))
  const plain = (words: string[]) =>
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^[A-Z][a-z'’-]+$/.test(w) && !titles.has(w) && !org.has(w.toLowerCase()))
  const withTitle = [...all].flatMap((name) => {
    const t = titled(name, titles)
    return t ? [{ name, ...t, person: t.person.join(' ') }] : []
  })
  // each person named in full, by the name they go by
  const goesBy = new Map<string, string>()
  for (const n of all) if (plain(n.split(/\s+/))) goesBy.set(n, n)
  for (const t of withTitle)
    if (t.person.includes(' ') && !goesBy.has(t.person)) {
      const titledFirst = withTitle.find((u) => u.person === t.person && u.name.startsWith(u.title))
      goesBy.set(t.person, titledFirst?.name ?? t.person)
    }
  const out = new Map<string, string>()
  const map = (from: string, to: string) => from !== to && out.set(from, to)
  for (const [person, name] of goesBy) map(person, name)
  for (const { name, title, person } of withTitle) {
    if (person.includes(' ')) {
      map(name, goesBy.get(person)!)
      continue
    }
    const sameTitle = withTitle
      .filter((t) => t.title === title && t.person.startsWith(`${person} `))
      .map((t) => t.person)
    const bySurname = [...goesBy.keys()].filter((n) => n.split(' ').at(-1) === person)
    const people = [...new Set(sameTitle.length ? sameTitle : bySurname)]
    if (people.length === 1) map(name, goesBy.get(people[0]!)!)
  }
  return out
}

function slug(name: string): string {
  return (
    nameKey(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'entity'
  )
}

export interface EntityResolver {
  /** the language the names are read with: the fact readers take their word tables from it */
  readonly language: Language
  /** the entity a name found in the corpus refers to, created when new */
  resolve(name: string, type: EntityType): Entity
  /** an existing entity by name or alias */
  find(name: string): Entity | undefined
  get(id: string): Entity | undefined
  /** short forms found before extraction: "Harbourline" resolves to "Harbourline Terminals", "Vos" to "Hanna Vos" */
  setShortForms(forms: Map<string, string>): void
  /** how the text writes a name: with "the" or without, for saying it back */
  noteArticle(name: string, withThe: boolean): void
  entities(): Entity[]
}

/** `existing`: the entities of a built knowledge, to read one more article against (src/core/knowledge/incremental.ts) */
export function buildEntities(language: Language, existing?: Entity[]): EntityResolver {
  const patterns = namePatterns(language.lexicon)
  const byId = new Map<string, Entity>()
  const byAlias = new Map<string, Entity>()
  const register = (entity: Entity) => {
    byId.set(entity.id, entity)
    for (const alias of entity.aliases) if (!byAlias.has(alias)) byAlias.set(alias, entity)
  }
  for (const entity of existing ?? []) register(entity)
  for (const def of existing ? [] : language.entities) {
    const aliases = new Set([
      ...derivedAliases(def.name, def.type, patterns),
      ...def.aliases.map(nameKey),
    ])
    register({ id: def.id, name: def.name, type: def.type, aliases: [...aliases] })
  }
  const find = (name: string) => byAlias.get(nameKey(name))
  let shortForms = new Map<string, string>()
  const articles = new Map<string, [number, number]>()
  return {
    language,
    find,
    get: (id) => byId.get(id),
    resolve(name, type) {
      // a short form never takes over a name that is already an entity ("China" is not "Broadband China")
      const long = find(name) ? undefined : shortForms.get(name)
      if (long && long !== name) {
        const full = this.resolve(long, type)
        const key = nameKey(name)
        if (!full.aliases.includes(key)) full.aliases.push(key)
        if (!byAlias.has(key)) byAlias.set(key, full)
        return full
      }
      // "the Kestrel Tower" named before is the "Kestrel 101 Tower" named now
      const bare = withoutInnerNumber(name)
      const known = find(name) ?? (bare ? find(bare) : undefined)
      if (known) {
        const key = nameKey(name)
        if (!known.aliases.includes(key)) {
          known.aliases.push(key)
          byAlias.set(key, known)
        }
        return known
      }
      // "iSoftStone Information Technology (Group) Co." is the "iSoftStone" named before
      if (patterns.companyEnd.test(name)) {
        const first = name.split(/\s+/)[0]!
        const parent = find(first)
        if (parent && parent.name === first && /^[a-z]+[A-Z]|^[A-Z][a-z]+[A-Z]/.test(first)) {
          const key = nameKey(name)
          parent.aliases.push(key)
          byAlias.set(key, parent)
          return parent
        }
      }
      let id = slug(name)
      for (let n = 2; byId.has(id); n++) id = `${slug(name)}-${n}`
      const entity: Entity = {
        id,
        name: name.trim(),
        type,
        aliases: derivedAliases(name, type, patterns),
      }
      register(entity)
      return entity
    },
    entities: () => [...byId.values()],
    noteArticle(name, withThe) {
      const entity = find(name)
      if (!entity) return
      const count = articles.get(entity.id) ?? [0, 0]
      count[withThe ? 0 : 1]++
      articles.set(entity.id, count)
      entity.article = count[0] > count[1]
    },
    setShortForms(forms) {
      shortForms = forms
    },
  }
}
