/** Reads the phrase a figure counts ("smart city pilots") and the owner it belongs to ("of MIIT", "Wuxi City invests"). */
import type { Name } from './names'

export interface Phrase {
  text: string
  start: number
  end: number
}

const stopAfter = new Set(
  `of for in at by from to per with on across into under over than as had has have is are was were will would
  can could which that who where when while and or but a an the its their his her this these those each every
  been being be do does did said says announced reached made across since until during including such`.split(
    /\s+/,
  ),
)

/** the words right after a figure that say what it counts: "286 smart city pilots of ..." -> "smart city pilots" */
export function thingAfter(text: string, from: number): Phrase | undefined {
  const rest = text.slice(from)
  const words = /^\s*(?:[“"‘']?)((?:[A-Za-z][\w’'&-]*[”"’']?\s*){1,8})/.exec(rest)
  if (!words) return undefined
  const lead = words[0].length - words[1]!.length
  const tokens = words[1]!.split(/\s+/).filter(Boolean)
  const kept: string[] = []
  for (let i = 0; i < tokens.length && kept.length < 6; i++) {
    const bare = tokens[i]!.replace(/[”"’',;:.]+$/, '')
    if (stopAfter.has(bare.toLowerCase())) {
      // "pilots for Information benefits of NDRC": a short "for ..." still describes the thing
      if (bare === 'for' && kept.length > 0 && tokens.slice(i + 1, i + 4).some((t) => t === 'of')) {
        kept.push(bare)
        continue
      }
      break
    }
    kept.push(bare)
    if (/[”",;:.]$/.test(tokens[i]!)) break
  }
  while (kept.length > 0 && (kept.at(-1) === 'for' || kept.at(-1) === '')) kept.pop()
  if (kept.length === 0) return undefined
  const phrase = kept.join(' ')
  const start =
    from + lead + (rest.slice(lead).startsWith('“') || /^["‘']/.test(rest.slice(lead)) ? 1 : 0)
  const at = text.indexOf(phrase.split(' ')[0]!, from)
  const begin = at >= 0 ? at : start
  return { text: phrase, start: begin, end: begin + phrase.length }
}

const changeVerb =
  /\s*(?:(?:has|have|had)\s+)?(?:been\s+)?(?:more than\s+)?(?:increased|increase|grown|grew|risen|rose|climbed|jumped|fallen|fell|declined|dropped|decreased|gone up|went up|expanded|doubled|surged|soared|shrunk|shrank|reduced|changed|climbed)\s*(?:by\s+[\w.%,]+\s*)?$/i

/** the subject before "has increased from A to B": "the number of cities" -> "cities" */
export function thingBefore(text: string, before: number): Phrase | undefined {
  const head = text.slice(0, before)
  const verb = changeVerb.exec(head)
  const end = verb ? verb.index : head.replace(/\s+$/, '').length
  const clause = head.slice(0, end)
  const cut = Math.max(
    clause.lastIndexOf(','),
    clause.lastIndexOf(' and '),
    clause.lastIndexOf(';'),
    clause.lastIndexOf('“'),
  )
  let start = cut < 0 ? 0 : cut + (clause.startsWith(' and ', cut) ? 5 : 1)
  let phrase = clause.slice(start)
  const lead =
    /^\s*(?:(?:while|whereas|but|and)\s+)?(?:(?:the|a|an|its|their)\s+)?(?:(?:total\s+)?number\s+of\s+|amount\s+of\s+|share\s+of\s+)?(?:the\s+)?/i.exec(
      phrase,
    )
  if (lead) {
    start += lead[0].length
    phrase = phrase.slice(lead[0].length)
  }
  // "weekly deep-sea services calling at its quays" is about "weekly deep-sea services"
  phrase = phrase.split(/\s+(?:\w+ing|that|which|who)\s+(?:at|in|on|to|from|for)\b/)[0]!.trimEnd()
  const words = phrase.split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 6) return undefined
  return { text: phrase, start, end: start + phrase.length }
}

/** "a population of 18%" -> "population"; "2.8% of the land area" -> "land area" */
export function thingAround(
  text: string,
  figureStart: number,
  figureEnd: number,
): Phrase | undefined {
  const before = /([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,2})\s+of\s+$/.exec(
    text.slice(0, figureStart),
  )
  if (before) {
    // keep the words after the last determiner or verb: "has a population" -> "population"
    const words = before[1]!.split(' ')
    const cut = words.findLastIndex(
      (w) =>
        /^(?:a|an|the|its|their|has|have|had|is|was|with|creating|making|and)$/i.test(w) ||
        /ing$/.test(w),
    )
    const phrase = words.slice(cut + 1).join(' ')
    if (phrase && !/^(?:number|total|share|rate|level|figure|amount|out)$/i.test(phrase)) {
      const start = figureStart - before[0].length + before[1]!.length - phrase.length
      return { text: phrase, start, end: start + phrase.length }
    }
  }
  const after =
    /^\s+of\s+(?:the\s+|its\s+|their\s+)?([A-Za-z][\w-]*(?:['’]s)?(?:\s[A-Za-z][\w-]*){0,2})/.exec(
      text.slice(figureEnd),
    )
  if (after) {
    let phrase = after[1]!
    const cut = phrase.split(' ').findIndex((w) => stopAfter.has(w.toLowerCase()))
    if (cut > 0) phrase = phrase.split(' ').slice(0, cut).join(' ')
    if (cut === 0) return undefined
    const start = figureEnd + after[0].length - after[1]!.length
    return { text: phrase, start, end: start + phrase.length }
  }
  return undefined
}

/** "of Ministry of Housing ...", "by MIIT", "at Acme Corp", "for Ostra Energy" right after the thing */
export function ownerAfter(text: string, from: number, names: Name[]): Name | undefined {
  const rest = text.slice(from)
  // words, not spaces, repeat: one way to match "for Information benefits of" (no backtracking blow-up)
  const m = /^[”"’']?\s*(?:for(?:\s+\w+){1,5}?\s+)?(?:of|by|at|from|for)\s+(?:the\s+)?/i.exec(rest)
  if (!m) return undefined
  const at = from + m[0].length
  return names.find((n) => n.start === at)
}

const verbs =
  'has|have|had|runs|ran|run|operates|operated|owns|owned|invests|invested|spends|spent|handled|handles|handle|reported|reports|announced|built|builds|employs|employed|sold|sells|produced|produces|installed|opened|launched|set|plans|planned|is|was|are|were|will|recorded|counted|counts|manages|managed|added|adds|received|raised|allocated|allocates|earmarked|serves|served|attracted|welcomed|hosted|shipped|ships|delivered|generated|generates|made|makes|carried|carries|moved|moves|took|takes|supplied|supplies|holds|held|reached|reaches|bought|buys|ordered|orders|paid|pays|drew|draws|earned|earns|earning|making|shed|sheds|lost|loses|donated|donates|gave|gives|cut|cuts|represents|counts|wants|expects|now|still|also|alone'
// the name may carry an appositive: "Ostra Energy, the Aarhus-based utility that operates ..."
const subjectVerb = new RegExp(
  `^\\s*(?:,[^,]{0,80}?(?:,|\\b(?:that|which|who))\\s*)?(?:'s\\s|’s\\s)?(?:${verbs})\\b`,
  'i',
)

/** the name is the subject of the clause that follows it */
export function isSubject(text: string, name: Name): boolean {
  return startsWithVerb(text.slice(name.end, name.end + 160))
}

// after the name and an appositive: a known verb, or a word that reads as a past or present verb
const appositive = /^\s*,[^,]{0,80}?(?:,|\b(?:that|which|who)\b)/
function startsWithVerb(after: string): boolean {
  if (subjectVerb.test(after)) return true
  const rest = after.replace(appositive, '')
  return (
    /^\s+(?:now\s+|also\s+|still\s+)?[a-z]+(?:ed|es)\b/.test(rest) &&
    !/^\s+(?:based|headquartered|located|named|called)\b/.test(rest)
  )
}

/** the nearest name before the figure that acts as a subject ("Wuxi City has ... and invests RMB 100 million") */
export function subjectBefore(text: string, before: number, names: Name[]): Name | undefined {
  const candidates = names.filter((n) => n.end <= before).reverse()
  for (const name of candidates) {
    const prefix = text.slice(Math.max(0, name.start - 6), name.start)
    // "second only to Voltiq, which holds 22%": the name in a phrase is the subject of its own relative clause
    const relative = /^,\s*(?:which|who|that)\s/.test(text.slice(name.end, before))
    if (
      !relative &&
      /\b(?:in|at|to|from|of|into|near|across|than|with)\s+(?:the\s+)?$/i.test(prefix)
    )
      continue
    const between = text.slice(name.end, before)
    // a new subject in between ("..., and the company invests") takes the figure away from the name
    if (
      /(?:[,;]|\band|\bbut|\bwhile|\bwhereas)\s+(?:and\s+)?(?:the|it|they|he|she|its|their|this)\s+(?!\w+-based)/i.test(
        between.replace(/^,[^,]{0,80}?(?:,|\b(?:that|which|who))/, ''),
      )
    )
      return undefined
    if (startsWithVerb(between)) return name
  }
  return undefined
}

/** "It owns 38 wind farms", "The company, which ..., shipped 86,000": a subject that points back */
const pronoun =
  /^(?:[“"]\s*)?(it|its|they|their|he|she|the (?:company|firm|group|authority|utility|operator|cooperative|port|fair|bank|ministry|agency|city|region|organiser|organizer|union|terminal|developer|carrier|exhibition|expo))\b/i

export function pronounSubject(text: string, before: number): string | undefined {
  const clause =
    text
      .slice(0, before)
      .split(/[;:]|,\s+(?:and|but|while)\s+(?=[a-z])/)
      .at(-1) ?? ''
  // at the clause's start ("The company, which ..., shipped") or after its last comma ("..., the company is")
  const tail = clause.slice(clause.lastIndexOf(',') + 1)
  for (const part of [clause.trimStart().slice(0, 40), tail.trimStart()]) {
    const m = pronoun.exec(part)
    if (m) return m[1]!.toLowerCase()
  }
  return undefined
}

/**
 * "Its revenue reached EUR 412 million", "Total generation in the region reached 96 TWh", "Profits for the
 * year rose 20% to £4.6bn": the noun before the verb
 */
export function subjectNounBefore(text: string, before: number): Phrase | undefined {
  const head = text.slice(0, before)
  const verb =
    /\s+(?:(?:now|also|still|already|just|only|\w+ly)\s+)?(?:reached|totalled|totaled|hit|stood at|amounted to|came to|was|were|is|are|(?:rose|fell|climbed|grew|jumped|dropped|increased|decreased|declined|slipped)(?:\s+(?:by\s+)?[\d.]+%)?\s+to|(?:to\s+)?reach|(?:would|will|could|may)\s+cost|costs?)\s+(?:a\s+record\s+|about\s+|some\s+|an\s+estimated\s+|around\s+)?$/i.exec(
      head,
    )
  if (!verb) return undefined
  const clause = head.slice(0, verb.index)
  const cut = Math.max(
    clause.lastIndexOf(','),
    clause.lastIndexOf(';'),
    clause.lastIndexOf('“'),
    clause.lastIndexOf('. '),
  )
  let start = cut + 1
  let phrase = clause.slice(start)
  const lead = /^\s*(?:(?:its|their|his|her|the|a|an)\s+)?/i.exec(phrase)!
  start += lead[0].length
  phrase = phrase.slice(lead[0].length)
  // "generation in the region" -> "generation"
  phrase = phrase.split(/\s+(?:in|of|at|for|on|across|to)\s+/)[0]!.trimEnd()
  const words = phrase.split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 4 || !/^[A-Za-z]/.test(phrase)) return undefined
  return { text: phrase, start, end: start + phrase.length }
}
