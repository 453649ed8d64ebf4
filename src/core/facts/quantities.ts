/** Quantity and before/after facts of one sentence or list line. */
import type { FigureQualifier, Quantity, Span } from '../types'
import type { Name } from './names'
import { dimensionAfter, type Figure, findFigures } from './numbers'
import {
  ownerAfter,
  type Phrase,
  pronounSubject,
  subjectBefore,
  subjectNounBefore,
  thingAfter,
  thingAround,
  thingBefore,
} from './phrases'
import { type Found, qualifierOf, type RelationWords, relationBefore } from './relations'

/** what the verb of a figure says it is and how it is said, spans inside the sentence */
export interface RawStatement {
  relation?: Found<string>
  qualifier?: Found<FigureQualifier>
  /** the other group of a compared figure: "similar patients in a hospital bed" */
  group?: Phrase
}

export interface RawQuantity extends RawStatement {
  kind: 'quantity'
  quantity: Quantity
  thing: Phrase
  owner?: Name
  /** the subject is "it", "the company": the organisation named before */
  pronoun?: string
  /** the verb right before the figure: "handled", "employs" */
  verb?: string
  /** "as she earned $12.5m": "he" or "she" is the subject of the figure's verb, and names the owner */
  person?: Found<string>
  /** "coal 11%": the noun a figure belongs to in a list of figures */
  subjectNoun?: Phrase
  rate?: string
  /** the figure's own span, inside the sentence */
  at: Span
}

export interface RawChange extends RawStatement {
  kind: 'change'
  from: Quantity
  to: Quantity
  thing: Phrase
  owner?: Name
  pronoun?: string
  at: Span
}

const ratePattern =
  /^\s*(?:(?:per|a|each|every)\s+(?:year|annum|month|day|week)|annually|yearly|monthly)\b/i

function strip(figure: Figure): Quantity {
  const { start: _s, end: _e, ...quantity } = figure
  return quantity
}

/** "From 1978 to 2015, ..." or "between 2015 and 2022": the period of the sentence */
function period(text: string, years: Figure[]): [number, number] | undefined {
  for (let i = 0; i + 1 < years.length; i++) {
    const a = years[i]!
    const b = years[i + 1]!
    if (/^\s*(?:to|and|-|–|until|through)\s*$/.test(text.slice(a.end, b.start)))
      return [a.value, b.value]
  }
  return undefined
}

/** the year a figure is stated for: the nearest "in 2015", "by the end of 2014" in the same sentence */
function yearOf(text: string, figure: Figure, years: Figure[]): number | undefined {
  let best: Figure | undefined
  let bestGap = Number.POSITIVE_INFINITY
  for (const y of years) {
    // "Port Vision 2030" names a plan, not the figure's year
    if (
      /[A-Z][A-Za-z]+\s+$/.test(text.slice(Math.max(0, y.start - 20), y.start)) &&
      !/\b(?:in|by|of|since|until)\s+$/i.test(text.slice(0, y.start))
    )
      continue
    // "86,000 chargers in 2023": a year after the figure reads as its own before one that ends another clause
    // (only within the clause: "... 2,400 points, and it plans ... until 2028" is another clause's year)
    if (
      y.start > figure.end &&
      /[,;]\s+(?:and|but|while|which|as)\b/.test(text.slice(figure.end, y.start))
    )
      continue
    const gap = y.start > figure.end ? (y.start - figure.end) / 2 : figure.start - y.end
    if (gap >= 0 && gap < bestGap) {
      best = y
      bestGap = gap
    }
  }
  return best && bestGap < 80 ? best.value : undefined
}

const listedNoun =
  /(?:,|\band|;)\s+(?:and\s+)?((?:the\s+)?[A-Za-z][\w-]*(?:\s(?:and\s)?[a-z][\w-]*){0,3}?)\s+(?:the\s+remaining\s+|another\s+|a\s+further\s+)?$/i
