/** Reads a question: cleans and repairs it, finds entities, years, the intent by its cues, and the thing asked about. */
import type { Knowledge } from '../knowledge/types'
import { memo } from '../memo'
import type { IntentDef } from './language'
import { findMentions, type Mention } from './mentions'
import { analyze, type Token, terms as termsOf } from './nlp'
import { cleanQuestion, escapeRegex, nameKey } from './normalize'
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
  /** lemmas of the main verbs, without auxiliaries */
  verbTerms: string[]
  /** capitalised words that are no entity's name, lower-cased: "france", "shanghai" */
  properNames: string[]
  /** the noun right after "which"/"what": "which regions" -> "region" */
  askedNoun?: string
}

// a specific handler beats a generic one when both have cues in the question
const precedence: Record<IntentDef['handler'], number> = {
  computed: 6,
  superlative: 5,
  compare: 4,
  list: 3,
  attribute: 2,
  lookup: 1,
  // "why ..." asks for reasons, whatever figures or superlatives it mentions
  passage: 7,
}

const auxiliaries = new Set([
  'be',
  'have',
  'do',
  'get',
  'make',
  'say',
  'come',
  'go',
  'give',
  'take',
  'will',
  'can',
])

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

/** cue matching on word boundaries, over the lowercased key */
interface CompiledCue {
  intent: IntentDef
  /** the cue as words, for its length and its words */
  cue: string
  pattern: RegExp
}

// cue patterns are compiled once per set of intents, not once per question
const compiledCues = new WeakMap<IntentDef[], CompiledCue[]>()

function compile(intents: IntentDef[]): CompiledCue[] {
  return memo(compiledCues, intents, () =>
    intents.flatMap((intent) =>
      intent.cues.map((cue) => {
        // "more ... than": up to six words may stand where the cue has "..."
        const parts = cue.split('...').map((part) => nameKey(part))
        const pattern = parts.map(escapeRegex).join('(?: \\S+){0,6} ')
        return { intent, cue: parts.join(' '), pattern: new RegExp(`(?:^| )${pattern}(?= |$)`) }
      }),
    ),
  )
}

/** one-word cues of any intent: they ask how, not what */
const cueWordCache = new WeakMap<IntentDef[], Set<string>>()
function oneWordCues(intents: IntentDef[]): Set<string> {
  return memo(
    cueWordCache,
    intents,
    () => new Set(intents.flatMap((i) => i.cues).filter((c) => !c.includes(' '))),
  )
}

export function matchIntent(
  intents: IntentDef[],
  key: string,
): { intent: IntentDef; cue: string } | undefined {
  let best: { intent: IntentDef; cue: string } | undefined
  for (const { intent, cue: c, pattern } of compile(intents)) {
    if (!pattern.test(key)) continue
    if (
      !best ||
      precedence[intent.handler] > precedence[best.intent.handler] ||
      (precedence[intent.handler] === precedence[best.intent.handler] &&
        ((intent.priority ?? 0) > (best.intent.priority ?? 0) ||
          ((intent.priority ?? 0) === (best.intent.priority ?? 0) && c.length > best.cue.length)))
    )
      best = { intent, cue: c }
  }
  return best
}

const determiners = new Set([
  'which',
  'what',
  'the',
  'a',
  'an',
  'each',
  'every',
  'that',
  'this',
  'other',
  'any',
  'one',
  'whose',
  'its',
  'their',
  'same',
  'did',
  'does',
  'do',
  'how',
  'many',
  'much',
  'is',
  'are',
  'was',
  'were',
])

/** "ministry of education", "education ministry": organisation names the question uses, by word position */
function orgPhrases(
  words: string[],
  orgWords: Set<string>,
): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = []
  words.forEach((word, i) => {
    if (!orgWords.has(word)) return
    let from = i
    let to = i + 1
    if (words[i + 1] === 'of' || words[i + 1] === 'for') {
      to = i + 2
      if (words[to] === 'the') to++
      while (to < words.length && !determiners.has(words[to]!) && to - i < 7) {
        to++
        if (words[to] !== 'and' && words[to] !== 'of') break
        to++
      }
    } else if (i > 0 && !determiners.has(words[i - 1]!) && !/^\d/.test(words[i - 1]!)) from = i - 1
    if (to - from > 1) out.push({ from, to, text: words.slice(from, to).join(' ') })
  })
  return out
}

/** some sentence of the corpus holds the phrase, words in order (case, spacing and punctuation aside) */
function saidInCorpus(knowledge: Knowledge, phrase: string): boolean {
  const words = termsOf(phrase)
  if (words.length === 0) return false
  const hits = knowledge.sentenceIndex.search(words.join(' '), {
    combineWith: 'AND',
    tokenize: (t) => t.split(' '),
    processTerm: (t) => t,
  })
  const key = ` ${nameKey(phrase)} `
  return hits.slice(0, 50).some((h) => {
    const s = knowledge.sentences[h.id as number]!
    return ` ${nameKey(knowledge.documents.get(s.docId)!.text.slice(s.start, s.end))} `.includes(
      key,
    )
  })
}

