/** The one wink-nlp instance and the term analysis shared by the index, the facts and the question reader. */

import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

export interface Token {
  text: string
  lower: string
  lemma: string
  type: string
  pos: string
  stop: boolean
}

type Wink = ReturnType<typeof winkNLP>
let instance: Wink | undefined

function nlp(): Wink {
  // the model takes ~40 ms to load: once per process or isolate, on first use
  instance ??= winkNLP(model, ['sbd', 'pos'])
  return instance
}

// wink's list misses a few question words that carry no topic
const extraStops = new Set(['much', 'many', 'does', 'did', 'do', 'what', 'which', "'s", '’s'])

// short texts read again and again (a question, each fixed word list's words) are read by wink once: an
// answer reads about 44 texts of which 3 differ. Bounded; the tokens are frozen, so no reader can change them
const analysed = new Map<string, Token[]>()
const analysedLimits = { entries: 4096, length: 240 }

/** tokens with lemmas; numbers lose their thousands separators (frozen: read them, never change them) */
export function analyze(text: string): Token[] {
  if (text.length > analysedLimits.length) return read(text)
  let tokens = analysed.get(text)
  if (!tokens) {
    if (analysed.size >= analysedLimits.entries) analysed.delete(analysed.keys().next().value!)
    tokens = Object.freeze(read(text).map((t) => Object.freeze(t))) as Token[]
    analysed.set(text, tokens)
  }
  return tokens
}

function read(text: string): Token[] {
  const w = nlp()
  const its = w.its
  const doc = w.readDoc(text)
  const tokens = doc.tokens()
  // wink's typings do not cover every `its` helper with `out`; the values are plain arrays
  const out = (f: unknown) => tokens.out(f as never) as unknown as unknown[]
  const values = out(its.value) as string[]
  const lemmas = out(its.lemma) as string[]
  const types = out(its.type) as string[]
  const stops = out(its.stopWordFlag) as boolean[]
  const pos = out(its.pos) as string[]
  return values.map((value, i) => {
    const lower = value.toLowerCase()
    const isNumber = types[i] === 'number'
    return {
      text: value,
      lower,
      lemma: isNumber ? lower.replace(/,/g, '') : (lemmas[i] ?? value).toLowerCase(),
      type: types[i] ?? 'word',
      pos: pos[i] ?? 'X',
      stop: Boolean(stops[i]) || extraStops.has(lower),
    }
  })
}

/** index terms: lemmas of the words and numbers that carry meaning; read in lower case so "Projects" is "project" */
export function terms(text: string): string[] {
  const out: string[] = []
  for (const token of analyze(text.toLowerCase())) {
    if (token.type !== 'word' && token.type !== 'number') continue
    if (token.stop) continue
    // possessive and hyphen leftovers carry nothing
    const lemma = token.lemma.replace(/^['’]+|['’]+$/g, '')
    if (lemma.length > 0) out.push(lemma)
  }
  return out
}