const leadingNoun =
  /^\s*(?:[“"]\s*)?(?:the\s+)?([A-Za-z][\w-]*(?:\s(?:and\s)?[a-z][\w-]*){0,2}?)\s+(?:still\s+|also\s+|alone\s+)?(?:supplied|made up|accounted for|carried|moved|took|generated|provided|contributed|represented|held|had)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|only\s+)?$/i
const notNouns =
  /^(?:with|than|from|to|by|of|in|at|about|around|nearly|up|down|over|under|some|only|just|also|still|it|they|this|that|which|there)$/i

/** a noun phrase, not a preposition or a verb form: "inland barges", not "compared with" */
function isNoun(phrase: string): boolean {
  const last = phrase.split(/\s+/).at(-1) ?? ''
  return !notNouns.test(last) && !/ed$/.test(last) && !notNouns.test(phrase.split(/\s+/)[0] ?? '')
}

function phraseAt(m: RegExpExecArray, group: number): Phrase {
  const raw = m[group]!
  const noun = raw.replace(/^the\s+/i, '')
  const start = m.index + m[0].indexOf(raw) + (raw.length - noun.length)
  return { text: noun, start, end: start + noun.length }
}

/** what a figure with nothing said about it is of: the figure before it in the passage */
export interface Inherited {
  unit: Quantity['unit']
  thing: Phrase
}

const notVerbs =
  /^(?:its|has|his|is|was|this|thus|as|us|less|plus|bus|gas|news|always|perhaps|towards|across|means|series|species|unless|whereas|yes|its)$/

/** "Harbourline handled 9.1 million TEU": the verb a figure is the object of, as written */
function verbBefore(before: string): string | undefined {
  const m =
    /\b((?:has|have|had)\s+)?([a-z]+(?:ed|s)|holds|runs|owns|ran|made up|took|drew|sold|built|spent|paid|won|grew)\s+(?:a\s+record\s+|a\s+total\s+of\s+|about\s+|some\s+|nearly\s+|almost\s+|roughly\s+|over\s+|more\s+than\s+|up\s+to\s+|at\s+least\s+)?$/.exec(
      before,
    )
  if (!m || notVerbs.test(m[2]!)) return undefined
  return `${m[1] ?? ''}${m[2]}`
}

/** the figures of one sentence around a pair being read as a change */
interface FigurePair {
  text: string
  a: Figure
  b: Figure
  years: Figure[]
  names: Name[]
  words?: RelationWords
}

/** the relation and qualifier of a change, read at the figure (or "from") that opens it */
function changeStatement(pair: FigurePair, at: number): RawStatement {
  if (!pair.words) return {}
  return {
    relation: relationBefore(pair.words, pair.text, at),
    qualifier: qualifierOf(pair.words, pair.text, { start: at, end: at }),
  }
}

// "12.5 million in 2022", "a year earlier", "for the same period", "in June": the figure set against is an earlier one
const earlierTime =
  /^\s*(?:[a-z%]+\s+){0,3}?(?:(?:in|during|for|by|since)\s+(?:the\s+)?(?:(?:19|20)\d\d|same|previous|prior|last|first|second|third|fourth)\b|(?:a|the|one|last)\s+(?:year|decade|month|quarter)\b|(?:previously|earlier|before|ago)\b)/i
const months =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)'
const monthAfter = new RegExp(
  `^\\s*(?:[a-z%]+\\s+){0,3}?(?:in|during|for|by|since)\\s+(?:early\\s+|late\\s+|mid-)?${months}\\b`,
)
const groupPhrase =
  /^(\s*(?:[a-z%]+\s+){0,2}?(?:for|among|on|in|at|of|by)\s+)((?:the\s+)?[a-z][\w'’-]*(?:\s+[\w'’-]+){0,7}?)(?=\s*(?:[,.;)]|$))/i

/** "8.9 days for similar patients in a hospital bed": the other group a compared figure is of */
export function groupAfter(text: string, figure: Span): Phrase | undefined {
  const rest = text.slice(figure.end)
  if (earlierTime.test(rest) || monthAfter.test(rest)) return undefined
  const m = groupPhrase.exec(rest)
  if (!m || /\d/.test(m[2]!)) return undefined
  const start = figure.end + m[1]!.length
  return { text: m[2]!, start, end: start + m[2]!.length }
}

