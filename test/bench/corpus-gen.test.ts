import { describe, expect, it } from 'vitest'
import { generateArticle, generateCorpus, sampleQuestions } from '../../scripts/bench/corpus-gen'
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

  it('splits into paragraphs, headings and list lines', () => {
    const kinds = new Set(splitPassages(doc).map((p) => p.kind))
    expect(kinds).toEqual(new Set(['paragraph', 'heading', 'line']))
  })

  it('asks fact questions whose answers the article states, and free-text ones', () => {
    const facts = questions.filter((q) => q.kind === 'fact')
    expect(facts.length).toBeGreaterThan(0)
    for (const q of facts) expect(doc.text).toContain(q.expect)
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

  it('fails on an empty corpus', () => {
    expect(() => sampleQuestions(generateCorpus(0), 'fact', 1)).toThrow('pick: no items')
  })
})
