/** What a retrieved sentence must say to answer: a negation for a negated question, the figures the question states. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf([
  {
    docId: 'valmora-ferries',
    title: 'Valmora ferries change their routes',
    text: [
      'The Harbour Ferry Company serves the islands of Orla, Brenn and Tasko from the old port.',
      'The ferries do not call at Kestrel Point because its pier is too short for the new boats.',
      'The new boats were built by Corvane Yards in Porto Verde.',
      'The Harbour Ferry Company carried 3.2 million passengers in 2023.',
    ].join('\n\n'),
  },
])
const ask = (question: string) => answerQuestion(question, { knowledge, suggest: false }).answer

describe('negated questions', () => {
  it('refuses a negated question when the only sentence that fits states no negation', () => {
    const answer = ask('Which islands does the Harbour Ferry Company not serve?')
    expect(answer.abstained).toBe(true)
  })

  it('answers a negated question from a sentence that says what is not so', () => {
    const answer = ask('What do the ferries not call at?')
    expect(answer.abstained).toBe(false)
    expect(answer.citations.map((c) => c.quote).join(' ')).toMatch(/do not call at Kestrel Point/)
  })

  it('answers the same question asked without the negation', () => {
    const answer = ask('Which islands does the Harbour Ferry Company serve?')
    expect(answer.abstained).toBe(false)
    expect(answer.citations.map((c) => c.quote).join(' ')).toMatch(/Orla, Brenn and Tasko/)
  })
})

describe('figures the question states', () => {
  it('answers when the sentence states the year asked', () => {
    const answer = ask('How many passengers did the company carry in 2023?')
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toMatch(/3\.2 million/)
  })

  it('refuses when no sentence near the answer states the figure asked', () => {
    expect(ask('Which company carried 4.5 million passengers in 2023?').abstained).toBe(true)
    expect(ask('Which company carried 3.2 million passengers in 2023?').abstained).toBe(false)
  })
})

describe('words a figure says by its sign', () => {
  const shares = knowledgeOf([
    {
      docId: 'valmora-commuters',
      title: 'Commuters take to the water',
      text: [
        'Ferries carried 61% of Valmora commuters in June, compared with 48% in January.',
        'The city council wants the share to reach 70% by 2027.',
      ].join('\n\n'),
    },
  ])

  it('answers a question in percentage points from a sentence that writes "%"', () => {
    const { answer } = answerQuestion(
      'By how many percentage points did the ferries’ share of commuters rise between January and June?',
      { knowledge: shares, suggest: false },
    )
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toMatch(/13 percentage points/)
  })
})

describe('a word the articles never use', () => {
  const firms = knowledgeOf([
    {
      docId: 'corvane-browsers',
      title: 'Surfers switch browsers',
      text: [
        '"People are switching browsers," said Marek Vos, co-founder of Valmora-based Corvane.com.',
        'Corvane.com invests £2m a year in its data centre.',
        'The firm measures web traffic for 300 clients.',
      ].join('\n\n'),
    },
  ])
  const ask = (q: string) => answerQuestion(q, { knowledge: firms, suggest: false }).answer

  it('is forgiven as a description of a name the sentence gives with the answer', () => {
    const answer = ask('Who co-founded the web analytics firm Corvane.com?')
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toMatch(/Marek Vos/)
  })

  it('is not forgiven as the thing a figure is asked for', () => {
    expect(ask('How much does Corvane.com invest in its metro every year?').abstained).toBe(true)
  })
})

describe('a count is of the thing asked, by the relation asked', () => {
  const bank = knowledgeOf([
    {
      docId: 'corvane-bank',
      title: 'Corvane Bank sheds customers',
      text: [
        'Corvane Bank shed 120,000 customers last year after it closed 40 branches.',
        'The bank said its profits fell 8% to £1.2bn.',
        'Its founder, Rina Oduya, went on to write 11 best-selling books.',
      ].join('\n\n'),
    },
  ])
  const ask = (q: string) => answerQuestion(q, { knowledge: bank, suggest: false }).answer

  it('answers the count the verb states', () => {
    expect(ask('How many customers did Corvane Bank lose?').answer).toMatch(/120,000/)
    expect(ask('How many branches did Corvane Bank close?').answer).toMatch(/40 branches/)
  })

  it('counts the noun after "how many", not another thing the question names', () => {
    expect(ask('How many copies did Rina Oduya’s books sell?').answer).not.toMatch(/11/)
    expect(ask('How many books did Rina Oduya write?').answer).toMatch(/11/)
  })

  it('never answers a count of customers with a count of branches, nor what it has with what it lost', () => {
    const answer = ask('How many customers does Corvane Bank have?')
    expect(answer.answer).not.toMatch(/40|120,000/)
    expect(answer.abstained).toBe(true)
  })
})

describe('a part of the year the question does not ask about', () => {
  const results = knowledgeOf([
    {
      docId: 'corvane-results',
      title: 'Corvane returns to profit in 2023',
      text: [
        'Corvane, the Valmora carmaker, said its finance arm made record profits in 2023. In the fourth quarter alone Corvane reported net income of £40m, compared with a loss of £90m a year ago.',
        'Net income for 2023 was £150m, up from £20m in 2022, while turnover rose £7bn to £170bn.',
      ].join('\n\n'),
    },
  ])
  const ask = (q: string) => answerQuestion(q, { knowledge: results, suggest: false }).answer

  it('answers a year with the year’s figure, not a quarter’s', () => {
    expect(ask("What was Corvane's net income for 2023?").answer).toMatch(/£150m/)
  })

  it('answers a quarter with the quarter’s figure', () => {
    expect(ask("What was Corvane's net income in the fourth quarter?").answer).toMatch(/£40m/)
  })
})

describe('what a speaker said', () => {
  const fees = knowledgeOf([
    {
      docId: 'valmora-fees',
      title: 'Valmora fees row',
      text: [
        'The group which represents the colleges, Valmora Colleges, said the new system of deferred fees would encourage poorer students to apply.',
        'The Corvane Student Union argued the opposite, saying the situation was likely to get much worse for poorer students.',
      ].join('\n\n'),
    },
  ])
  const ask = (q: string) => answerQuestion(q, { knowledge: fees, suggest: false }).answer

  it('is never answered by what another body said', () => {
    const answer = ask('What did the Corvane Student Union say about the new fees system?')
    expect(answer.citations.map((c) => c.quote).join(' ')).not.toMatch(/Valmora Colleges/)
  })
})
