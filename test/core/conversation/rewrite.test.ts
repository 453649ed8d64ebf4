/** An elliptical follow-up that swaps one word for its counterpart is the last question with that word swapped. */
import { describe, expect, it } from 'vitest'
import { swapInto } from '../../../src/core/conversation/rewrite'
import type { SessionState } from '../../../src/core/conversation/session'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf([
  {
    docId: 'valmora-film',
    title: 'Women in Valmora film earn less',
    text: [
      'Only 16% of women in the Valmora film industry earn more than £50,000, compared with 30% of men.',
      'The ferries carried 61% of commuters in June, compared to 48% in January.',
    ].join('\n\n'),
  },
])

describe('swapInto', () => {
  it.each([
    [
      'What share of women earn more than £50,000?',
      'And what share of men?',
      'What share of men earn more than £50,000?',
    ],
    [
      'What share of commuters did the ferries carry in January?',
      'And in June?',
      'What share of commuters did the ferries carry in June?',
    ],
    ['What happened before the war?', 'And after?', 'What happened after the war?'],
  ])('reads "%s" then "%s" as "%s"', (last, followUp, expected) => {
    expect(swapInto(knowledge, last, followUp)).toBe(expected)
  })

  it.each([
    ['What share of women earn more than £50,000?', 'And in 2019?'],
    ['How many ferries run in June?', 'And the trams?'],
  ])('leaves "%s" then "%s" to the other follow-up rules', (last, followUp) => {
    expect(swapInto(knowledge, last, followUp)).toBeUndefined()
  })
})

describe('a swapped follow-up in a conversation', () => {
  function converse(questions: string[]) {
    let session: SessionState | undefined
    return questions.map((q) => {
      const turn = answerQuestion(q, { knowledge, session, suggest: false })
      session = turn.session
      return turn.answer
    })
  }

  it('answers for the counterpart the follow-up names', () => {
    const [women, men] = converse([
      'What share of women in the Valmora film industry earn more than £50,000?',
      'And what share of men?',
    ])
    expect(women!.value).toBe(16)
    expect(men!.value).toBe(30)
  })

  it('takes the figure said with the month asked', () => {
    const [january, june] = converse([
      'What share of commuters did the ferries carry in January?',
      'And in June?',
    ])
    expect(january!.value).toBe(48)
    expect(june!.value).toBe(61)
  })
})

describe('the figure before the last one', () => {
  const waits = knowledgeOf([
    {
      docId: 'valmora-waits',
      title: 'Valmora waiting lists fall',
      text: [
        'The number of patients waiting over 12 months fell from 7,613 to 6,630, or 12.9%, the health board said.',
        'The board employs 4,100 nurses.',
      ].join('\n\n'),
    },
  ])
  function converse(questions: string[]) {
    let session: SessionState | undefined
    return questions.map((q) => {
      const turn = answerQuestion(q, { knowledge: waits, session, suggest: false })
      session = turn.session
      return turn.answer
    })
  }

  it('answers "before that" with the figure the last answer changed from, then the drop', () => {
    const [now, earlier, drop] = converse([
      'How many patients are waiting over 12 months?',
      'What was the number before that?',
      'So what is the percentage drop?',
    ])
    expect(now!.answer).toMatch(/6,630/)
    expect(earlier!.value).toBe(7613)
    expect(drop!.answer).toMatch(/12\.9%/)
  })

  it('says there is none when the last answer changed from nothing', () => {
    const [, earlier] = converse([
      'How many nurses does the board employ?',
      'What was it before that?',
    ])
    expect(earlier!.abstained).toBe(true)
  })
})