/** "13.4 million containers, up from 12.5 million in 2022": the newer figure comes first */
function changeUpFrom(pair: FigurePair): RawChange | undefined {
  const { text, a, b, years, names } = pair
  const thing =
    thingAround(text, a.start, a.end) ?? thingAfter(text, a.end) ?? thingBefore(text, a.start)
  if (!thing) return undefined
  const yb = yearOf(
    text,
    b,
    years.filter((y) => y.start > b.end),
  )
  const ya = yearOf(
    text,
    a,
    years.filter((y) => y.end <= a.start || (y.start > a.end && y.end <= b.start)),
  )
  return {
    kind: 'change',
    from: { ...strip(b), year: yb },
    to: { ...strip(a), year: ya },
    thing,
    owner: ownerAfter(text, thing.end, names) ?? subjectBefore(text, a.start, names),
    pronoun: pronounSubject(text, a.start),
    at: { start: a.start, end: b.end },
    ...changeStatement(pair, a.start),
  }
}

/** "from 193 to 653", "from 170 million in 1978 to 750 million in 2015" */
function changeFromTo(
  pair: FigurePair,
  lead: string,
  span: [number, number] | undefined,
): RawChange | undefined {
  const { text, a, b, years, names } = pair
  const fromStart = a.start - (lead.length - lead.search(/from\s+$/i))
  const thing = thingBefore(text, fromStart)
  if (!thing) return undefined
  const ya =
    yearOf(
      text,
      a,
      years.filter((y) => y.start > a.end && y.end <= b.start),
    ) ?? span?.[0]
  const yb =
    yearOf(
      text,
      b,
      years.filter((y) => y.start > b.end),
    ) ?? span?.[1]
  const from = { ...strip(a), year: ya }
  const to = { ...strip(b), year: yb }
  if (a.unit === 'money' && !to.currency) to.currency = a.currency
  return {
    kind: 'change',
    from,
    to,
    ...ownedThing(text, thing, subjectBefore(text, thing.start, names), names),
    pronoun: pronounSubject(text, thing.start),
    at: { start: a.start, end: b.end },
    ...changeStatement(pair, fromStart),
  }
}

/**
 * "the number of virtual ward beds at Riverside rose from 120 to 640": with no subject before it, the name that
 * closes the thing owns it, and the thing ends before it ("virtual ward beds")
 */
function ownedThing(
  text: string,
  thing: Phrase,
  subject: Name | undefined,
  names: Name[],
): { thing: Phrase; owner?: Name } {
  if (subject) return { thing, owner: subject }
  const name = names.find((n) => n.end === thing.end && n.start > thing.start)
  const prep = name && /\s+(?:at|of|by)\s+(?:the\s+)?$/i.exec(text.slice(thing.start, name.start))
  if (!name || !prep) return { thing }
  const end = thing.start + prep.index
  return { thing: { text: text.slice(thing.start, end), start: thing.start, end }, owner: name }
}

/** before/after pairs of neighbouring figures; the figures they use are added to `used` */
function readChanges(
  text: string,
  values: Figure[],
  years: Figure[],
  names: Name[],
  used: Set<Figure>,
  words?: RelationWords,
): RawChange[] {
  const span = period(text, years)
  const out: RawChange[] = []
  for (let i = 0; i + 1 < values.length; i++) {
    const pair: FigurePair = { text, a: values[i]!, b: values[i + 1]!, years, names, words }
    const { a, b } = pair
    const between = text.slice(a.end, b.start)
    const lead = text.slice(Math.max(0, a.start - 6), a.start)
    let change: RawChange | undefined
    if (
      /^[^.;]{0,60}?,?\s*(?:up|down|rising|falling|compared)\s+(?:from|with)\s+$/i.test(between)
    ) {
      // "6.2 days ..., compared with 8.9 days for similar patients": two groups, not a change over time
      if (/compared\s+with\s+$/i.test(between) && groupAfter(text, b)) continue
      change = changeUpFrom(pair)
    } else {
      if (!/\bfrom\s+$/i.test(lead) || !/^\s*(?:in\s+\d{4}\s*)?(?:,\s*)?to\s*$/i.test(between))
        continue
      // "from 11 to 13 June" are days, not a change
      if (/^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(text.slice(b.end)))
        continue
      change = changeFromTo(pair, lead, span)
    }
    if (!change) continue
    out.push(change)
    used.add(a).add(b)
  }
  return out
}

