/** One sentence, two figures: each owner gets its own, and a relative clause is never said as the owner's. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { understand } from '../../../src/core/nlu/understand'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf([
  {
    docId: 'tram',
    title: 'Aldervik tram line to open two years late',
    published: '2024-03-02',
    text: [
      'The new tram line in Aldervik will open in 2027, two years later than planned.',
      'The tram line will cost EUR 420 million, of which EUR 150 million comes from the Corvane Fund and the rest from the city.',
    ].join('\n\n'),
  },
])
const ask = (q: string) => answerQuestion(q, { knowledge, suggest: false }).answer

describe('a sentence with two figures', () => {
  it.each([
    ['How much does the Corvane Fund give to the tram line?', 150_000_000],
    ['How much will the tram line cost?', 420_000_000],
  ])('answers "%s" with its own figure', (question, value) => {
    const answer = ask(question)
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(value)
  })

  it('never puts the owner before a relative clause', () => {
    expect(ask('How much does the Corvane Fund give to the tram line?').answer).not.toMatch(
      /Corvane Fund of which/,
    )
  })
})

describe('an acronym the text never writes', () => {
  it('is read off the initials of the one name it spells', () => {
    const answer = ask('How much money comes from the CF?')
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(150_000_000)
  })

  it('is still unknown when no name spells it', () => {
    expect(ask('How much money comes from the XQZ?').abstained).toBe(true)
  })
})

describe('who runs an organisation', () => {
  const firm = knowledgeOf([
    {
      docId: 'brellco',
      title: 'Brellco profits rise',
      text: [
        'Brellco, the ferry operator, made a profit of EUR 40 million last year.',
        "Brellco's chief Ada Quill said the company had a strong year.",
      ].join('\n\n'),
    },
  ])
  it.each(['Who runs Brellco?', 'Who heads Brellco?', 'Who leads Brellco?'])(
    'answers "%s" with its chief',
    (q) => {
      const { answer } = answerQuestion(q, { knowledge: firm, suggest: false })
      expect(answer.abstained).toBe(false)
      expect(answer.answer).toMatch(/Ada Quill/)
    },
  )
})

describe('a word for a people is no owner', () => {
  const lists = knowledgeOf([
    {
      docId: 'valmora-health',
      title: 'Waiting times fall again',
      text: [
        'Hospitals cut their waiting times again in March, and fewer patients waited over a year, the health board said.',
        'There are 5,000 people on a waiting list of some kind, down from 5,400 last month.',
        'The Valmoran health board expects further cuts.',
        'Net income for the year was $3.5bn, up from $2.9bn.',
        'Its motor pool was renewed.',
      ].join('\n\n'),
    },
  ])
  const ask = (q: string) => answerQuestion(q, { knowledge: lists, suggest: false }).answer

  it('answers about "Valmoran waiting lists" from a sentence that names no one', () => {
    const answer = ask('How many fewer people are on Valmoran waiting lists than last month?')
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(400)
  })

  it('still refuses a figure for an owner the article never names', () => {
    expect(ask("What was Grendal Motors' net income for the year?").abstained).toBe(true)
  })

  it('keeps a repaired word of a name capitalised, so the name is still read as one', () => {
    const u = understand("What was Grendal Motors' net income for the year?", lists)
    expect(u.text).toMatch(/Grendal Motor/)
    expect(u.properNames).toEqual(expect.arrayContaining(['grendal', 'motor']))
  })
})
