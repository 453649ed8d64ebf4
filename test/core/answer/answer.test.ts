/** answerQuestion over a small made-up corpus: each handler answers with the figure and its source, or abstains. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/core/conversation/turn'
import type { Answer } from '../../../src/core/types'
import { knowledgeOf } from '../helpers'
import { harbour, smallCorpus, transit } from './small-corpus'

const knowledge = knowledgeOf(smallCorpus)
/** every question this file asks, for the citation check at the end */
const asked = new Set<string>()

function ask(question: string): Answer {
  asked.add(question)
  return answerQuestion(question, { knowledge }).answer
}
/** the citations' quotes, to check that the stating line is among them */
const quotes = (answer: Answer) => answer.citations.map((c) => c.quote)
const cites = (answer: Answer, line: string) =>
  expect(quotes(answer).some((q) => q.includes(line))).toBe(true)

describe('answerQuestion: lookup', () => {
  it('gives a count with its owner and year, citing the line that states it', () => {
    const answer = ask('How many electric buses did the Valmora Transit Agency operate in 2023?')
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(240)
    expect(answer.answer).toContain('240')
    expect(answer.answer).toContain('Valmora Transit Agency')
    cites(answer, 'operated 240 electric buses in 2023')
  })

  it('gives the earlier figure of a before/after fact for its year', () => {
    const answer = ask('How many electric buses did the Valmora Transit Agency operate in 2019?')
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(90)
    cites(answer, 'up from 90 in 2019')
  })

  it('gives a share', () => {
    const answer = ask('What share of the fleet did electric buses make up in 2023?')
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(60)
    expect(answer.answer).toContain('60%')
    cites(answer, 'made up 60% of the fleet')
  })

  it('abstains for an owner the corpus does not have, asserting no figure', () => {
    for (const question of [
      'How many electric buses did the Ministry of Education operate?',
      'How many charging points did the Porto Verde University install?',
    ]) {
      const answer = ask(question)
      expect(answer.abstained).toBe(true)
      expect(answer.citations).toEqual([])
      expect(answer.answer).not.toMatch(/\b(?:240|180|90)\b/)
    }
  })

  it('abstains for a year the corpus has no figure for', () => {
    const answer = ask('How many electric buses did the Valmora Transit Agency operate in 2015?')
    expect(answer.abstained).toBe(true)
    expect(answer.citations).toEqual([])
    expect(answer.answer).not.toMatch(/\b(?:240|90)\b/)
  })

  it('gives both figures with their sources when two articles differ', () => {
    const answer = ask('How many ferries did the Harbour Ferry Company operate in 2023?')
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toContain('42')
    expect(answer.answer).toContain('35')
    expect(answer.answer).toContain(transit.title)
    expect(answer.answer).toContain(harbour.title)
    expect(answer.citations.map((c) => c.docId).sort()).toEqual([
      'valmora-harbour',
      'valmora-transit',
    ])
  })
})

describe('answerQuestion: lists and attributes', () => {
  it('lists the three busiest lines', () => {
    const answer = ask('Which three lines are the busiest?')
    expect(answer.abstained).toBe(false)
    for (const line of ['Riverside', 'Harbourfront', 'Northgate'])
      expect(answer.answer).toContain(line)
    expect(answer.kind).toBe('list')
    cites(answer, 'Riverside, Harbourfront and Northgate')
  })

  it('says where a company is based', () => {
    const answer = ask('Where is the Valmora Transit Agency headquartered?')
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toContain('Porto Verde')
    cites(answer, 'headquartered in Porto Verde')
  })

  it('says who a person is', () => {
    const answer = ask('Who is Tomas Reyes?')
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toContain('chief executive')
    expect(answer.answer).toContain('Valmora Transit Agency')
    cites(answer, 'said Tomas Reyes, chief executive of Valmora Transit Agency')
  })

  it('abstains on a person the corpus does not name', () => {
    const answer = ask('Who is Maria Lopes?')
    expect(answer.abstained).toBe(true)
    expect(answer.citations).toEqual([])
  })
})

