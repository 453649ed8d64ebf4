/** Reads a question: cleans and repairs it, finds entities, years, the intent by its cues, and the thing asked about. */
import type { Knowledge } from '../knowledge/pack'
import type { IntentDef } from './language'
import { findMentions, type Mention } from './mentions'
import { analyze, type Token } from './nlp'
import { cleanQuestion, nameKey } from './normalize'
import { repairWord } from './typos'

export interface Understanding {
  /** the question as asked, cleaned of tags and odd characters */
  cleaned: string
  /** the cleaned question with typos repaired */
  text: string
  tokens: Token[]
  mentions: Mention[]
  /** names the question uses that no entity answers to ("Ministry of Education", "France") */
  unknownNames: string[]
  years: number[]
  intent?: IntentDef
  /** the cue that chose the intent */
  cue?: string
  /** lemmas of what is asked about, without entity names, cue and question words */
  thingTerms: string[]
  /** every content lemma, for retrieval */
  terms: string[]
}

// a specific handler beats a generic one when both have cues in the question
const precedence: Record<IntentDef['handler'], number> = {
  computed: 6,
  superlative: 5,
  compare: 4,
  list: 3,
  attribute: 2,
  lookup: 1,
  passage: 0,
}

const questionWords = new Set([
  'how',
  'what',
  'which',
  'who',
  'whom',
  'where',
  'when',
  'why',
  'is',
  'are',
])

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** cue matching on word boundaries, over the lowercased key */
export function matchIntent(
  intents: IntentDef[],
  key: string,
): { intent: IntentDef; cue: string } | undefined {
  let best: { intent: IntentDef; cue: string } | undefined
  for (const intent of intents) {
    for (const cue of intent.cues) {
      const c = nameKey(cue)
      if (!new RegExp(`(?:^| )${escapeRegex(c)}(?= |$)`).test(key)) continue
      if (
        !best ||
        precedence[intent.handler] > precedence[best.intent.handler] ||
        (precedence[intent.handler] === precedence[best.intent.handler] &&
          c.length > best.cue.length)
      )
        best = { intent, cue: c }
    }
  }
  return best
}

const orgPattern = (words: string[]) =>
  new RegExp(
    `\\b(?:(?:[a-z-]+ ){1,3}(?:${words.join('|')})|(?:${words.join('|')}) (?:of|for) (?:the )?[a-z-]+(?: (?:and|of) [a-z-]+)*(?: [a-z-]+)?)\\b`,
    'g',
  )

export function understand(question: string, knowledge: Knowledge): Understanding {
  const cleaned = cleanQuestion(question)
  // repair words the corpus and language do not know, keeping the rest as typed
  const text = cleaned.replace(/[A-Za-z]+/g, (word) => {
    const lower = word.toLowerCase()
    const fixed = repairWord(knowledge.lexicon, lower)
    return fixed ?? word
  })
  const tokens = analyze(text)
  const key = nameKey(text)
  const mentions = findMentions(knowledge.aliases, text)
  const mentionWords = new Set(mentions.flatMap((m) => m.text.split(' ')))

  const unknownNames: string[] = []
  const covered = (phrase: string) =>
    mentions.some((m) => m.text.includes(phrase) || phrase.includes(m.text))
  for (const m of key.matchAll(orgPattern(knowledge.language.orgWords))) {
    const phrase = m[0].replace(
      /^(?:how|many|much|did|does|do|the|what|which|is|are|was|were|of|and|run|have|has|by|for|in)\b ?/g,
      '',
    )
    if (!covered(phrase) && !covered(m[0])) unknownNames.push(m[0])
  }
  const allCaps = cleaned === cleaned.toUpperCase()
  tokens.forEach((t, i) => {
    if (allCaps || i === 0 || t.type !== 'word' || !/^[A-Z][a-z]/.test(t.text)) return
    if (knowledge.lexicon.words.has(t.lower) || mentionWords.has(t.lower)) return
    unknownNames.push(t.text)
  })

  const years = tokens
    .filter((t) => t.type === 'number' && /^(1[89]|20)\d\d$/.test(t.lemma))
    .map((t) => Number(t.lemma))
  const matched = matchIntent(knowledge.language.intents, key)
  const cueWords = new Set(matched ? matched.cue.split(' ') : [])

  const terms: string[] = []
  const thingTerms: string[] = []
  for (const t of tokens) {
    if ((t.type !== 'word' && t.type !== 'number') || t.stop || questionWords.has(t.lower)) continue
    const lemma = t.lemma.replace(/^['’]+|['’]+$/g, '')
    if (!lemma) continue
    terms.push(lemma)
    if (mentionWords.has(t.lower) || cueWords.has(t.lower) || cueWords.has(lemma)) continue
    if (years.includes(Number(lemma))) continue
    if (
      t.pos === 'NOUN' ||
      t.pos === 'ADJ' ||
      t.pos === 'PROPN' ||
      (t.pos === 'VERB' && /ing$/.test(t.lower))
    )
      thingTerms.push(lemma)
  }
  return {
    cleaned,
    text,
    tokens,
    mentions,
    unknownNames: [...new Set(unknownNames)],
    years,
    intent: matched?.intent,
    cue: matched?.cue,
    thingTerms,
    terms,
  }
}
