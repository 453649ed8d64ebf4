/**
 * Answer wording: every fact of the test fixtures and of the benchmark articles, said as a
 * sentence, keeps the grammar: possessives, a subject, the source's mood, only the source's
 * years; and a free-text answer never glues a heading to a sentence. The checks here are the
 * test's own (wink's parts of speech and plain patterns), not the code's grammar functions.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchRoot } from '../../../scripts/eval/bench/load'
import { sayFact } from '../../../src/core/answer/format'
import { answerFromPassages } from '../../../src/core/answer/passage'
import { type Knowledge, loadPack } from '../../../src/core/knowledge/pack'
import { analyze, terms } from '../../../src/core/nlu/nlp'
import type { Fact, Quantity } from '../../../src/core/types'
import { buildPackFromDisk } from '../../../src/runtime/node/files'
import { fixtureCorpus, seedCorpus } from '../../corpora'

const wording = 'test/fixtures/wording'
const fixtures = [
  seedCorpus,
  fixtureCorpus,
  'test/fixtures/unseen',
  'test/fixtures/unseen-2',
  wording,
]
const benchmarks = ['news', 'squad2/dev', 'squad2/dev2', 'squad2/train']
  .map((set) => join(benchRoot, set, 'articles'))
  .filter((dir) => existsSync(dir))

const knowledgeOf = (corpus: string | string[]) => loadPack(buildPackFromDisk({ corpus }))

// ---- the rules, each a small check that says what is wrong ----

const years = (text: string) => (text.match(/\b(?:1[89]\d\d|20\d\d)\b/g) ?? []).map(Number)
const cues = (knowledge: Knowledge, mood: 'planned' | 'expected') =>
  knowledge.language.moods[mood].map(
    // as written: "may", never the month "May"
    (c) => new RegExp(`(?:^|[^\\w'’])${c.replace(/\s+/g, '\\s+')}(?![\\w'’])`),
  )
const says = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text))

/** the source split at its clause breaks (a comma in "9,400" is none) */
const clauses = (source: string) => source.split(/(?<!\d),|,(?!\d)|;|:\s|\s[–—-]\s|[()“”"]/)

/** "Riders's", "Systems's": a word ending in s takes the apostrophe alone */
function possessiveRule(sentence: string, source = ''): string | undefined {
  const bad = /\b[A-Za-z]*[a-z]s['’]s\b/.exec(sentence)
  // "Paris's" as the article itself writes it is the article's spelling
  return bad && !source.includes(bad[0]) ? `possessive "${bad[0]}"` : undefined
}

const notOpening = new Set(['VERB', 'AUX', 'ADP', 'PART', 'SCONJ', 'CCONJ', 'INTJ'])
const openingTime =
  /^(?:in|by|from|since|during|until|after|before)\s+(?:the\s+\w+\s+of\s+)?(?:[A-Z][a-z]+\s+)?\d{4}(?:\s+to\s+\d{4})?,\s*/i

/** a subject first and a verb after it: never "Was launched in 2017." or "Up from 31,000 in 2020." */
function subjectRule(sentence: string): string | undefined {
  const rest = sentence.replace(openingTime, '')
  // lower case, so "Plans" is no name to wink; two names in a row ("Mohamed Morsi") are one
  const name = analyze(rest).slice(0, 2)
  const asName = name.length === 2 && name.every((t) => t.pos === 'PROPN')
  const words = analyze(asName ? rest : rest.charAt(0).toLowerCase() + rest.slice(1)).filter(
    (t) => t.pos !== 'PUNCT',
  )
  const first = words[0]
  if (!first) return 'empty sentence'
  // "Plans to convert ...": a noun, "to" and a verb open a verb phrase, not a subject
  const toVerb = first.pos === 'NOUN' && words[1]?.pos === 'PART' && words[2]?.pos === 'VERB'
  if (
    toVerb ||
    notOpening.has(first.pos) ||
    /^(?:when|whilst|while|which|who|than)$/.test(first.lower)
  )
    return `opens with ${first.pos} "${first.text}", not a subject`
  if (!words.slice(1).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return 'no verb'
  return undefined
}

/** a planned or expected figure is said as planned or expected, a stated one never as a plan */
function moodRule(
  knowledge: Knowledge,
  sentence: string,
  clause: string,
  verbatim = false,
): string | undefined {
  for (const mood of ['planned', 'expected'] as const) {
    const patterns = cues(knowledge, mood)
    if (says(patterns, clause) && !says(patterns, sentence))
      return `the source's ${mood} figure said as a fact`
  }
  if (says(cues(knowledge, 'planned'), sentence) && !says(cues(knowledge, 'planned'), clause))
    if (
      !says(cues(knowledge, 'planned'), sentence.replace(clause, '')) ||
      !sentence.includes(clause)
    )
      return 'a plan the source does not state'
  if (
    !verbatim &&
    /^There (?:were|are) /.test(sentence) &&
    says(cues(knowledge, 'planned'), clause)
  )
    return 'a plan said as "there were"'
  return undefined
}

/** each year said is in the source, in the figure's own clause or the sentence's opening time phrase */
function yearRule(
  sentence: string,
  source: string,
  figures: Quantity[],
  label = '',
): string | undefined {
  const parts = clauses(source)
  const opening =
    openingTime.exec(
      source.replace(/^(?:["“”\s]|(?:also|however|but|and|meanwhile),?\s)+/i, ''),
    )?.[0] ?? ''
  for (const year of years(sentence)) {
    // "CommunicAsia 2017" names an event: the year is part of the name
    if (new RegExp(`[A-Z][\\w-]+ ${year}\\b`).test(source)) continue
    // a list's label as the source writes it: "sources of foreign-born individuals ... as of 2011"
    if (label.includes(String(year))) continue
    if (!years(source).includes(year)) return `year ${year} is not in the source`
    const own = parts.some(
      (part) =>
        years(part).includes(year) &&
        (figures.some((q) => part.includes(q.display.trim())) || sentence.includes(part.trim())),
    )
    if (!own && !years(opening).includes(year)) return `year ${year} belongs to another clause`
  }
  return undefined
}

function figuresOf(fact: Fact): Quantity[] {
  if (fact.kind === 'quantity') return [fact.quantity]
  if (fact.kind === 'change') return [fact.from, fact.to]
  return []
}

/** every broken rule of every fact of a knowledge, as "sentence: what is wrong (source)" */
function wordingProblems(knowledge: Knowledge): string[] {
  const out: string[] = []
  for (const fact of knowledge.facts) {
    const sentence = sayFact(knowledge, fact)
    const source = knowledge.documents.get(fact.docId)!.text.slice(fact.span.start, fact.span.end)
    const figures = figuresOf(fact)
    const q = figures.at(-1)
    const clause = clauses(source).find((part) => q && part.includes(q.display.trim())) ?? source
    // the article's own sentence, at most a connective ("However, ") dropped from its start
    const flat = (text: string) =>
      text
        .replace(/\s+/g, ' ')
        .replace(/[.\s"“”'‘’]+$/, '')
        .trim()
        .toLowerCase()
    const verbatim =
      flat(source).endsWith(flat(sentence)) && flat(source).length - flat(sentence).length <= 20
    const problems = [
      possessiveRule(sentence, source),
      // the article's own sentence, quoted whole, keeps the article's grammar
      verbatim ? undefined : subjectRule(sentence),
      figures.length > 0 ? moodRule(knowledge, sentence, clause, verbatim) : undefined,
      yearRule(sentence, source, figures, fact.kind === 'list' ? fact.thing : ''),
    ].filter((p): p is string => p !== undefined)
    for (const p of problems) out.push(`${sentence}: ${p} (${source.trim()})`)
  }
  return out
}

describe('the grammar rules of this test', () => {
  it('catch the sentences the issue found', () => {
    expect(possessiveRule("Riders's number of trips was 2.1 million.")).toBeDefined()
    expect(possessiveRule("Patients's average was 6.2.")).toBeDefined()
    expect(possessiveRule("Riders' number of trips was 2.1 million.")).toBeUndefined()
    expect(subjectRule('Was launched in 2017.')).toBeDefined()
    expect(subjectRule('Up from 31,000 in 2020.')).toBeDefined()
    expect(subjectRule('Plans to convert Saltmarsh by 2026.')).toBeDefined()
    expect(subjectRule('The scheme was launched in 2017.')).toBeUndefined()
    const knowledge = knowledgeOf(wording)
    expect(
      moodRule(
        knowledge,
        'There were 3,000 bicycles in 2025.',
        'Velora will double its fleet to 3,000 bicycles by the end of 2025',
      ),
    ).toBeDefined()
    expect(
      yearRule(
        'BlueLine & Co runs 12 vessels in 2022.',
        'BlueLine & Co, the ferry operator that runs 12 vessels on the estuary, was founded in 2022.',
        [{ value: 12, display: '12', unit: 'count' }],
      ),
    ).toBe('year 2022 belongs to another clause')
  })
})

describe('sayFact', () => {
  it('says every fact of the test fixtures by the grammar rules', () => {
    const knowledge = knowledgeOf(fixtures)
    expect(knowledge.facts.length).toBeGreaterThan(200)
    expect(wordingProblems(knowledge)).toEqual([])
  })

  it.skipIf(benchmarks.length === 0)(
    'says every fact of the benchmark articles by the grammar rules',
    () => {
      for (const dir of benchmarks) {
        const knowledge = knowledgeOf(dir)
        expect(knowledge.facts.length).toBeGreaterThan(50)
        expect({ dir, problems: wordingProblems(knowledge) }).toEqual({ dir, problems: [] })
      }
    },
    120_000,
  )

  it('says the fixture article of the issue in the source’s mood, with its own years and possessives', () => {
    const knowledge = knowledgeOf(wording)
    const said = knowledge.facts.map((f) => sayFact(knowledge, f))
    expect(said).toContain('Velora will double its fleet to 3,000 bicycles by the end of 2025.')
    expect(said).toContain('BlueLine & Co runs 12 vessels.')
    expect(said).toContain('BlueLine & Co was founded in 2022.')
    expect(said).toContain("Riders' average trip lasted 14 minutes.")
    expect(said.filter((s) => /^There were/.test(s))).toEqual([])
  })
})

describe('answerFromPassages', () => {
  it('never glues a heading to the sentence under it', () => {
    const knowledge = knowledgeOf([seedCorpus, fixtureCorpus])
    const headings = knowledge.passages.filter((p) => p.kind === 'heading' && p.index > 0)
    expect(headings.length).toBeGreaterThan(3)
    let answered = 0
    for (const heading of headings) {
      const text = knowledge.documents.get(heading.docId)!.text.slice(heading.start, heading.end)
      const answer = answerFromPassages(knowledge, { terms: terms(text), unknownNames: [] })
      if (answer.abstained) continue
      answered++
      const title = text.replace(/^#+\s*/, '')
      if (answer.answer !== title) expect(answer.answer).not.toContain(title)
    }
    expect(answered).toBeGreaterThan(0)
  })
})