describe('answerQuestion: superlatives and comparisons', () => {
  it('names the owner with the most and the fewest of a family of figures', () => {
    const most = ask('Which operator installed the most charging points?')
    expect(most.abstained).toBe(false)
    expect(most.answer).toContain('Valmora Transit Agency')
    expect(most.answer).toContain('180')
    cites(most, 'installed 180 charging points')
    const fewest = ask('Which company installed the fewest charging points?')
    expect(fewest.answer).toContain('Harbour Ferry Company')
    expect(fewest.answer).toContain('24')
  })

  it('answers yes or no to "did A install more than B", citing both figures', () => {
    const no = ask(
      'Did the Harbour Ferry Company install more charging points than Nordline Taxis?',
    )
    expect(no.value).toBe('no')
    cites(no, 'installed 24 charging points')
    cites(no, 'installed 95 charging points')
    const yes = ask(
      'Did Nordline Taxis install more charging points than the Harbour Ferry Company?',
    )
    expect(yes.value).toBe('yes')
  })
})

describe('answerQuestion: computed', () => {
  it('gives a difference with the arithmetic, citing both facts', () => {
    const answer = ask(
      'How many more charging points did the Valmora Transit Agency install than Nordline Taxis?',
    )
    expect(answer.kind).toBe('computed')
    expect(answer.value).toBe(85)
    expect(answer.answer).toMatch(/180 − 95 = 85/)
    cites(answer, 'installed 180 charging points')
    cites(answer, 'installed 95 charging points')
  })

  it('gives a total with the arithmetic, citing both facts', () => {
    const answer = ask(
      'How many charging points did Nordline Taxis and the Harbour Ferry Company install in total?',
    )
    expect(answer.value).toBe(119)
    expect(answer.answer).toMatch(/95 \+ 24 = 119/)
    cites(answer, 'installed 95 charging points')
    cites(answer, 'installed 24 charging points')
  })

  it('gives growth between two years with the arithmetic', () => {
    const answer = ask(
      'How much have the electric buses of the Valmora Transit Agency grown since 2019?',
    )
    expect(answer.value).toBe(150)
    expect(answer.answer).toMatch(/240 − 90 = 150/)
    cites(answer, 'up from 90 in 2019')
  })

  it('gives growth when the question names the thing but not the owner', () => {
    const answer = ask('How much did the number of electric buses grow from 2019 to 2023?')
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(150)
  })

  it('refuses growth since a year the corpus has no figure for', () => {
    const answer = ask(
      'How much have the electric buses of the Valmora Transit Agency grown since 2010?',
    )
    expect(answer.abstained).toBe(true)
    expect(answer.citations).toEqual([])
  })
})

describe('answerQuestion: passages', () => {
  it('answers a why-question from the passage that gives the reason', () => {
    const answer = ask('Why did ridership fall?')
    expect(answer.abstained).toBe(false)
    expect(answer.kind).toBe('passage')
    cites(answer, 'because offices closed')
  })

  it('abstains on a question the articles do not touch', () => {
    const answer = ask('What is the capital of Peru?')
    expect(answer.abstained).toBe(true)
    expect(answer.citations).toEqual([])
  })
})

describe('answerQuestion: citations', () => {
  it('quotes exactly text.slice(start, end) of the cited document in every answer', () => {
    const questions = [
      ...asked,
      'How many electric buses did the Valmora Transit Agency operate in 2023?',
      'Which operator installed the most charging points?',
      'How many ferries did the Harbour Ferry Company operate in 2023?',
      'Why did ridership fall?',
    ]
    for (const answer of questions.map((q) => answerQuestion(q, { knowledge }).answer)) {
      if (!answer.abstained) expect(answer.citations.length).toBeGreaterThan(0)
      for (const c of answer.citations) {
        const doc = smallCorpus.find((d) => d.docId === c.docId)!
        expect(c.quote).toBe(doc.text.slice(c.start, c.end))
        expect(c.title).toBe(doc.title)
        expect(c.passageId.startsWith(`${c.docId}#p`)).toBe(true)
      }
    }
  })
})
