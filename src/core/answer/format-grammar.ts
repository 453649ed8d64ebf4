/**
 * The small grammar answer sentences are built with: possessives, a subject, the mood the source
 * gives a figure (planned, expected or stated), and only the years the source gives it.
 */
import type { Language } from '../nlu/language'
import { analyze } from '../nlu/nlp'
import type { Span } from '../types'

export type Mood = 'planned' | 'expected' | 'stated'

/** "riders'", "Ampero Systems'", "Harbourline's": a name ending in s takes the apostrophe alone */
export function possessive(name: string): string {
  if (/['’]s?$/.test(name)) return name
  return /s$/i.test(name) ? `${name}'` : `${name}'s`
}

// a comma between digits ("9,400") is no break; "said", "according to" open a reporting clause
const clauseBreak = /(?<!\d),|,(?!\d)|;|:\s|\s[–—-]\s|[()“”"]/g

/** the clause of a sentence around a span: from the break before it to the break after it */
export function clauseAround(text: string, at: Span): Span {
  let start = 0
  let end = text.length
  for (const m of text.matchAll(clauseBreak)) {
    const i = m.index
    if (i + m[0].length <= at.start) start = i + m[0].length
    else if (i >= at.end) {
      end = i
      break
    }
  }
  return { start, end }
}

/** "In 2023, ...", "By the end of 2014, ...", "From 2021 to 2024, ...": a time phrase for the whole sentence */
const openingTime =
  /^[\s"“”'‘]*((?:in|by|since|during|until|from|after|before|at)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?\d{4}(?:\s+(?:to|and|until)\s+\d{4})?)\s*,/i

/** the sentence's opening time phrase and where it ends, when it has one */
export function openingTimePhrase(text: string): { phrase: string; end: number } | undefined {
  const m = openingTime.exec(text)
  return m ? { phrase: m[1]!, end: m[0].length } : undefined
}

const timePrep =
  /\b(?:in|by|since|until|till|before|after|during|through|from|around)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?$/i

/**
 * the year as the source says it for the figure at `at` ("by the end of 2025", "in 2023"), when it
 * is the figure's own: in the figure's clause, or in the sentence's opening time phrase
 */
export function ownYear(text: string, at: Span, year: number): string | undefined {
  const clause = clauseAround(text, at)
  const opening = openingTimePhrase(text)
  for (const m of text.matchAll(new RegExp(`\\b${year}\\b`, 'g'))) {
    const inClause = m.index >= clause.start && m.index < clause.end
    const inOpening = opening !== undefined && m.index < opening.end
    if (!inClause && !inOpening) continue
    const prep = timePrep.exec(text.slice(0, m.index))
    const said = prep ? prep[0].trim() : 'in'
    // said inside another sentence: "In 2023, ..." opens with a capital the answer does not need
    return `${said.charAt(0).toLowerCase()}${said.slice(1)} ${year}`
  }
  return undefined
}

function cuePattern(cues: string[]): RegExp | undefined {
  if (cues.length === 0) return undefined
  const alternatives = [...cues]
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
  // in the case written ("may", not the month "May"), or capitalised where the text starts
  const start = alternatives.map((a) => a.charAt(0).toUpperCase() + a.slice(1))
  return new RegExp(
    `(?:^|[^\\w'’])(?:${alternatives.join('|')})(?![\\w'’])|^\\s*(?:${start.join('|')})(?![\\w'’])`,
  )
}

const patterns = new WeakMap<Language['moods'], { planned?: RegExp; expected?: RegExp }>()

/** the mood of a stretch of text, from the cue words in intents/ (`moods`) */
export function moodOf(text: string, moods: Language['moods']): Mood {
  let compiled = patterns.get(moods)
  if (!compiled) {
    compiled = { planned: cuePattern(moods.planned), expected: cuePattern(moods.expected) }
    patterns.set(moods, compiled)
  }
  if (compiled.planned?.test(text)) return 'planned'
  if (compiled.expected?.test(text)) return 'expected'
  return 'stated'
}

// the parts of speech a sentence cannot open its subject with
const notSubject = new Set(['VERB', 'AUX', 'ADP', 'PART', 'SCONJ', 'CCONJ', 'PUNCT', 'INTJ'])
const subjectWords = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'DET', 'ADJ', 'SYM'])

/** a sentence opens with its subject and has a verb: not "Was launched in 2017." nor "Up from 31,000 in 2020." */
export function hasSubject(sentence: string): boolean {
  // "By the end of 2014, 500+ cities had ...": the subject comes after the opening time phrase
  const rest = sentence.slice(openingTimePhrase(sentence)?.end ?? 0).trim()
  // read in lower case, so wink does not take "Plans" or "Due" for a name; "Walter Fang" stays one
  const named = analyze(rest).slice(0, 2)
  const asName = named.length === 2 && named.every((t) => t.pos === 'PROPN')
  const words = analyze(asName ? rest : rest.charAt(0).toLowerCase() + rest.slice(1)).filter(
    (t) => t.pos !== 'PUNCT' || /\w/.test(t.text),
  )
  const [first, second] = words
  if (!first || !second || subordinators.test(first.lower)) return false
  // "Nearly a third of the network", "Only 16% of women": an adverb before the noun phrase;
  // "Total generation", not "Due to start": an adjective before its noun
  // "Plans to convert Saltmarsh": a noun before "to" and a verb is a verb without its subject
  const verbPhrase = first.pos === 'NOUN' && second.pos === 'PART' && words[2]?.pos === 'VERB'
  const opens = verbPhrase
    ? false
    : first.pos === 'ADV'
      ? subjectWords.has(second.pos)
      : first.pos === 'ADJ'
        ? ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(second.pos)
        : !notSubject.has(first.pos)
  // a verb after the subject and before the last word: "An 82% jump on 2003 figures" has none
  const verb = words.findIndex(
    (t, i) => i > 0 && i < words.length - 1 && (t.pos === 'VERB' || t.pos === 'AUX'),
  )
  return opens && verb > 0
}

/** words that open a dependent clause, never a sentence's subject */
const subordinators =
  /^(?:when|where|while|whilst|because|although|though|if|unless|since|whereas|than|as|which|who|whose|that)$/

/** a connective that ties the sentence to the one before: "However, ", "But " */
export const connective =
  /^(?:\s|["“”'‘’])*(?:(?:however|meanwhile|nevertheless|nonetheless|in addition|even so|still|also|instead|indeed|though|yet|as such|as a result|in total),\s*|(?:and|but|so|which|who|that|while|whereas)\s+)/i

/** a clause or sentence as an answer of its own: no leading connective or quote mark, capitalised, a full stop */
export function asSentence(text: string): string {
  const body = text
    .replace(connective, '')
    .replace(/^[\s"“”'‘’]+|[\s"“”,;:–—-]+$/g, '')
    .replace(/\s+/g, ' ')
  const closed = /[.!?]$/.test(body) ? body : `${body}.`
  return closed.charAt(0).toUpperCase() + closed.slice(1)
}

/** a pronoun or "the company" at the start of a clause, which the owner's name can stand for */
export const pronounStart =
  /^(?:it(?!['’])|its|the\s+(?:company|firm|group|authority|organi[sz]er|utility|operator|bank|brewer|city|council|ministry|government))\b/i

/** a clause that opens with "which", "who" or "that" is about the noun before it, not the owner */
export const relativeStart =
  /^(?:\s|["“”'‘’])*(?:(?:of|for|in|from|to|by|with) )?(?:which|whom|who|that)\s/i

const irregularPlurals = new Set(['people', 'staff', 'men', 'women', 'children', 'police', 'data'])

/** "the number of cities was", "the people were": the verb "be" agreeing with a thing phrase */
export function be(thing: string, tense: 'present' | 'past'): string {
  // the noun that heads the phrase: the last noun before a preposition or a verb
  const tokens = analyze(thing.toLowerCase())
  const cut = tokens.findIndex((t, i) => i > 0 && ['ADP', 'SCONJ', 'VERB', 'AUX'].includes(t.pos))
  const head = (cut > 0 ? tokens.slice(0, cut) : tokens)
    .filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
    .at(-1)?.lower
  const plural =
    !/^the number\b|^number\b/i.test(thing) &&
    head !== undefined &&
    (irregularPlurals.has(head) || (/[^s]s$/.test(head) && !/(?:ss|us|is)$/.test(head)))
  if (tense === 'past') return plural ? 'were' : 'was'
  return plural ? 'are' : 'is'
}
