/** The rules that read who a person is and whom they work for, and the tests of a person's or a company's name. */

import { memo } from '../../memo'
import type { NamePatterns } from '../../nlu/lexicon'
import type { RawAttribute } from '../attributes'
import type { Name } from '../names'
import type { AttributeRule } from './attribute-rules'

export const roleWord =
  /\b(?:CEO|CFO|CTO|COO|CIO|EVP|SVP|VP|MD|GM|president|vice|director|chair|chairman|chairwoman|chairperson|head|manager|officer|minister|founder|co-founder|secretary|spokesperson|spokesman|spokeswoman|analyst|engineer|professor|chief|partner|editor|mayor|governor|lead|leader|executive|economist|researcher|consultant|adviser|advisor|principal|commissioner|deputy|general|senior|owner|board|member|dean|fellow|scientist|architect|strategist|novelist|writer|author|actor|actress)\b/i

/** a person's name: two or three capitalised words, no organisation or place words */
export function isPersonName(name: Name, patterns: NamePatterns): boolean {
  if (patterns.notPerson.test(name.text)) return false
  return (
    /^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s[A-Z]\.?)?(?:\s[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,2}$/.test(
      name.text,
    ) && !patterns.organisation.test(name.text)
  )
}

/** where the company named in an appositive begins: a name seen before, or a camel-cased word */
export function companyIn(
  text: string,
  from: number,
  to: number,
  known: Set<string>,
  patterns: NamePatterns,
): Name | undefined {
  const segment = text.slice(from, to)
  const words = [...segment.matchAll(/\S+/g)]
  const at = (i: number): Name => {
    // "Expona, the Lyon-based trade fair organiser": the company's name ends at its own appositive
    const rest = segment
      .slice(words[i]!.index)
      .split(/,\s/)[0]!
      .replace(/[,;:\s]+$/, '')
    const start = from + words[i]!.index
    return { text: rest, start, end: start + rest.length }
  }
  // a name seen before or a camel-cased word starts the company; else the name after "of"/"at" with a corporate suffix
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0].replace(/[,;:]$/, '').replace(/['’]s$/, '')
    if (known.has(w) || /^[a-z]+[A-Z]/.test(w)) return at(i)
  }
  for (let i = 1; i < words.length; i++) {
    if (!/^(?:of|at|for|with|from)$/i.test(words[i - 1]![0]) || !/^[A-Z]/.test(words[i]![0]))
      continue
    if (
      patterns.corporate.test(at(i).text) ||
      patterns.organisation.test(at(i).text) ||
      i === words.length - 1
    )
      return at(i)
  }
  return undefined
}

const speechVerb =
  /^\s*(?:,\s*)?(?:said|says|explained|added|adds|noted|told|stated|informed|commented|remarked)\b/i

const closings = new WeakMap<NamePatterns, RegExp>()

/** what closes an appositive: a speech verb, a clause, a quote, a full stop that ends the sentence */
function closing(patterns: NamePatterns): RegExp {
  return memo(
    closings,
    patterns,
    () =>
      new RegExp(
        `(?:,?\\s+(?:said|says|explained|added|adds|noted|told|stated|informed|commented)\\b|,\\s+(?:adding|who|which|explaining|noting|saying|according|when|while|as|after|before|where)\\b|[,.;]\\s*(?:“|"|$)|(?<!\\b${patterns.abbreviation})\\.\\s|$)`,
      ),
  )
}

/** where the appositive after a person's name ends: a speech verb, a clause, a quote or the sentence's end */
function appositiveEnd(text: string, person: Name, patterns: NamePatterns): number {
  const rest = text.slice(person.end)
  const close = closing(patterns).exec(rest.slice(1))
  return person.end + 1 + (close ? close.index : rest.length - 1)
}

