/**
 * Which names of a document are people: a name shaped like a person's (two or three capitalised words, no
 * organisation or place word) that a title or role precedes ("analyst Rina Oduya", "Mr Oduya"), that speaks
 * ("Rina Oduya said", "said Rina Oduya"), whose given name the `genders` lexicon knows, or that a "he" or
 * "she" opening the next sentence points back to. A name the text writes with "the" is no person.
 */
import type { NamePatterns } from '../../nlu/lexicon'
import { baseName, type Name } from '../names'
import { isPersonName, roleWord } from './people'

/** one sentence as the cues see it, with the sentence after it */
export interface CueSentence {
  text: string
  names: Name[]
  next?: string
}

/** what the cues know of the document and the language */
export interface CueContext {
  patterns: NamePatterns
  /** titles said before a name: "Mr", "Dr", "Minister" (honorifics and gender titles) */
  titles: Set<string>
  /** given names whose gender the lexicon knows */
  givenNames: Set<string>
  /** names the document writes after "the" somewhere: a thing or an organisation */
  withThe: Set<string>
}

export interface PersonCue {
  id: string
  match(s: CueSentence, name: Name, cx: CueContext): boolean
}

const plainWord = /^[A-Z][a-z'’-]+$/

/** the person part after a title inside a name: "Foreign Secretary Alun Prys" -> "Alun Prys", "Mr Oduya" -> "Oduya" */
export function personPart(name: string, cx: CueContext): string | undefined {
  const words = name.split(/\s+/).map((w) => w.replace(/\.$/, ''))
  const at = words.findLastIndex((w) => cx.titles.has(w) || roleWord.test(w))
  const rest = words.slice(at + 1)
  if (at === -1 || rest.length === 0 || rest.length > 3 || !rest.every((w) => plainWord.test(w)))
    return undefined
  // "Mr Oduya" is a person, "General Motors" is not: a surname alone follows a title that is no role
  const title = words[at]!
  if (rest.length === 1 && (!cx.titles.has(title) || roleWord.test(title))) return undefined
  const part = rest.join(' ')
  return cx.patterns.organisation.test(part) || cx.patterns.notPerson.test(part) ? undefined : part
}

const titleInName: PersonCue = {
  id: 'title-in-name',
  match: (_s, name, cx) => personPart(baseName(name.text), cx) !== undefined,
}

const roleBefore = new RegExp(`(?:${roleWord.source})\\s*,?\\s+$`, 'i')

const titleBefore: PersonCue = {
  id: 'title-before',
  match: (s, name, cx) => {
    const before = s.text.slice(0, name.start)
    const last = /([A-Z][a-z]+)\.?\s+$/.exec(before)?.[1]
    return roleBefore.test(before) || (last !== undefined && cx.titles.has(last))
  },
}

const speaker: PersonCue = {
  id: 'speaker',
  match: (s, name) =>
    /^['’]?s?\s*(?:said|says|added|adds)\b/.test(s.text.slice(name.end)) ||
    /\b(?:said|says|added)\s+$/.test(s.text.slice(0, name.start)),
}

const givenName: PersonCue = {
  id: 'given-name',
  match: (_s, name, cx) => cx.givenNames.has(name.text.split(/\s+/)[0]!),
}

const pointedBack: PersonCue = {
  id: 'pointed-back',
  match: (s, name, cx) =>
    /^\s*["“]?(?:He|She|His|Her)\b/.test(s.next ?? '') &&
    s.names.filter((n) => isPersonName(n, cx.patterns)).at(-1) === name,
}

// "investment bank Merrow Lynd said", "games firm Brellco said": a kind of organisation before the name
const organisationKind =
  /\b(?:firm|maker|retailer|airline|carrier|brewer|giant|rival|studio|publisher|developer|broker|insurer|lender|chain|brand|label|bank|group|company|fund|agency|network|association)\s+$/i

/** the cues in the order they are tried; the first says what the name is */
export const personCues: PersonCue[] = [titleInName, titleBefore, speaker, givenName, pointedBack]

/** the names (without a possessive) of one document that stand for people, and their person parts */
export function personNames(sentences: CueSentence[], cx: CueContext): Set<string> {
  const out = new Set<string>()
  for (const s of sentences)
    for (const name of s.names) {
      const base = baseName(name.text)
      const part = personPart(base, cx)
      if (part) {
        out.add(base)
        if (part.includes(' ')) out.add(part)
        continue
      }
      const shaped =
        isPersonName({ ...name, text: base }, cx.patterns) &&
        !cx.withThe.has(base) &&
        !organisationKind.test(s.text.slice(0, name.start))
      if (shaped && personCues.some((cue) => cue.match(s, name, cx))) out.add(base)
    }
  return out
}