/** what a lone figure counts, and the noun it belongs to in a list of figures */
function figureThing(
  text: string,
  figure: Figure,
  previous: RawQuantity | undefined,
  inherited: Inherited | undefined,
): { thing?: Phrase; subjectNoun?: Phrase } {
  const before = text.slice(0, figure.start)
  let thing: Phrase | undefined
  let subjectNoun: Phrase | undefined
  // "the 508m tall Kestrel 101 Tower": the dimension is the thing measured, the name after it its owner
  const dimension = figure.unit === 'measure' ? dimensionAfter.exec(text.slice(figure.end)) : null
  // "her salary rose to $4m": the noun after the possessive
  const possessive = possessed(before)
  if (dimension) {
    const start = figure.end + dimension[0].length - dimension[1]!.length
    thing = { text: dimension[1]!, start, end: start + dimension[1]!.length }
  } else if (possessive) thing = possessive
  else if (figure.unit === 'count')
    thing = thingAfter(text, figure.end) ?? thingAround(text, figure.start, figure.end)
  else if (figure.unit === 'duration') thing = thingAfter(text, figure.end)
  else thing = thingAround(text, figure.start, figure.end) ?? thingAfter(text, figure.end)
  thing ??= subjectNounBefore(text, figure.start)
  // "Natural gas supplied 21%, coal 11%, and hydropower the remaining 16%": the noun before, the thing before
  const listed = listedNoun.exec(before)
  const lead = leadingNoun.exec(before)
  // a thing from an earlier sentence has no place in this one: it sits at the figure
  const carried =
    previous?.quantity.unit === figure.unit
      ? previous.thing
      : inherited?.unit === figure.unit
        ? { text: inherited.thing.text, start: figure.end, end: figure.end }
        : undefined
  if (
    listed &&
    isNoun(listed[1]!) &&
    previous &&
    previous.quantity.unit === figure.unit &&
    (!thing || thing === previous.thing)
  ) {
    subjectNoun = phraseAt(listed, 1)
    thing = previous.thing
  } else if (lead && isNoun(lead[1]!) && !thing && carried) {
    // "Trucks still moved 58%": the sentence's own subject, the thing of the figures before it
    subjectNoun = phraseAt(lead, 1)
  }
  if (!thing && figure.unit === 'percent' && carried) thing = carried
  if (!thing && figure.unit === 'measure' && figure.measure)
    thing = { text: figure.measure, start: figure.end - figure.measure.length, end: figure.end }
  if (!thing && figure.unit === 'money') thing = moneyPurpose(text, figure, before)
  return { thing, subjectNoun }
}

/** "invests RMB 100 million per year in constructing smart city": the verb and its purpose */
function moneyPurpose(text: string, figure: Figure, before: string): Phrase | undefined {
  const purpose =
    /^\s*(?:(?:per|a|each|every)\s+\w+\s+)?(?:in|on|for|to)\s+((?:[a-z][\w-]*\s?){1,5})/i.exec(
      text.slice(figure.end),
    )
  // "makes up to £560,000": the verb before the figure's own qualifier
  const verb = /(\b[a-z]+s|\b[a-z]+ed)\s*(?:up\s+to\s+)?$/i.exec(before)
  const words = [verb?.[1], purpose?.[1]?.trim()].filter(Boolean).join(' ')
  return words ? { text: words, start: figure.start, end: figure.end } : undefined
}

