/** Attribute facts of one sentence: where a company is based, where an event was held, who a person is and where they spoke. */
import type { Relation, Span } from '../types'
import type { Name } from './names'
import { isSubject, pronounSubject } from './phrases'

export interface RawAttribute {
  kind: 'attribute'
  relation: Relation
  subject: Name | { pronoun: string }
  /** set when the subject is "he" or "she" */
  object: Name | { text: string; start: number; end: number }
  /** the words that state it, inside the sentence */
  at: Span
}

const orgWord =
  /\b(?:Co|Corp|Inc|Ltd|Group|Company|Ministry|Bureau|Commission|Agency|Council|Authority|Port|University|Institute|Administration|Department|Association|Bank|Fund|Network)\b/
const corporate = /\b(?:Co|Corp|Inc|Ltd|LLC|PLC|AG|SA|GmbH)\.?$|\((?:Group|Holdings)\)/

/** a person's name: two or three capitalised words, no organisation words */
const placeWord =
  /\b(?:Delta|River|Region|Zone|Province|City|Sea|Bay|Valley|Island|Street|Road|Park|Centre|Center|Hall|Expo|Fair|Summit|Forum|Week|Conference|Congress|Show)\b/
const roleWord =
  /\b(?:CEO|CFO|CTO|COO|CIO|EVP|SVP|VP|MD|GM|president|vice|director|chair|chairman|chairwoman|chairperson|head|manager|officer|minister|founder|co-founder|secretary|spokesperson|spokesman|spokeswoman|analyst|engineer|professor|chief|partner|editor|mayor|governor|lead|leader|executive|economist|researcher|consultant|adviser|advisor|principal|commissioner|deputy|general|senior|owner|board|member|dean|fellow|scientist|architect|strategist)\b/i

export function isPersonName(name: Name): boolean {
  if (placeWord.test(name.text)) return false
  return (
    /^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s[A-Z]\.?)?(?:\s[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,2}$/.test(
      name.text,
    ) && !orgWord.test(name.text)
  )
}

function nameAt(names: Name[], start: number): Name | undefined {
  return names.find((n) => n.start === start)
}

/** where the company named in an appositive begins: a name seen before, or a camel-cased word */
function companyIn(text: string, from: number, to: number, known: Set<string>): Name | undefined {
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
    if (corporate.test(at(i).text) || orgWord.test(at(i).text) || i === words.length - 1)
      return at(i)
  }
  return undefined
}

const speechVerb =
  /^\s*(?:,\s*)?(?:said|says|explained|added|adds|noted|told|stated|informed|commented|remarked)\b/i

