import { describe, expect, it } from 'vitest'
import {
  generateArticle,
  generateCorpus,
  sampleQuestions,
  sponsorOf,
} from '../../scripts/bench/corpus-gen'
import { splitPassages } from '../../src/core/corpus/passages'

describe('generateCorpus', () => {
  it('is the same on every run', () => {
    expect(generateCorpus(5)).toEqual(generateCorpus(5))
  })

  it('makes a smaller corpus the prefix of a larger one', () => {
    const small = generateCorpus(3)
    const large = generateCorpus(30)
    expect(large.docs.slice(0, 3)).toEqual(small.docs)
  })

  it('gives each article its own docId and another seed another corpus', () => {
    const { docs } = generateCorpus(200)
    expect(new Set(docs.map((d) => d.docId)).size).toBe(200)
    expect(generateCorpus(1, 1).docs[0]!.text).not.toBe(docs[0]!.text)
  })
})

describe('generateArticle', () => {
  const { doc, questions } = generateArticle(12)

  it('writes what news articles hold: figures, owners, lists, quotes, places', () => {
    expect(doc.text).toMatch(/From \d{4} to \d{4}, the number of .+ increased from \d+ to \d+/)
    expect(doc.text).toMatch(/ [A-Z]{3} \d+ million per year in /)
    expect(doc.text).toMatch(/\d+% of /)
    expect(doc.text).toMatch(/^\d+ .+ of .+$/m)
    expect(doc.text).toMatch(
      /The three \w+( \w+)? of [A-Z][\w ]+, [A-Z][\w ]+ and [A-Z][\w ]+ account/,
    )
    expect(doc.text).toMatch(/headquartered in [A-Z]/)
    expect(doc.text).toMatch(/,” said [A-Z]\w+ [A-Z]\w+, [a-z ]+ of /)
    expect(doc.title).toMatch(/ million a year into /)
  })

  it('writes a third of its fact sentences in shapes the extractor was not written from', () => {
    const { factSentences } = generateArticle(12)
    // every sentence or list line with a figure in it is a fact sentence (no filler has one)
    const withFigures = doc.text
      .split(/\n+|(?<=[.!?”])\s+(?=[A-Z“])/)
      .filter((sentence) => /\d/.test(sentence))
    expect(withFigures.length).toBe(factSentences.template + factSentences.novel)
    expect(factSentences.novel / withFigures.length).toBeGreaterThanOrEqual(1 / 3)
    expect(doc.text).toMatch(/ donated [A-Z]{3} \d{2,3},000 to the /)
    expect(doc.text).toMatch(/ pushed its revenue up to [A-Z]{3} \d+ million in \d{4}\./)
    expect(doc.text).toMatch(/More than \d+ volunteers work for [A-Z]/)
    expect(doc.text).toMatch(/ \d\.\d out of 10 on average, compared with \d(\.\d)? for its /)
    const novel = questions.filter((q) => q.shape === 'novel')
    expect(novel).toHaveLength(factSentences.novel)
  })

  it('splits into paragraphs, headings and list lines', () => {
    const kinds = new Set(splitPassages(doc).map((p) => p.kind))
    expect(kinds).toEqual(new Set(['paragraph', 'heading', 'line']))
  })

  it('asks fact questions whose answers the article states, and free-text ones', () => {
    const facts = questions.filter((q) => q.kind === 'fact')
    expect(facts.length).toBeGreaterThan(0)
    for (const q of facts) expect(doc.text).toContain(q.expect)
  })

  it('asks each question about the novel shapes of one article only', () => {
    const novel = generateCorpus(2000).questions.filter((q) => q.shape === 'novel')
    expect(new Set(novel.map((q) => q.question)).size).toBe(novel.length)
    expect(new Set(Array.from({ length: 10_440 }, (_, i) => sponsorOf(i))).size).toBe(10_440)
    expect(questions.every((q) => q.docId === doc.docId)).toBe(true)
  })

  it('asks free-text questions about subjects the article has, named in the text', () => {
    const article = generateArticle(12)
    const free = questions.filter((q) => q.kind === 'free-text')
    expect(free.length).toBeGreaterThan(0)
    for (const q of free) {
      expect(article.subjects).toContain(q.subject)
      for (const part of q.subject!.split('|'))
        expect(doc.text.toLowerCase()).toContain(part.toLowerCase())
    }
  })
})

describe('sampleQuestions', () => {
  it('draws the same questions of one kind on every run', () => {
    const corpus = generateCorpus(10)
    const a = sampleQuestions(corpus, 'fact', 20)
    expect(a).toEqual(sampleQuestions(corpus, 'fact', 20))
    expect(a.every((q) => q.kind === 'fact')).toBe(true)
  })

  it('draws facts of one sentence shape when asked', () => {
    const corpus = generateCorpus(10)
    expect(sampleQuestions(corpus, 'fact', 20, 'novel').every((q) => q.shape === 'novel')).toBe(
      true,
    )
    expect(
      sampleQuestions(corpus, 'fact', 20, 'template').every((q) => q.shape === 'template'),
    ).toBe(true)
  })

  it('fails on an empty corpus', () => {
    expect(() => sampleQuestions(generateCorpus(0), 'fact', 1)).toThrow('pick: no items')
  })
})
