/** Lookup answers with the figure whose relation the question asks for, and says a planned or compared one as such. */
import { describe, expect, it } from 'vitest'
import { lookup } from '../../../../src/core/answer/handlers/lookup'
import { toQuery } from '../../../../src/core/answer/query'
import { answerQuestion } from '../../../../src/core/conversation/turn'
import type { Knowledge } from '../../../../src/core/knowledge/types'
import { understand } from '../../../../src/core/nlu/understand'
import { knowledgeOf } from '../../helpers'

const bank = knowledgeOf([
  {
    docId: 'korvane-bank',
    title: 'Korvane Bank loses ground',
    text: [
      'Korvane Bank shed 120,000 customers in 2024 after a long outage.',
      'Korvane Bank has 2.1 million customers and employs 8,400 staff.',
      'Korvane Bank cut 600 jobs in 2024.',
    ].join('\n\n'),
  },
])

const wards = knowledgeOf([
  {
    docId: 'dovren-wards',
    title: 'Dovren Health moves care home',
    text: [
      'Dovren Health, headquartered in Ashby, runs 9 hospitals.',
      'Patients spent an average of 6.2 days on a virtual ward last year, compared with 8.9 days for similar patients in a hospital bed.',
      'From 2021 to 2023, the number of virtual ward beds at Dovren Health rose from 120 to 640.',
      'Velka Cycles will double its fleet to 3,000 bicycles by 2026.',
    ].join('\n\n'),
  },
])

function handled(knowledge: Knowledge, question: string) {
  return lookup(knowledge, toQuery(understand(question, knowledge), knowledge))
}
const answeredValue = (knowledge: Knowledge, question: string) => {
  const r = handled(knowledge, question)
  return r.type === 'answer' ? r.answer.value : r.type
}

describe('lookup: the relation asked', () => {
  const table: [string, number | string][] = [
    ['How many customers did Korvane Bank lose?', 120_000],
    ['How many customers does Korvane Bank have?', 2_100_000],
    ['How many staff does Korvane Bank employ?', 8_400],
    ['How many staff does Korvane Bank have?', 8_400],
    ['How many jobs did Korvane Bank cut?', 600],
  ]
  for (const [question, value] of table)
    it(`answers "${question}" with ${value}`, () => {
      expect(answeredValue(bank, question)).toBe(value)
    })

  it('does not answer what was lost with what the owner has', () => {
    const k = knowledgeOf([
      {
        docId: 'korvane-2',
        title: 'Korvane Bank',
        text: 'Korvane Bank has 2.1 million customers.',
      },
    ])
    expect(answeredValue(k, 'How many customers did Korvane Bank lose?')).toBe('abstain')
    expect(answeredValue(k, 'How many customers does Korvane Bank have?')).toBe(2_100_000)
  })

  it('does not answer what the owner has with what it lost', () => {
    const k = knowledgeOf([
      {
        docId: 'korvane-3',
        title: 'Korvane Bank',
        text: 'Korvane Bank shed 120,000 customers in 2024.',
      },
    ])
    expect(answeredValue(k, 'How many customers does Korvane Bank have?')).toBe('abstain')
  })
})

describe('lookup: two groups compared', () => {
  it('answers the first group with its own figure, not the one set against it', () => {
    expect(
      answeredValue(wards, 'How many days did patients spend on average on a virtual ward?'),
    ).toBe(6.2)
  })

  it('answers the other group only when the question names it, and says whose figure it is', () => {
    const r = handled(wards, 'How many days did similar patients in a hospital bed spend?')
    expect(r.type === 'answer' && r.answer.value).toBe(8.9)
    expect(r.type === 'answer' && r.answer.answer).toBe(
      'The figure for similar patients in a hospital bed is 8.9 days.',
    )
  })
})

describe('the value of an answer from a change', () => {
  it('is the figure the change came to', () => {
    expect(answeredValue(wards, 'How many virtual ward beds did Dovren Health have?')).toBe(640)
  })

  it('is the figure it came to when neither figure has a year', () => {
    const k = knowledgeOf([
      {
        docId: 'dovren-stays',
        title: 'Dovren Health stays',
        text: 'Dovren Health runs 9 hospitals. Patients spent 6.2 days on a virtual ward, down from 8.9 days.',
      },
    ])
    expect(answeredValue(k, 'How many days did patients spend on a virtual ward?')).toBe(6.2)
    expect(answeredValue(k, 'How many days did patients spend on a virtual ward before?')).toBe(8.9)
  })

  it('is the earlier figure when the question asks for it ("before")', () => {
    expect(answeredValue(wards, 'How many virtual ward beds did Dovren Health have before?')).toBe(
      120,
    )
  })

  it('is the earlier figure when the question asks for its year', () => {
    expect(answeredValue(wards, 'How many virtual ward beds did Dovren Health have in 2021?')).toBe(
      120,
    )
  })
})

describe('a planned figure', () => {
  it('is said as planned', () => {
    const a = answerQuestion('How many bicycles does Velka Cycles have?', {
      knowledge: wards,
    }).answer
    expect(a.value).toBe(3000)
    expect(a.answer).toMatch(/\bwill double its fleet to 3,000 bicycles\b/)
  })
})
