/**
 * Says a quantity fact: from its fields when they make a sentence with a subject, or else the
 * figure's clause as the article says it, so a plan stays a plan and a year stays the source's.
 */
import type { Knowledge } from '../knowledge/types'
import { analyze } from '../nlu/nlp'
import { escapeRegex } from '../nlu/normalize'
import type { Fact, Quantity, QuantityFact, Span } from '../types'
import { capitalise, figure, owned } from './format-base'
import {
  asSentence,
  clauseAround,
  connective,
  hasSubject,
  moodOf,
  openingTimePhrase,
  ownYear,
  possessive,
  pronounStart,
  relativeStart,
} from './format-grammar'

/** the sentence (or list line) that states a fact, and where its figure sits in it */
export function stated(
  knowledge: Knowledge,
  fact: Fact,
  q?: Quantity,
): { text: string; at?: Span } {
  const doc = knowledge.documents.get(fact.docId)
  const text = doc ? doc.text.slice(fact.span.start, fact.span.end) : ''
  if (!q) return { text }
  const shown = q.display.trim().split(/\s+/).map(escapeRegex).join('\\s+')
  const m = new RegExp(`(?<![\\w.])${shown}(?![\\w])`).exec(text) ?? new RegExp(shown).exec(text)
  return { text, at: m ? { start: m.index, end: m.index + m[0].length } : undefined }
}

/** the time the source gives a figure, as it says it ("by the end of 2025"), or nothing */
function whenOf(source: { text: string; at?: Span }, year: number | undefined): string {
  if (year === undefined || !source.at) return ''
  const own = ownYear(source.text, source.at, year)
  return own ? ` ${own}` : ''
}

/** a thing said after a figure reads as a noun phrase: not "vans needs chargers", not "12 films took" */
export function isNounPhrase(thing: string): boolean {
  const tokens = analyze(thing).filter((t) => t.pos !== 'PUNCT')
  if (tokens.length === 0) return false
  if (tokens.some((t) => t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ')) return false
  const last = tokens.at(-1)!
  if (last.pos !== 'NOUN' && last.pos !== 'PROPN' && last.pos !== 'NUM') return false
  // "related pilots", "charging points": a participle before its noun, never "needs" or "took"
  return tokens.every(
    (t, i) =>
      t.pos !== 'VERB' ||
      (/(?:ed|ing)$/.test(t.lower) && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i + 1]?.pos ?? '')),
  )
}

/** a quantity said from its fields, when they make a sentence; undefined when they do not */
function builtQuantity(
  knowledge: Knowledge,
  fact: QuantityFact,
  source: { text: string; at?: Span },
): string | undefined {
  const q = fact.quantity
  const owner = owned(knowledge, fact)
  const when = whenOf(source, q.year)
  const rate = fact.rate ? ` ${fact.rate}` : ''
  const thing = fact.thing.replace(/^["“”]|["“”]$/g, '')
  // "14.2 million TEU" already says what it counts
  const counted =
    q.unit === 'measure' && q.measure && thing.toLowerCase() === q.measure.toLowerCase()
      ? ''
      : // "14,600 kilometres of high-voltage lines"
        /^\s+of\s/.test(source.text.slice(source.at?.end ?? 0))
        ? ` of ${thing}`
        : ` ${thing}`
  // a dated event reads as its own clause: "The company's first container berth opened in 1968."
  if (q.unit === 'year') {
    // "which was founded" after "The company": say the company, then what happened
    const clause = thing
      .replace(/^[,;:\s]+|[,;:\s]+$/g, '')
      .replace(/^(?:(?:and|but|which|who|that|it|its|the company|the firm)\s+)+/i, '')
    const verbFirst = /^(?:was|were|is|are|has|have|had|will|would|can|could|[a-z]+ed)\b/.test(
      clause,
    )
    if (verbFirst) return owner ? `${capitalise(owner)} ${clause} ${q.display}.` : undefined
    return `${capitalise(clause)} ${q.display}.`
  }
  if (!fact.verb || !ownerDoes(source, fact.verb, owner)) return undefined
  if (q.unit === 'percent') {
    if (!owner || !isNounPhrase(thing)) return undefined
    const of = /^[A-Z]{2,}/.test(thing) || /['’]s\b/.test(thing) ? thing : `the ${thing}`
    return `${capitalise(owner)} ${fact.verb} ${figure(q)} of ${of}${when}.`
  }
  if (q.unit === 'money')
    return owner ? `${capitalise(owner)} ${fact.verb} ${figure(q)}${rate}${when}.` : undefined
  if (q.unit === 'duration' || !owner || !isNounPhrase(thing)) return undefined
  return `${capitalise(owner)} ${fact.verb} ${figure(q)}${counted}${when}.`
}

/** the owner is who does the verb: "Harbourline spends", "The company holds", not "Its revenue reached" */
function ownerDoes(source: { text: string; at?: Span }, verb: string, owner: string): boolean {
  if (!source.at || !owner) return false
  // "Inland barges 11%": the noun read as a verb is the owner's own last word
  if (owner.toLowerCase().endsWith(verb.toLowerCase())) return false
  const before = source.text.slice(0, source.at.start)
  const at = before.lastIndexOf(verb)
  if (at < 0) return true
  const word = /([\w'’-]+)\s+(?:(?:now|also|still|alone|already|then|together)\s+)*$/.exec(
    before.slice(0, at),
  )?.[1]
  return (
    word === undefined ||
    /^[A-Z0-9]/.test(word) ||
    /^(?:it|they|which|that|who|company|firm|group|authority|utility|operator|and)$/i.test(word)
  )
}

/** a figure stated without a verb ("286 smart city pilots of MOHURD"): the owner has it, or there are that many */
function listedQuantity(
  knowledge: Knowledge,
  fact: QuantityFact,
  source: { text: string; at?: Span },
): string | undefined {
  const q = fact.quantity
  const thing = fact.thing.replace(/^["“”]|["“”]$/g, '')
  if (q.unit !== 'count' && q.unit !== 'measure') return undefined
  if (!isNounPhrase(thing) || (!listLine(knowledge, fact) && hasVerb(source.text))) return undefined
  const owner = owned(knowledge, fact)
  const when = whenOf(source, q.year)
  if (owner) return `${capitalise(owner)} has ${figure(q)} ${thing}${when}.`
  return `There are ${figure(q)} ${thing}${when}.`
}

/** the fact is stated by a list line ("286 smart city pilots of ..."), not prose */
function listLine(knowledge: Knowledge, fact: Fact): boolean {
  return knowledge.passageById.get(fact.passageId)?.kind === 'line'
}

/** a verb that makes a clause: not a participle before its noun ("related pilots", "charging points") */
function hasVerb(text: string): boolean {
  const tokens = analyze(text).filter((t) => t.pos !== 'PUNCT')
  return tokens.some(
    (t, i) =>
      t.pos === 'AUX' ||
      (t.pos === 'VERB' &&
        !(
          /(?:ed|ing)$/.test(t.lower) && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i + 1]?.pos ?? '')
        )),
  )
}