/** the phrase is written with a capital in the question: "Ministry of Education", not "ministry of education" */
function writtenAsName(text: string, phrase: string): boolean {
  const pattern = phrase.split(' ').map(escapeRegex).join('[^A-Za-z0-9]+')
  const m = new RegExp(`(?<![A-Za-z])${pattern}(?![A-Za-z])`, 'i').exec(text)
  return m !== null && /[A-Z]/.test(m[0])
}

/** "R&D" -> "research and development", as `intents/` lists them */
function expand(text: string, expansions: Record<string, string>): string {
  let out = text
  for (const [short, long] of Object.entries(expansions)) {
    if (short === long) continue
    out = out.replace(new RegExp(`(?<![\\w&])${escapeRegex(short)}(?![\\w&])`, 'g'), long)
  }
  return out
}

/** the question with words the corpus and language do not know repaired; stop words and the rest as typed */
function repair(cleaned: string, knowledge: Knowledge, allCaps: boolean): string {
  const stops = new Set(
    analyze(cleaned.toLowerCase())
      .filter((t) => t.stop)
      .map((t) => t.lower),
  )
  const keep = new Set(knowledge.language.keepWords)
  return cleaned.replace(/[A-Za-z]+/g, (word) => {
    const lower = word.toLowerCase()
    // stop words, acronyms typed in capitals ("CEO") and words the language lists are never repaired
    if (
      stops.has(lower) ||
      (word.length > 1 && word === word.toUpperCase() && !allCaps) ||
      keep.has(lower)
    )
      return word
    const repaired = repairWord(knowledge.lexicon, lower)
    if (!repaired) return word
    // a capitalised word stays capitalised: "General Motors'" is still a name after "Motors" -> "motor"
    return /^[A-Z]/.test(word) ? repaired.charAt(0).toUpperCase() + repaired.slice(1) : repaired
  })
}

/** what the steps after repair read: the repaired text, its tokens and the names found in it */
interface Read {
  text: string
  /** the text as a name key: lower case, single spaces */
  key: string
  tokens: Token[]
  mentions: Mention[]
  mentionWords: Set<string>
  allCaps: boolean
}

/** organisation phrases and capitalised words the question uses that neither an entity nor the corpus knows */
function unknownNamesOf(read: Read, knowledge: Knowledge): string[] {
  const { text, key, tokens, mentions, mentionWords, allCaps } = read
  const names: string[] = []
  const words = key.split(' ')
  for (const phrase of orgPhrases(words, new Set(knowledge.language.orgWords))) {
    const covered = mentions.some((m) => m.from < phrase.to && m.to > phrase.from)
    // "to university", "box office": an organisation word in lower case names no organisation
    if (!covered && (allCaps || writtenAsName(text, phrase.text))) names.push(phrase.text)
  }
  tokens.forEach((t, i) => {
    // an acronym the corpus never writes ("FBI") names no one it knows, wherever it stands
    const acronym = !allCaps && t.type === 'word' && /^[A-Z]{2,6}s?$/.test(t.text)
    if (!acronym && (allCaps || i === 0 || t.type !== 'word' || !/^[A-Z][a-z]/.test(t.text))) return
    if (knowledge.lexicon.words.has(t.lower) || mentionWords.has(t.lower)) return
    names.push(t.text)
  })
  // a name the articles write word for word is known, even where no entity was made of it
  return [...new Set(names.filter((n) => !saidInCorpus(knowledge, n)))]
}

/** the years asked about; "ChargeWorld Expo 2024" names an event, and its year is not one */
function yearsOf(tokens: Token[], mentions: Mention[]): number[] {
  const namedYears = new Set(
    mentions.flatMap((m) => m.text.split(' ')).filter((w) => /^\d{4}$/.test(w)),
  )
  return tokens
    .filter((t) => t.type === 'number' && /^(1[89]|20)\d\d$/.test(t.lemma))
    .filter((t) => !namedYears.has(t.lemma))
    .map((t) => Number(t.lemma))
}

type Matched = ReturnType<typeof matchIntent>

