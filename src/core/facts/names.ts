/** Finds proper names in text: runs of capitalised words and acronyms, joined by "of", "and", "for" and "&". */
import type { Span } from '../types'

export interface Name extends Span {
  text: string
}

// capitalised words that open sentences or clauses without naming anything
const notNames = new Set(
  `the a an in on at among by from speaking this that these those it its their there according over under with as for and
  but meanwhile however last next since when while after before during his her our we they he she despite although
  compared neither both each every between within until some many most all what which who where why how if then today yesterday also
  such other another more less one two three four five six seven eight nine ten first second third new is are was
  were will would can could should may might has have had do does did not no yes so thus therefore indeed`.split(
    /\s+/,
  ),
)

const word =
  "(?:[A-Z][A-Za-z0-9]*(?:['’][A-Za-z]+)?(?:-[A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z]{2,}[a-z]?)"
const suffix = String.raw`(?:\s\((?:Group|Holdings|China|International)\))?(?:\s(?:Co|Corp|Inc|Ltd|LLC|PLC|AG|SA|GmbH)\.?)?(?:\s(?:19|20)\d\d\b)?`
// "Kestrel 101 Tower": a number of up to three digits between two capitalised words is part of the name
const modelNumber = String.raw`\d{1,3}(?:\.\d+)?\s${word}`
const nameRun = new RegExp(
  String.raw`${word}(?:\s(?:(?:of|and|for|&|de|the|on|in)\s){0,2}${word}|\s${modelNumber})*${suffix}`,
  'g',
)

/** trims connector words off the ends and splits off sentence-opening words */
function tidy(text: string, start: number): Name | undefined {
  let words = text.split(' ')
  let offset = start
  // "In 12 Cities": a number that opens the run after its opener belongs to no name
  while (words.length > 0 && (notNames.has(words[0]!.toLowerCase()) || /^\d/.test(words[0]!))) {
    offset += words[0]!.length + 1
    words = words.slice(1)
  }
  while (words.length > 0 && /^(?:of|and|for|&|de|the|on|in)$/.test(words.at(-1)!))
    words = words.slice(0, -1)
  // "In 2021" is a date, not a name
  if (words.length === 0 || words.every((w) => /^\d+$/.test(w))) return undefined
  const out = words.join(' ')
  return { text: out, start: offset, end: offset + out.length }
}

// words that end a place or organisation name, or start a new one
const nameEnds =
  /(?:Delta|Region|River|Zone|Province|City|Bureau|Ministry|Commission|Agency|Council|Authority|Group|Co\.?|Corp\.?|Inc\.?|Ltd\.?|Port|Airport|University|Institute|Company|Administration|Department)$/
const nameStarts =
  /^(?:Ministry|Bureau|Department|Commission|National|State|Port|City|University|Agency)\b/

/** "Yangtze River Delta and the Pearl River Delta" is two names; "Bureau of Surveying and Mapping" is one */
function splitAnd(name: Name, inList = false): Name[] {
  const parts = name.text.split(/ and (?:the )?/)
  if (parts.length === 1) return [name]
  const out: Name[] = []
  let current = parts[0]!
  let from = name.start
  let cursor = name.start + current.length
  for (const part of parts.slice(1)) {
    const joiner = name.text.slice(cursor - name.start).match(/^ and (?:the )?/)![0]
    const apart =
      joiner.endsWith('the ') ||
      nameEnds.test(current) ||
      /^[A-Z]{2,}$/.test(current) ||
      /^[A-Z]{2,}$/.test(part) ||
      nameStarts.test(part)
    // "Meridian and Saltmarsh": two one-word names are two names
    const single = !current.includes(' ') && !part.includes(' ')
    if (apart || single || inList) {
      out.push({ text: current, start: from, end: from + current.length })
      from = cursor + joiner.length
      current = part
    } else {
      current = `${current}${joiner}${part}`
    }
    cursor += joiner.length + part.length
  }
  out.push({ text: current, start: from, end: from + current.length })
  return out
}

/**
 * a numbered name is its own: "Kestrel 101 Tower in Valmora" ends before "in" or "on", and "Valmora's
 * Kestrel 101 Tower" is Valmora's and the Kestrel 101 Tower
 */
function splitNumbered(name: Name): Name[] {
  const m = /^(?:(\S+['’]s) )?(\S.*? \d[\d.]* \S+?)(?: (?:in|on) (\S.*))?$/.exec(name.text)
  if (!m || (!m[1] && !m[3])) return [name]
  const part = (text: string, from: number): Name => ({
    text,
    start: name.start + from,
    end: name.start + from + text.length,
  })
  const own = m[1] ? m[1].length + 1 : 0
  return [
    ...(m[1] ? [part(m[1], 0)] : []),
    part(m[2]!, own),
    ...(m[3] ? [part(m[3], name.text.length - m[3].length)] : []),
  ]
}

export function findNames(text: string): Name[] {
  const names: Name[] = []
  for (const m of text.matchAll(nameRun)) {
    const name = tidy(m[0], m.index)
    if (!name) continue
    // a sentence that opens with a verb form is not opening with a name: "Encouraging next generation ..."
    if (name.start === 0 && !name.text.includes(' ') && /(?:ing|ed|ly)$/.test(name.text)) continue
    // in a comma list ("Riverside, Old Town and Airport Loop") every "and" separates two names
    const inList = /,\s*$/.test(text.slice(0, name.start)) || /^,/.test(text.slice(name.end))
    names.push(...splitAnd(name, inList).flatMap(splitNumbered))
  }
  return names
}

/** the possessive or plural "China’s" reads as "China" */
export function baseName(name: string): string {
  return name.replace(/['’]s$/, '').trim()
}