export function readAttributes(text: string, names: Name[], known: Set<string>): RawAttribute[] {
  const out: RawAttribute[] = []

  // "headquartered in Beijing", "X, based in Y,"
  for (const m of text.matchAll(
    /\b(?:headquartered|based|located|registered|situated)\s+in\s+(?:the\s+)?/gi,
  )) {
    const at = m.index + m[0].length
    // a named place, or a described one: "in the former customs house on the Kestrel Bay waterfront"
    const described = /^[a-z][^,.;]{2,80}/.exec(text.slice(at))
    const place =
      nameAt(names, at) ??
      (described
        ? { text: described[0].trim(), start: at, end: at + described[0].trim().length }
        : undefined)
    if (!place) continue
    const before = names.filter((n) => n.end <= m.index).at(-1)
    // "The authority, which is headquartered in ...": the subject points back
    const pronoun = pronounSubject(text, m.index)
    const subject = pronoun && !(before && isSubject(text, before)) ? { pronoun } : before
    if (!subject) continue
    out.push({
      kind: 'attribute',
      relation: 'located_in',
      subject,
      object: place,
      at: { start: m.index, end: place.end },
    })
  }

  // "Expona, the Lyon-based organiser", "the Aarhus-based utility"
  for (const m of text.matchAll(/\b([A-Z][\w]+(?:\s[A-Z][\w]+)?)-based\b/g)) {
    const place = { text: m[1]!, start: m.index, end: m.index + m[1]!.length }
    const before = names
      .filter((n) => n.end <= m.index && /^,\s+(?:the|a|an)\s+$/.test(text.slice(n.end, m.index)))
      .at(-1)
    const after = names.find(
      (n) => n.start > m.index + m[0].length && n.start - (m.index + m[0].length) < 30,
    )
    const subject = before ?? after
    if (subject)
      out.push({
        kind: 'attribute',
        relation: 'located_in',
        subject,
        object: place,
        at: {
          start: Math.min(subject.start, m.index),
          end: Math.max(subject.end, m.index + m[0].length),
        },
      })
  }

  // "the recently held CommunicAsia 2017 in Singapore", "X was held in Y"
  for (const m of text.matchAll(
    /\b(?:held|hosted|staged|organi[sz]ed|took place)\s+(?:in|at)?\s*(?:the\s+)?/gi,
  )) {
    const after = m.index + m[0].length
    const direct = nameAt(names, after)
    if (direct && /^\s+in\s+/.test(text.slice(direct.end))) {
      const place = nameAt(
        names,
        direct.end + /^\s+in\s+(?:the\s+)?/.exec(text.slice(direct.end))![0].length,
      )
      if (place)
        out.push({
          kind: 'attribute',
          relation: 'held_in',
          subject: direct,
          object: place,
          at: { start: direct.start, end: place.end },
        })
    } else if (direct && /(?:in|at)\s+(?:the\s+)?$/i.test(m[0])) {
      const event = names.filter((n) => n.end <= m.index).at(-1)
      // only a name right before "held": "X was held in Y", "X, held in Y"
      const adjacent =
        event &&
        /^\s*,?\s*(?:(?:was|is|will be|were|are|being|to be|has been|had been)\s+)?$/.test(
          text.slice(event.end, m.index),
        )
      if (event && adjacent && !isPersonName(event))
        out.push({
          kind: 'attribute',
          relation: 'held_in',
          subject: event,
          object: direct,
          at: { start: event.start, end: direct.end },
        })
    }
  }

  // people: "Walter Fang, EVP, ... iSoftStone ... Co. said", "said Pat Doe, CFO of Acme Corp"
  for (const person of names.filter(isPersonName)) {
    const rest = text.slice(person.end)
    if (!/^\s*,/.test(rest)) continue
    const close =
      /(?:,?\s+(?:said|says|explained|added|adds|noted|told|stated|informed|commented)\b|,\s+(?:adding|who|which|explaining|noting|saying|according|when|while|as|after|before|where)\b|[,.;]\s*(?:“|"|$)|(?<!\b(?:Co|Corp|Inc|Ltd|Jr|Sr|St|Mr|Ms|Dr))\.\s|$)/.exec(
        rest.slice(1),
      )
    const appositiveEnd = person.end + 1 + (close ? close.index : rest.length - 1)
    const appositive = text.slice(person.end + 1, appositiveEnd)
    if (appositive.length < 2 || appositive.length > 160) continue
    const company = companyIn(text, person.end + 1, appositiveEnd, known)
    const roleEnd = company ? company.start : appositiveEnd
    const role = text
      .slice(person.end + 1, roleEnd)
      .replace(/^[\s,]+/, '')
      .replace(/[\s,]+(?:(?:of|at|for|with)(?:\s+the)?)?\s*$/i, '')
    const roleStart = text.indexOf(role, person.end)
    const statedBySpeech =
      speechVerb.test(text.slice(appositiveEnd)) ||
      /\b(?:said|says|according to)\s+$/i.test(text.slice(0, person.start))
    if ((!statedBySpeech && !company) || !roleWord.test(appositive)) continue
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
  }

  // "Riverside's chief executive, Tom Whitaker, said": the organisation's title before the name
  for (const person of names.filter(isPersonName)) {
    const before =
      /([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s\s+([a-z][a-z\s-]{2,60}?),\s*$/.exec(
        text.slice(0, person.start),
      )
    if (!before || !roleWord.test(before[2]!)) continue
    const orgStart = before.index
    const org = { text: before[1]!, start: orgStart, end: orgStart + before[1]!.length }
    const roleStart = orgStart + before[0].indexOf(before[2]!, before[1]!.length)
    const role = { text: before[2]!, start: roleStart, end: roleStart + before[2]!.length }
    out.push({
      kind: 'attribute',
      relation: 'role',
      subject: person,
      object: role,
      at: { start: orgStart, end: person.end },
    })
    out.push({
      kind: 'attribute',
      relation: 'works_for',
      subject: person,
      object: org,
      at: { start: orgStart, end: person.end },
    })
  }

  // "Speaking at the recently held CommunicAsia 2017 in Singapore – Walter Fang"
  for (const m of text.matchAll(
    /\b(?:speaking|spoke|speaks|presenting|talking)\s+(?:at|to)\s+(?:the\s+)?(?:recently\s+held\s+|recent\s+|annual\s+)?/gi,
  )) {
    const event = nameAt(names, m.index + m[0].length)
    if (!event) continue
    const named =
      names.find((n) => n.start > event.end && isPersonName(n) && n.start - event.end < 80) ??
      names.filter((n) => n.end <= m.index && isPersonName(n)).at(-1)
    // "He was speaking at the North Sea Ports Forum": the person named before
    const pronoun = /\b(?:he|she)\s+(?:was|is|had been)?\s*$/i.test(text.slice(0, m.index))
    const speaker: Name | { pronoun: string } | undefined =
      named ?? (pronoun ? { pronoun: 'person' } : undefined)
    if (!speaker) continue
    const start = 'start' in speaker ? Math.min(m.index, speaker.start) : m.index
    const end = 'end' in speaker ? Math.max(event.end, speaker.end) : event.end
    out.push({
      kind: 'attribute',
      relation: 'spoke_at',
      subject: speaker,
      object: event,
      at: { start, end },
    })
  }
  return out
}