/** the role and the company one appositive states of a person */
function readAppositive(
  text: string,
  person: Name,
  known: Set<string>,
  patterns: NamePatterns,
): RawAttribute[] {
  const end = appositiveEnd(text, person, patterns)
  const appositive = text.slice(person.end + 1, end)
  if (appositive.length < 2 || appositive.length > 160) return []
  const company = companyIn(text, person.end + 1, end, known, patterns)
  const role = text
    .slice(person.end + 1, company ? company.start : end)
    .replace(/^[\s,]+/, '')
    .replace(/[\s,]+(?:(?:of|at|for|with)(?:\s+the)?)?\s*$/i, '')
  const roleStart = text.indexOf(role, person.end)
  const statedBySpeech =
    speechVerb.test(text.slice(end)) ||
    /\b(?:said|says|according to)\s+$/i.test(text.slice(0, person.start))
  if ((!statedBySpeech && !company) || !roleWord.test(appositive)) return []
  const out: RawAttribute[] = []
  if (role && roleStart >= 0 && role.split(/\s+/).length <= 14)
    out.push({
      kind: 'attribute',
      relation: 'role',
      subject: person,
      object: { text: role, start: roleStart, end: roleStart + role.length },
      at: { start: person.start, end: roleStart + role.length },
    })
  if (company)
    out.push({
      kind: 'attribute',
      relation: 'works_for',
      subject: person,
      object: company,
      at: { start: person.start, end: company.end },
    })
  return out
}

/** "Walter Fang, EVP, ... iSoftStone ... Co. said", "said Pat Doe, CFO of Acme Corp" */
export const personAppositive: AttributeRule = {
  id: 'person-appositive',
  match({ text, names, known, patterns }) {
    return names
      .filter((n) => isPersonName(n, patterns))
      .filter((person) => /^\s*,/.test(text.slice(person.end)))
      .flatMap((person) => readAppositive(text, person, known, patterns))
  },
}

/** "Riverside's chief executive, Tom Whitaker, said": the organisation's title before the name */
export const titleBeforeName: AttributeRule = {
  id: 'title-before-name',
  match({ text, names, patterns }) {
    const out: RawAttribute[] = []
    for (const person of names.filter((n) => isPersonName(n, patterns))) {
      const before =
        /([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s\s+([a-z][a-z\s-]{2,60}?),\s*$/.exec(
          text.slice(0, person.start),
        )
      if (!before || !roleWord.test(before[2]!)) continue
      const orgStart = before.index
      const org = { text: before[1]!, start: orgStart, end: orgStart + before[1]!.length }
      const roleStart = orgStart + before[0].indexOf(before[2]!, before[1]!.length)
      const role = { text: before[2]!, start: roleStart, end: roleStart + before[2]!.length }
      const at = { start: orgStart, end: person.end }
      out.push({ kind: 'attribute', relation: 'role', subject: person, object: role, at })
      out.push({ kind: 'attribute', relation: 'works_for', subject: person, object: org, at })
    }
    return out
  },
}

// "analyst", "chief economist", "senior partner": the lower-case role words right before a person's name
const roleRun = new RegExp(`((?:[a-z-]+\\s+){0,2}?(?:${roleWord.source}))\\s+$`, 'i')

/** "said analyst Rina Oduya at Brellco Capital": the role before the name, the organisation after "at", "from" or "with" */
export const roleAtOrganisation: AttributeRule = {
  id: 'role-at-organisation',
  match({ text, names, patterns }) {
    const out: RawAttribute[] = []
    for (const person of names.filter((n) => isPersonName(n, patterns))) {
      const role = roleRun.exec(text.slice(0, person.start))
      const link = /^\s+(?:at|from|with)\s+(?:the\s+)?/.exec(text.slice(person.end))
      const org = link && names.find((n) => n.start === person.end + link[0].length)
      if (!role || !org) continue
      const words = role[1]!.replace(/^(?:the|a|an|said|says|by)\s+/i, '')
      const start = role.index + role[1]!.length - words.length
      const object = { text: words, start, end: start + words.length }
      const at = { start, end: org.end }
      out.push({ kind: 'attribute', relation: 'role', subject: person, object, at })
      out.push({ kind: 'attribute', relation: 'works_for', subject: person, object: org, at })
    }
    return out
  },
}