const personStart = /^(?:he|she|his|her)\b/i

const isPerson = (knowledge: Knowledge, fact: Fact) =>
  'ownerId' in fact &&
  fact.ownerId !== undefined &&
  knowledge.entityById.get(fact.ownerId)?.type === 'person'

/**
 * the figure's clause as the article says it, its pronoun or missing subject given the owner's
 * name: this keeps the source's tense and mood ("will install", "plans to invest") and its years
 */
function asWritten(
  knowledge: Knowledge,
  fact: Fact,
  source: { text: string; at?: Span },
  year?: number,
): string {
  const owner = owned(knowledge, fact)
  if (source.at) {
    const span = clauseAround(source.text, source.at)
    const raw = source.text.slice(span.start, span.end)
    let body = raw.replace(connective, '').trim()
    if (relativeStart.test(raw)) body = ''
    else if (owner && pronounStart.test(body))
      body = body.replace(pronounStart, (p) => (/^its$/i.test(p) ? possessive(owner) : owner))
    // "Her salary rose to $4m": a person's he, she, his or her is said as their name
    else if (owner && personStart.test(body) && isPerson(knowledge, fact))
      body = body.replace(personStart, (p) =>
        /^(?:his|her)$/i.test(p) ? possessive(owner) : owner,
      )
    else if (owner && !hasSubject(asSentence(body)) && /^[a-z]/.test(body))
      body = `${owner} ${/^[a-z]+ing\b/.test(body) ? 'is ' : ''}${body}`
    const opening = openingTimePhrase(source.text)
    if (
      opening &&
      span.start >= opening.end &&
      year !== undefined &&
      opening.phrase.includes(String(year))
    )
      body = `${opening.phrase}, ${body}`
    const sentence = body ? asSentence(body) : ''
    if (sentence && hasSubject(sentence)) return sentence
  }
  return asSentence(source.text)
}

/** "against 8.9 on hospital wards": another group's figure, said as that group's */
function sayCompared(fact: QuantityFact, source: { text: string; at?: Span }): string {
  const q = fact.quantity
  const thing = fact.thing.replace(/^["“”]|["“”]$/g, '')
  const counted = q.unit === 'count' || q.unit === 'measure' ? ` ${thing}` : ''
  const when = whenOf(source, q.year)
  return `The figure for ${fact.group} is ${figure(q)}${counted}${when}.`
}

export function sayQuantity(knowledge: Knowledge, fact: QuantityFact): string {
  const source = stated(knowledge, fact, fact.quantity)
  const at = source.at
  // a plan or an expectation anywhere in the figure's clause is said in the article's own words:
  // "will double its fleet to 3,000", "£264m for health services will be spent"
  const clause = at ? clauseAround(source.text, at) : undefined
  if (fact.qualifier === 'compared' && fact.group) return sayCompared(fact, source)
  // the extractor's qualifier says a plan or an estimate even where the clause cut round the figure misses it
  const mood =
    fact.qualifier === 'planned' || fact.qualifier === 'estimated'
      ? 'planned'
      : at && clause
        ? moodOf(source.text.slice(clause.start, clause.end), knowledge.language.moods)
        : 'stated'
  if (mood === 'stated') {
    const built = builtQuantity(knowledge, fact, source) ?? listedQuantity(knowledge, fact, source)
    if (built && hasSubject(built)) return built
  }
  return asWritten(knowledge, fact, source, fact.quantity.year)
}
