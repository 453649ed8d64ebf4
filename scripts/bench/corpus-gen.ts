/** Generates a deterministic corpus of realistic news articles, and questions about it, for the scale benchmark. */
import type { CorpusDocument } from '../../src/core/types'
import {
  companyStems,
  companySuffixes,
  currencies,
  fillers,
  firstNames,
  groupNouns,
  places,
  quotes,
  roles,
  surnames,
  type Topic,
  topics,
} from './corpus-words'
import { createRng, type Rng, seedOf } from './prng'

export interface GeneratedQuestion {
  question: string
  kind: 'fact' | 'free-text'
  docId: string
  /** what a right answer states (a figure or a name); absent for free-text */
  expect?: string
  /**
   * what a free-text question is about ("Lyon|housing"): several articles may share a subject,
   * and citing any of them is right
   */
  subject?: string
}

export interface GeneratedArticle {
  doc: CorpusDocument
  questions: GeneratedQuestion[]
  /** the subjects the article's free-text questions may ask about */
  subjects: string[]
}

const seedDefault = 20170523

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const person = (rng: Rng) => `${rng.pick(firstNames)} ${rng.pick(surnames)}`
const company = (rng: Rng) => `${rng.pick(companyStems)} ${rng.pick(companySuffixes)}`
const money = (currency: string, millions: number) => `${currency} ${millions} million`

/** fills the {slots} of a template; unknown slots stay as they are */
function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => slots[key] ?? all)
}

/** `count` paragraphs of 3 to 6 filler sentences, no sentence used twice in one article */
function fillerParagraphs(rng: Rng, slots: Record<string, string>, topic: Topic, count: number) {
  const sizes = Array.from({ length: count }, () => rng.int(3, 6))
  const pool = rng.sample(
    fillers,
    sizes.reduce((a, b) => a + b, 0),
  )
  return sizes.map((size) =>
    pool
      .splice(0, size)
      .map((t) => {
        const [w, w2] = rng.sample(topic.words, 2)
        return fill(t, { ...slots, w: w!, w2: w2! })
      })
      .join(' '),
  )
}

/**
 * one article; the i-th article is the same whatever the corpus size, so a corpus of 100 is the
 * first 100 of the corpus of 10,000
 */
