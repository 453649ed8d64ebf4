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

/**
 * the shape of the sentence a fact question asks about: `template`, written the way the
 * extractor's rules were written from ("From 2001 to 2019, the number of ... increased from 120
 * to 480", "286 smart city pilots of ..."), or `novel`, as news also writes it: a figure carried
 * by a verb ("donated EUR 250,000 to"), a figure before its owner ("More than 300 volunteers
 * work for ..."), a comparison between two groups ("..., compared with 6.1 for ...")
 */
export type SentenceShape = 'template' | 'novel'

export interface GeneratedQuestion {
  question: string
  kind: 'fact' | 'free-text'
  /** for fact questions: the shape of the sentence that answers it */
  shape?: SentenceShape
  docId: string
  /** what a right answer states (a figure or a name); absent for free-text */
  expect?: string
  /** the figure a right answer's `value` is, where the answer gives one (EUR 5 million: 5000000) */
  expectValue?: number
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
  /** the article's sentences (and list lines) that state a figure or a fact, by shape */
  factSentences: Record<SentenceShape, number>
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

const thousands = (n: number) => n.toLocaleString('en-US')

/**
 * a company only article i names ("Aldara-Norvell Labs"): the questions about the novel shapes
 * name it, so each has one right answer in the corpus. Distinct for the first 10,440 articles
 * (30 x 29 stem pairs x 12 suffixes); the template's own owners repeat across articles.
 */
export function sponsorOf(i: number): string {
  const stems = companyStems.length
  const a = i % stems
  const b = Math.floor(i / stems) % (stems - 1)
  const suffix = Math.floor(i / (stems * (stems - 1))) % companySuffixes.length
  return `${companyStems[a]}-${companyStems[b >= a ? b + 1 : b]} ${companySuffixes[suffix]}`
}

interface NovelSlots {
  place: string
  agency: string
  firm: string
  currency: string
  things: string
  kinds: string[]
  year: number
}

/**
 * five sentences in shapes the extractor's rules were not written from, drawn from a stream of
 * their own so the rest of the article is what it was before they were added
 */
function novelFacts(rng: Rng, s: NovelSlots) {
  const donated = rng.int(20, 900) * 1000
  const volunteers = rng.int(30, 900)
  const revenue = rng.int(12, 800)
  const jobs = rng.int(2, 60) * 100
  const cutYear = s.year - rng.int(1, 4)
  const [rated, other] = [rng.int(51, 99) / 10, rng.int(11, 50) / 10]
  const paragraphs = [
    `${s.firm} donated ${s.currency} ${thousands(donated)} to the ${s.agency} last year. More than ${volunteers} volunteers work for ${s.firm}.`,
    `${s.firm} pushed its revenue up to ${money(s.currency, revenue)} in ${s.year}. The company cut ${thousands(jobs)} jobs in ${cutYear}.`,
    `Users rated the ${s.kinds[0]} ${s.things} of ${s.firm} ${rated} out of 10 on average, compared with ${other} for its ${s.kinds[1]} ${s.things}.`,
  ]
  const questions: [string, string, number][] = [
    [`How much did ${s.firm} donate to the ${s.agency}?`, thousands(donated), donated],
    [`How many volunteers work for ${s.firm}?`, String(volunteers), volunteers],
    [`What was the revenue of ${s.firm} in ${s.year}?`, String(revenue), revenue * 1e6],
    [`How many jobs did ${s.firm} cut?`, thousands(jobs), jobs],
    [`How did users rate the ${s.kinds[0]} ${s.things} of ${s.firm}?`, String(rated), rated],
  ]
  return { paragraphs, questions }
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
  const novel = novelFacts(createRng(seedOf(`${seed}:${i}:novel`)), {
    place,
    agency,
    firm: sponsorOf(i),
    currency,
    things: topic.things,
    kinds,
    year: y2,
  })

  const paragraphs = [
    `${place} is expanding its ${topic.name} programme as the city looks for ways to serve a growing population. The plan was presented this week by the ${agency}.`,
    `${cap(topic.name)} in ${place}: the numbers`,
    `From ${y1} to ${y2}, the number of ${topic.things} in ${place} increased from ${before} to ${after}, and the share of residents served rose from ${p1}% to ${p2}%.`,
    `${place} invests ${money(currency, budget)} per year in ${topic.name}. About ${share}% of that budget goes to ${kinds[0]} ${topic.things}.`,
    novel.paragraphs[0]!,
    filler[0]!,
    `Who runs the ${topic.things}`,
    owners.map((o, k) => `${counts[k]} ${kinds[k]} ${topic.things} of ${o}`).join('\n'),
    `The three ${group} of ${members[0]}, ${members[1]} and ${members[2]} account for ${rng.int(20, 80)}% of the ${topic.measure}.`,
    filler[1]!,
    'Industry partners',
    `${firm} is one of the firms behind the programme. The company is headquartered in ${hq} and employs ${staff} people.`,
    `“${quote},” said ${speaker}, ${role} of ${firm}.`,
    novel.paragraphs[1]!,
    filler[2]!,
    `${expert}, ${expertRole} at the ${agency}, expects the number of ${topic.things} to reach ${target} by ${y2 + rng.int(3, 10)}.`,
    novel.paragraphs[2]!,
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
  const fact = (
    question: string,
    expect: string,
    expectValue?: number,
    shape: SentenceShape = 'template',
  ): GeneratedQuestion => ({ question, kind: 'fact', shape, docId, expect, expectValue })
  const freeText = (question: string, subject: string): GeneratedQuestion => ({
    question,
    kind: 'free-text',
    docId,
    subject,
  })
  // free-text questions ask about sentences every article has, never about optional filler
  const subjects = [`${place}|${topic.name}`, `${speaker}|${topic.name}`, `${expert}|${topic.name}`]
  const questions: GeneratedQuestion[] = [
    fact(
      `How many ${kinds[0]} ${topic.things} does the ${agency} run?`,
      String(counts[0]),
      counts[0],
    ),
    fact(`How much does ${place} invest in ${topic.name} per year?`, String(budget), budget * 1e6),
    fact(`How many ${topic.things} did ${place} have in ${y2}?`, String(after), after),
    fact(`Where is ${firm} headquartered?`, hq),
    ...novel.questions.map(([question, expect, value]) => fact(question, expect, value, 'novel')),
    freeText(`Why is ${place} expanding its ${topic.name} programme?`, subjects[0]!),
    freeText(`What did ${speaker} say about ${topic.name}?`, subjects[1]!),
    freeText(`What does ${expert} expect for ${topic.things} in ${place}?`, subjects[2]!),
  ]
  // the template's: the change over time, the budget and its share, three list lines, the
  // groups' share, the firm's seat and staff, the expected number
  const factSentences = { template: 9, novel: novel.questions.length }
  return { doc, questions, subjects, factSentences }
}

export interface GeneratedCorpus {
  docs: CorpusDocument[]
  questions: GeneratedQuestion[]
  /** the articles' fact sentences by shape, summed */
  factSentences: Record<SentenceShape, number>
  /** docId -> the subjects of that article */
  subjects: Map<string, Set<string>>
}

/** `size` articles and all their questions */
export function generateCorpus(size: number, seed = seedDefault): GeneratedCorpus {
  const docs: CorpusDocument[] = []
  const questions: GeneratedQuestion[] = []
  const subjects = new Map<string, Set<string>>()
  const factSentences = { template: 0, novel: 0 }
  for (let i = 0; i < size; i++) {
    const article = generateArticle(i, seed)
    factSentences.template += article.factSentences.template
    factSentences.novel += article.factSentences.novel
    docs.push(article.doc)
    questions.push(...article.questions)
    subjects.set(article.doc.docId, new Set(article.subjects))
  }
  return { docs, questions, factSentences, subjects }
}

/**
 * `count` questions of one kind (and, for facts, of one sentence shape if asked) drawn evenly
 * over the corpus, the same on every run
 */
export function sampleQuestions(
  corpus: GeneratedCorpus,
  kind: GeneratedQuestion['kind'],
  count: number,
  shape?: SentenceShape,
  seed = seedDefault,
): GeneratedQuestion[] {
  const pool = corpus.questions.filter((q) => q.kind === kind && (!shape || q.shape === shape))
  const rng = createRng(seedOf(`${seed}:sample:${kind}${shape ? `:${shape}` : ''}`))
  return Array.from({ length: count }, () => rng.pick(pool))
}
