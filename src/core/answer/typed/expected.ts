/** What kind of answer a question asks for, read from its opening words and the noun it asks after. */
import type { AnswerType, AnswerTypeDef } from '../../nlu/language'

// the words a "what ..." phrase runs up to: "what [large city] is ..."
const clauseStart = new Set([
  'is',
  'was',
  'are',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'may',
  'might',
  'must',
  'of',
  'in',
  'on',
  'for',
  'to',
  'by',
  'at',
  'from',
  'with',
  'that',
  'which',
  'who',
  'made',
  'became',
])
// a verb said in the past ("said", "supplied", "installed"; not "speed"), where a noun phrase ends
const pastVerb = /^(?:said|says|told|[a-z]+[^e]ed)$/

// "what kind of ...": the noun after "of" is the one asked for
const kindWords = new Set(['kind', 'type', 'sort', 'form', 'group', 'class', 'category'])

/** the noun a "what"/"which" phrase asks for: "what large city" -> "city", "what kind of bird" -> "bird" */
export function askedNounOf(words: string[]): string | undefined {
  let at = words.findIndex((w) => w === 'what' || w === 'which')
  if (at === -1) return undefined
  // "what is the population of ...", "what was Acme's net income": the noun after the copula (and its
  // article) is the one asked for
  if (/^(?:is|was|are|were)$/.test(words[at + 1] ?? ''))
    at += /^(?:the|a|an|its|their)$/.test(words[at + 2] ?? '') ? 2 : 1
  let noun: string | undefined
  for (let i = at + 1; i < Math.min(words.length, at + 5); i++) {
    const w = words[i]!
    if (w === 'of' && noun && kindWords.has(noun)) continue
    if (clauseStart.has(w)) break
    noun = w
  }
  return noun
}

function words(question: string): string[] {
  return question
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9-]+/)
    .filter(Boolean)
}

const leadIns = new Set([
  'and',
  'so',
  'then',
  'but',
  'also',
  'now',
  'well',
  'ok',
  'okay',
  'in',
  'on',
  'at',
  'by',
  'during',
  'after',
  'before',
  'since',
  'of',
  'for',
  'from',
  'to',
  'until',
])

const singular = (w: string) =>
  w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w

/** where the words that may name the asked noun start: after "what"/"which" (at), or after an owner said
 * with a possessive after a copula, whose, not what, is asked ("what was the Ministry of Finance's net
 * income"); right after "which" the possessive is what is asked ("which country's team won") */
function nounStart(question: string, ws: string[], at: number): number {
  if (!/^(?:is|was|are|were)$/.test(ws[at + 1] ?? '')) return at + 1
  const what = question.search(/\b(?:what|which)\b/i)
  const possessive = /[’']s?(?![a-z])/i.exec(question.slice(what))
  if (!possessive || possessive.index > 80) return at + 1
  return Math.max(at + 1, words(question.slice(0, what + possessive.index)).length)
}

// "who is Marta Quintal?": a person named in full is asked to be described, not named
const whoIsName = /^\s*[Ww]ho\s+(?:is|was|are|were)\s+(?:[A-Z][\w'’.-]*\s*){1,4}\??\s*$/

/** the first answer type's opening phrase the question starts with ("what share", after a short lead-in
 * such as "and", "so" or "in 1990") */
export function openingOf(
  question: string,
  defs: AnswerTypeDef[],
): { def: AnswerTypeDef; start: string } | undefined {
  const text = ` ${words(question).join(' ')} `
  const opening = (start: string) => {
    const at = text.indexOf(` ${start} `)
    if (at === -1) return false
    const lead = text.slice(0, at).trim().split(' ').filter(Boolean)
    return lead.length <= 3 && lead.every((w) => leadIns.has(w) || /^\d+$/.test(w))
  }
  for (const def of defs) {
    const start = def.starts.find(opening)
    if (start) return { def, start }
  }
  return undefined
}

/** the first answer type whose opening phrase or asked noun fits; "description" when nothing does */
export function expectedType(question: string, defs: AnswerTypeDef[]): AnswerType {
  if (whoIsName.test(question)) return 'description'
  const ws = words(question)
  const noun = askedNounOf(ws)
  const opened = openingOf(question, defs)
  // "what" and "which" defer to the noun they ask after, or the verb they end on
  if (opened && opened.def.type !== 'description') return opened.def.type
  // "which company supplied ...": the first of the next words that is a noun some answer type asks by
  const at = ws.findIndex((w) => w === 'what' || w === 'which')
  const from = nounStart(question, ws, at)
  // the noun phrase ends at its verb: "which analyst said costs were ..." asks for an analyst, not a cost
  const verbAt = ws.findIndex((w, i) => i > from && (clauseStart.has(w) || pastVerb.test(w)))
  const near =
    at === -1 ? [] : ws.slice(from, verbAt === -1 ? from + 3 : Math.min(from + 3, verbAt))
  for (const word of noun ? [...near, noun] : near)
    for (const def of defs)
      if (def.nouns.some((n) => n === word || n === singular(word))) return def.type
  // "what does a monthly pass cost?": the question's last word may say it
  const last = ws.at(-1) ?? ''
  for (const def of defs) if (def.ends.includes(last)) return def.type
  // "which browsers are challenging it?": "which" before a noun no type knows asks for names
  if (at !== -1 && ws[at] === 'which' && noun && !clauseStart.has(ws[at + 1] ?? '')) return 'name'
  return 'description'
}