export function generateArticle(i: number, seed = seedDefault): GeneratedArticle {
  const rng = createRng(seedOf(`${seed}:${i}`))
  const topic = rng.pick(topics)
  const place = rng.pick(places)
  const hq = rng.pick(places.filter((p) => p !== place))
  const agency = `${place} ${topic.agency}`
  const firm = company(rng)
  const [speaker, expert] = [person(rng), person(rng)]
  const [role, expertRole] = rng.sample(roles, 2)
  const currency = rng.pick(currencies)
  const budget = rng.int(5, 900)
  const [y1, y2] = [rng.int(1990, 2008), rng.int(2012, 2022)]
  const before = rng.int(10, 400)
  const after = before + rng.int(20, 900)
  const [p1, p2] = [rng.int(5, 40), rng.int(41, 90)]
  const share = rng.int(10, 70)
  const staff = rng.int(40, 9000)
  const owners = [agency, `${rng.pick(places)} ${rng.pick(topics).agency}`, firm]
  const counts = owners.map(() => rng.int(3, 600))
  const kinds = rng.sample(topic.kinds, 3)
  const members = rng.sample(
    places.filter((p) => p !== place),
    3,
  )
  const group = rng.pick(groupNouns)
  const target = after + rng.int(50, 2000)
  const slots = { place, topic: topic.name, agency, company: firm }
  const quote = fill(rng.pick(quotes), { ...slots, w: rng.pick(topic.words) })
  const filler = fillerParagraphs(rng, slots, topic, 4)

  const paragraphs = [
    `${place} is expanding its ${topic.name} programme as the city looks for ways to serve a growing population. The plan was presented this week by the ${agency}.`,
    `${cap(topic.name)} in ${place}: the numbers`,
    `From ${y1} to ${y2}, the number of ${topic.things} in ${place} increased from ${before} to ${after}, and the share of residents served rose from ${p1}% to ${p2}%.`,
    `${place} invests ${money(currency, budget)} per year in ${topic.name}. About ${share}% of that budget goes to ${kinds[0]} ${topic.things}.`,
    filler[0]!,
    `Who runs the ${topic.things}`,
    owners.map((o, k) => `${counts[k]} ${kinds[k]} ${topic.things} of ${o}`).join('\n'),
    `The three ${group} of ${members[0]}, ${members[1]} and ${members[2]} account for ${rng.int(20, 80)}% of the ${topic.measure}.`,
    filler[1]!,
    'Industry partners',
    `${firm} is one of the firms behind the programme. The company is headquartered in ${hq} and employs ${staff} people.`,
    `“${quote},” said ${speaker}, ${role} of ${firm}.`,
    filler[2]!,
    `${expert}, ${expertRole} at the ${agency}, expects the number of ${topic.things} to reach ${target} by ${y2 + rng.int(3, 10)}.`,
    filler[3]!,
  ]
  const docId = `gen-${String(i).padStart(5, '0')}`
  const doc: CorpusDocument = {
    docId,
    title: `${place} puts ${money(currency, budget)} a year into ${topic.name}`,
    author: person(rng),
    published: `${y2 + 1}-${String(rng.int(1, 12)).padStart(2, '0')}`,
    source: 'Generated Benchmark Wire',
    text: paragraphs.join('\n\n'),
  }
  const fact = (question: string, expect: string): GeneratedQuestion => ({
    question,
    kind: 'fact',
    docId,
    expect,
  })
  const freeText = (question: string, subject: string): GeneratedQuestion => ({
    question,
    kind: 'free-text',
    docId,
    subject,
  })
  // free-text questions ask about sentences every article has, never about optional filler
  const subjects = [`${place}|${topic.name}`, `${speaker}|${topic.name}`, `${expert}|${topic.name}`]
  const questions: GeneratedQuestion[] = [
    fact(`How many ${kinds[0]} ${topic.things} does the ${agency} run?`, String(counts[0])),
    fact(`How much does ${place} invest in ${topic.name} per year?`, String(budget)),
    fact(`How many ${topic.things} did ${place} have in ${y2}?`, String(after)),
    fact(`Where is ${firm} headquartered?`, hq),
    freeText(`Why is ${place} expanding its ${topic.name} programme?`, subjects[0]!),
    freeText(`What did ${speaker} say about ${topic.name}?`, subjects[1]!),
    freeText(`What does ${expert} expect for ${topic.things} in ${place}?`, subjects[2]!),
  ]
  return { doc, questions, subjects }
}

export interface GeneratedCorpus {
  docs: CorpusDocument[]
  questions: GeneratedQuestion[]
  /** docId -> the subjects of that article */
  subjects: Map<string, Set<string>>
}

/** `size` articles and all their questions */
export function generateCorpus(size: number, seed = seedDefault): GeneratedCorpus {
  const docs: CorpusDocument[] = []
  const questions: GeneratedQuestion[] = []
  const subjects = new Map<string, Set<string>>()
  for (let i = 0; i < size; i++) {
    const article = generateArticle(i, seed)
    docs.push(article.doc)
    questions.push(...article.questions)
    subjects.set(article.doc.docId, new Set(article.subjects))
  }
  return { docs, questions, subjects }
}

/** `count` questions of one kind drawn evenly over the corpus, the same on every run */
export function sampleQuestions(
  corpus: GeneratedCorpus,
  kind: GeneratedQuestion['kind'],
  count: number,
  seed = seedDefault,
): GeneratedQuestion[] {
  const pool = corpus.questions.filter((q) => q.kind === kind)
  const rng = createRng(seedOf(`${seed}:sample:${kind}`))
  return Array.from({ length: count }, () => rng.pick(pool))
}