/** the intent by its cues, corrected for a list asked for and for the question word */
function chooseIntent(intents: IntentDef[], key: string): Matched {
  let matched = matchIntent(intents, key)
  // "which three largest ...", "what projects are ...": several things asked for are a list
  const listIntent = intents.find((i) => i.handler === 'list')
  const counted =
    /\b(?:two|three|four|five|top \d+|\d+)\s+(?:\w+\s+){0,3}(?:largest|biggest|busiest|most|highest|smallest|main|leading|major)\b/.test(
      key,
    )
  const pluralAsk =
    /^(?:which|what)\s+\w+s\b/.test(key) && !/^(?:which|what)\s+(?:is|was|does|has|its)\b/.test(key)
  if (
    listIntent &&
    ((counted && matched?.intent.handler === 'superlative') || (!matched && pluralAsk))
  )
    matched = { intent: listIntent, cue: '' }
  // "where do the three largest wind farms stand?": the question word decides, not the superlative inside
  if (
    /^(?:where|when) /.test(key) &&
    matched &&
    (matched.intent.handler === 'superlative' ||
      matched.intent.handler === 'list' ||
      // "when will it take place?": a where-cue inside a when-question
      (key.startsWith('when ') && matched.intent.handler === 'attribute'))
  ) {
    const first = key.split(' ')[0]!
    const own = intents.find((i) => i.cues.includes(first))
    if (own) matched = { intent: own, cue: first }
  }
  return matched
}

/** lemmas of what is asked about and of the main verbs, without names, cues, question words and years */
function askedTerms(
  read: Read,
  cueWords: Set<string>,
  years: number[],
): { thingTerms: string[]; verbTerms: string[] } {
  const { text, tokens, mentionWords } = read
  const thingTerms: string[] = []
  const verbTerms: string[] = []
  // lemmas from the lower-cased question match the index; parts of speech come from the question as typed
  const lower = analyze(text.toLowerCase())
  const lemmaAt = (i: number, t: Token) =>
    lower.length === tokens.length ? lower[i]!.lemma : t.lemma
  for (const [i, t] of tokens.entries()) {
    if ((t.type !== 'word' && t.type !== 'number') || t.stop || questionWords.has(t.lower)) continue
    const lemma = lemmaAt(i, t).replace(/^['’]+|['’]+$/g, '')
    if (!lemma) continue
    if (mentionWords.has(t.lower) || cueWords.has(t.lower) || cueWords.has(lemma)) continue
    if (years.includes(Number(lemma))) continue
    if (
      t.pos === 'NOUN' ||
      t.pos === 'ADJ' ||
      t.pos === 'PROPN' ||
      (t.pos === 'VERB' && /ing$/.test(t.lower))
    )
      thingTerms.push(lemma)
    else if (t.pos === 'VERB' && !auxiliaries.has(lemma)) verbTerms.push(lemma)
  }
  return { thingTerms, verbTerms }
}

/** capitalised in the question, or a word the corpus only writes capitalised ("northmarks" typed in lower case) */
function properNamesOf(read: Read, knowledge: Knowledge): string[] {
  const { tokens, mentionWords, allCaps } = read
  return tokens
    .filter((t, i) => {
      if (t.type !== 'word' || mentionWords.has(t.lower)) return false
      const bare = t.lower.replace(/['’]?s$/, '')
      if (knowledge.properWords.has(t.lower) || knowledge.properWords.has(bare)) return true
      return !allCaps && i > 0 && /^[A-Z][a-z]/.test(t.text)
    })
    .map((t) => (knowledge.properWords.has(t.lower) ? t.lower : t.lower.replace(/['’]?s$/, '')))
}

export function understand(question: string, knowledge: Knowledge): Understanding {
  const cleaned = expand(cleanQuestion(question), knowledge.language.expansions)
  const allCaps = cleaned === cleaned.toUpperCase() && /[A-Z]/.test(cleaned)
  const text = repair(cleaned, knowledge, allCaps)
  // wink reads shouting as names: lemmas come out right only in lower case
  const tokens = analyze(allCaps ? text.toLowerCase() : text)
  const mentions = findMentions(knowledge.aliases, text)
  const read: Read = {
    text,
    key: nameKey(text),
    tokens,
    mentions,
    mentionWords: new Set(mentions.flatMap((m) => m.text.split(' '))),
    allCaps,
  }
  const unknownNames = unknownNamesOf(read, knowledge)
  const years = yearsOf(tokens, mentions)
  const matched = chooseIntent(knowledge.language.intents, read.key)
  // the matched cue's words, and any one-word cue ("increase", "grew"), ask how, not what
  const cueWords = new Set([
    ...(matched ? matched.cue.split(' ') : []),
    ...oneWordCues(knowledge.language.intents),
  ])
  return {
    cleaned,
    text,
    tokens,
    mentions,
    unknownNames,
    years,
    intent: matched?.intent,
    cue: matched?.cue,
    ...askedTerms(read, cueWords, years),
    askedNoun:
      /^(?:which|what)$/i.test(tokens[0]?.text ?? '') && tokens[1]?.pos === 'NOUN'
        ? tokens[1].lemma
        : undefined,
    properNames: properNamesOf(read, knowledge),
    terms: termsOf(text),
  }
}