// "as she earned $12.5m", "he had spent about": the pronoun is the subject of the verb the figure follows
const personSubject =
  /\b(he|she)\s+(?:(?:also|now|still|then|later|only|reportedly|has|had|have|will|would)\s+)*[a-z]+\s+(?:(?:a|an|the|about|some|nearly|almost|over|more|than|at|least|up|to|total|of|record)\s+)*$/i

// "his salary rose to £80,000", "her fees totalled $4m", "his income of up to £90,000": the owner a possessive before the figure's noun says
const personPossessive =
  /\b(his|her)\s+((?:[a-z'’-]+\s+){0,2}[a-z'’-]+)\s+(?:was|were|is|are|has|had|rose|fell|grew|totalled|totaled|reached|hit|came to|amounted to|stood at|of)\s+(?:(?:to|at|by|about|some|nearly|almost|over|more than|up to|a|an|the)\s+)*$/i

/** "his declared income of up to £90,000": the noun the possessive says, the thing of the figure */
function possessed(before: string): Phrase | undefined {
  const m = personPossessive.exec(before)
  if (!m) return undefined
  const start = m.index + m[0].indexOf(m[2]!, m[1]!.length)
  return { text: m[2]!, start, end: start + m[2]!.length }
}

/** "..., as she earned", "his pay rose to": he, she, his or her right before the figure's verb, in its clause */
export function personBefore(text: string, before: number): Found<string> | undefined {
  const head = text.slice(0, before)
  const m = personSubject.exec(head) ?? personPossessive.exec(head)
  if (!m) return undefined
  return { value: m[1]!.toLowerCase(), span: { start: m.index, end: m.index + m[1]!.length } }
}

/** whose figure it is: a name after the thing or the figure, the subject before, or a pronoun */
function figureOwner(
  text: string,
  figure: Figure,
  thing: Phrase,
  subjectNoun: Phrase | undefined,
  names: Name[],
  last: RawQuantity | RawChange | undefined,
): { owner?: Name; pronoun?: string; person?: Found<string> } {
  const person = personBefore(text, figure.start)
  if (person) return { person }
  // "the 508m tall Kestrel 101 Tower": the name the dimension is said before
  const measured =
    figure.unit === 'measure' && thing.start >= figure.end && dimensionAfter.test(thing.text)
      ? names.find((n) => n.start === thing.end + 1)
      : undefined
  if (measured) return { owner: measured }
  // "2.8% of the European market": the name inside the thing's own "of" phrase is not its owner
  const thingAfterFigure = thing.start >= figure.end && thing.start - figure.end < 12
  const owner = subjectNoun
    ? undefined
    : (ownerAfter(text, thing.end, names) ??
      (thingAfterFigure ? undefined : ownerAfter(text, figure.end, names)) ??
      subjectBefore(text, figure.start, names))
  const pronoun = owner || subjectNoun ? undefined : pronounSubject(text, figure.start)
  // "shipped 86,000 chargers ..., and now employs 1,450 people": a second verb shares the subject
  const sharesSubject =
    last &&
    /(?:,\s*|\s)(?:and|but)\s+(?:now\s+|also\s+|still\s+)?[a-z]+s\s+(?:about\s+|some\s+|nearly\s+)?$/.test(
      text.slice(last.at.end, figure.start),
    )
  if (!owner && !pronoun && !subjectNoun && last && sharesSubject)
    return { owner: last.owner, pronoun: last.pronoun }
  return { owner, pronoun }
}

/** the relation and qualifier of a lone figure; a compared figure shares the verb of the one it is set against */
function figureStatement(
  words: RelationWords | undefined,
  text: string,
  figure: Figure,
  previous: RawQuantity | undefined,
): RawStatement {
  if (!words) return {}
  const qualifier = qualifierOf(words, text, figure)
  if (qualifier?.value !== 'compared')
    return { relation: relationBefore(words, text, figure.start), qualifier }
  // "compared with 22% in 2018" is the same owner's earlier figure, not another group's
  const group = groupAfter(text, figure)
  return group
    ? { relation: previous?.relation, qualifier, group }
    : { relation: previous?.relation }
}

/** `words`: the relation table; without it figures carry no relation or qualifier */
export function readQuantities(
  text: string,
  names: Name[],
  inherited?: Inherited,
  words?: RelationWords,
): (RawQuantity | RawChange)[] {
  const figures = findFigures(text)
  const years = figures.filter((f) => f.unit === 'year')
  const values = figures.filter((f) => f.unit !== 'year')
  const used = new Set<Figure>()
  const out: (RawQuantity | RawChange)[] = readChanges(text, values, years, names, used, words)
  let previous: RawQuantity | undefined
  for (const figure of values) {
    if (used.has(figure)) continue
    const statement = figureStatement(words, text, figure, previous)
    const compared = statement.qualifier?.value === 'compared'
    const found = figureThing(text, figure, previous, inherited)
    // "against 8.9 on hospital wards": the word before a compared figure is no noun it belongs to
    const subjectNoun = compared ? undefined : found.subjectNoun
    const thing = found.thing ?? (compared ? previous?.thing : undefined)
    if (!thing) continue
    const { owner, pronoun, person } = compared
      ? {}
      : figureOwner(text, figure, thing, subjectNoun, names, out.at(-1))
    const raw: RawQuantity = {
      kind: 'quantity',
      quantity: { ...strip(figure), year: yearOf(text, figure, years) },
      thing,
      owner,
      pronoun,
      person,
      subjectNoun,
      verb: verbBefore(text.slice(0, figure.start)),
      rate: ratePattern.exec(text.slice(figure.end))?.[0].trim(),
      at: { start: figure.start, end: figure.end },
      ...statement,
    }
    out.push(raw)
    previous = raw
  }
  out.push(...yearEvents(text, years, names, used))
  return out
}

const yearPrep = new RegExp(
  `\\b(?:in|since|by|until|till|before|after|from|during|through|around)\\s+(?:the\\s+(?:end|start|beginning|middle)\\s+of\\s+)?(?:early\\s+|late\\s+|mid-?)?(?:${months}\\s+)?$`,
  'i',
)

/** "founded in 2011", "will not be complete before 2029": a year and what happened in it */
function yearEvents(
  text: string,
  years: Figure[],
  names: Name[],
  used: Set<Figure>,
): RawQuantity[] {
  const out: RawQuantity[] = []
  for (const year of years) {
    if (used.has(year)) continue
    const before = text.slice(0, year.start)
    const prep = yearPrep.exec(before)
    if (!prep) continue
    // the clause that ends at the year: back to a comma, semicolon or sentence start, at most 12 words
    const clause = before.slice(0, prep.index)
    // a comma that ends a clause, not one inside "9,400"
    const cut = Math.max(
      clause.search(/,\s(?!.*,\s)/),
      clause.lastIndexOf(';'),
      clause.lastIndexOf('“'),
      clause.lastIndexOf(' – '),
    )
    let start = cut + 1
    let words = clause.slice(start)
    const tokens = words.trim().split(/\s+/)
    if (tokens.length > 12) {
      const drop = tokens.slice(0, tokens.length - 12).join(' ')
      start += words.indexOf(drop) + drop.length
      words = clause.slice(start)
    }
    const lead = /^\s*/.exec(words)![0].length
    const phrase = words.trim()
    if (!/[a-z]/i.test(phrase)) continue
    const thing = { text: phrase, start: start + lead, end: start + lead + phrase.length }
    const owner =
      subjectBefore(text, thing.start + 1, names) ??
      names.find(
        (n) =>
          n.start >= thing.start &&
          n.end <= thing.end &&
          /^\s+(?:was|is|has|had|will|plans)/.test(text.slice(n.end)),
      )
    out.push({
      kind: 'quantity',
      quantity: {
        ...strip(year),
        display: text.slice(prep.index, year.end).replace(/\s+/g, ' ').trim(),
        year: year.value,
      },
      thing,
      owner,
      pronoun: owner ? undefined : pronounSubject(text, year.start),
      at: { start: prep.index, end: year.end },
    })
  }
  return out
}
