/** The rules that read attribute facts from one sentence, one small named unit each, in the order they run. */

import type { NamePatterns } from '../../nlu/lexicon'
import type { RawAttribute } from '../attributes'
import type { Name } from '../names'
import { isSubject, pronounSubject } from '../phrases'
import { isPersonName, personAppositive, roleAtOrganisation, titleBeforeName } from './people'

/** one sentence as the attribute rules see it */
export interface AttributeSentence {
  text: string
  /** the names found in it, in order */
  names: Name[]
  /** names seen before in the document, to recognise a company in an appositive */
  known: Set<string>
  /** the lexicon's patterns for names */
  patterns: NamePatterns
}

export interface AttributeRule {
  id: string
  match(sentence: AttributeSentence): RawAttribute[]
}

function nameAt(names: Name[], start: number): Name | undefined {
  return names.find((n) => n.start === start)
}

/** "headquartered in Beijing", "X, based in Y,", "The authority, which is headquartered in ..." */
const basedIn: AttributeRule = {
  id: 'based-in',
  match({ text, names }) {
    const out: RawAttribute[] = []
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
    return out
  },
}

/** "Expona, the Lyon-based organiser", "the Aarhus-based utility Nordvarme" */
const placeBased: AttributeRule = {
  id: 'place-based',
  match({ text, names }) {
    const out: RawAttribute[] = []
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
    return out
  },
}

/** "held CommunicAsia 2017 in Singapore": the event named after the verb, then its place */
function heldEventIn(text: string, names: Name[], direct: Name): RawAttribute | undefined {
  const place = nameAt(
    names,
    direct.end + /^\s+in\s+(?:the\s+)?/.exec(text.slice(direct.end))![0].length,
  )
  if (!place) return undefined
  return {
    kind: 'attribute',
    relation: 'held_in',
    subject: direct,
    object: place,
    at: { start: direct.start, end: place.end },
  }
}

/** "X was held in Y", "X, held in Y": only a name right before the verb, and not a person */
function eventHeldIn(
  { text, names, patterns }: AttributeSentence,
  at: number,
  place: Name,
): RawAttribute | undefined {
  const event = names.filter((n) => n.end <= at).at(-1)
  const adjacent =
    event &&
    /^\s*,?\s*(?:(?:was|is|will be|were|are|being|to be|has been|had been)\s+)?$/.test(
      text.slice(event.end, at),
    )
  if (!event || !adjacent || isPersonName(event, patterns)) return undefined
  return {
    kind: 'attribute',
    relation: 'held_in',
    subject: event,
    object: place,
    at: { start: event.start, end: place.end },
  }
}

/** "the recently held CommunicAsia 2017 in Singapore", "X was held in Y" */
const heldIn: AttributeRule = {
  id: 'held-in',
  match(sentence) {
    const { text, names } = sentence
    const out: RawAttribute[] = []
    for (const m of text.matchAll(
      /\b(?:held|hosted|staged|organi[sz]ed|took place)\s+(?:in|at)?\s*(?:the\s+)?/gi,
    )) {
      const direct = nameAt(names, m.index + m[0].length)
      if (!direct) continue
      const read = /^\s+in\s+/.test(text.slice(direct.end))
        ? heldEventIn(text, names, direct)
        : /(?:in|at)\s+(?:the\s+)?$/i.test(m[0])
          ? eventHeldIn(sentence, m.index, direct)
          : undefined
      if (read) out.push(read)
    }
    return out
  },
}

/** "Speaking at the recently held CommunicAsia 2017 in Singapore – Walter Fang", "He was speaking at ..." */
const spokeAt: AttributeRule = {
  id: 'spoke-at',
  match({ text, names, patterns }) {
    const out: RawAttribute[] = []
    for (const m of text.matchAll(
      /\b(?:speaking|spoke|speaks|presenting|talking)\s+(?:at|to)\s+(?:the\s+)?(?:recently\s+held\s+|recent\s+|annual\s+)?/gi,
    )) {
      const event = nameAt(names, m.index + m[0].length)
      if (!event) continue
      const after = names.find(
        (n) => n.start > event.end && isPersonName(n, patterns) && n.start - event.end < 80,
      )
      // "He was speaking at the North Sea Ports Forum": the person he or she means, found by the extractor
      const pronoun = /\b(he|she)\s+(?:was|is|had been)?\s*$/i.exec(text.slice(0, m.index))
      const before = names.filter((n) => n.end <= m.index && isPersonName(n, patterns)).at(-1)
      const speaker: Name | { pronoun: string } | undefined =
        after ?? (pronoun ? { pronoun: pronoun[1]!.toLowerCase() } : before)
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
  },
}

/** every attribute rule, in the order their facts are reported */
export const attributeRules: readonly AttributeRule[] = [
  basedIn,
  placeBased,
  heldIn,
  personAppositive,
  titleBeforeName,
  roleAtOrganisation,
  spokeAt,
]
