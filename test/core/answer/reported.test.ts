/** A figure in what someone reports ("Corvane said that ...") is not the speaker's own unless it is said of them. */
import { describe, expect, it } from 'vitest'
import { anotherOwner, type OwnerContext } from '../../../src/core/answer/typed/agree'
import type { TypedSpan } from '../../../src/core/answer/typed/candidates'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { knowledgeOf } from '../helpers'

const reporting = /\b(?:said|noted|told|reported that)\b(?:(?:\s+[\w'’-]+){0,4}?\s+that\b)?/gi
const context: OwnerContext = {
  before: '',
  isName: () => true,
  topic: 'the pellow browser takes on its rivals',
  reporting,
}

/** the span of `figure` inside `sentence`, as the typed reader gives it */
function spanOf(sentence: string, figure: string): TypedSpan {
  const start = sentence.indexOf(figure)
  return { start, end: start + figure.length, text: figure, type: 'count' }
}

const blocked = (sentence: string, figure: string, owner: string, ctx = context) =>
  anotherOwner('count', spanOf(sentence, figure), sentence, [[owner]], ctx)

describe('anotherOwner with a reported clause', () => {
  it.each([
    [
      'Corvane said that more than 5 million have downloaded the free Pellow browser.',
      '5 million',
      'pellow',
    ],
    ['Marlow Analytics noted that sales of Pellow games rose 37%.', '37%', 'pellow'],
    ['Corvane told reporters on Monday that it sold 5,000 bikes.', '5,000', 'corvane'],
    ['Corvane said that 5,000 bikes were sold in the first week.', '5,000', 'corvane'],
  ])('gives the figure of "%s" to the one it is said of', (sentence, figure, owner) => {
    expect(blocked(sentence, figure, owner)).toBe(false)
  })

  it.each([
    ['Corvane said that Brellco sold 5,000 bikes in March.', '5,000', 'corvane'],
    ['Corvane said it sold 5,000 bikes.', '5,000', 'brellco'],
    ['Corvane sold 5,000 bikes, Brellco said.', '5,000', 'brellco'],
    ['Corvane reported net income of $104m.', '$104m', 'pellow'],
  ])('keeps the figure of "%s" from another owner', (sentence, figure, owner) => {
    expect(blocked(sentence, figure, owner)).toBe(true)
  })

  it('reads the sentence as before without reporting verbs', () => {
    const sentence = 'Corvane said that more than 5 million have downloaded the browser.'
    expect(blocked(sentence, '5 million', 'pellow', { ...context, reporting: undefined })).toBe(
      true,
    )
  })
})

describe('a reported figure end to end', () => {
  const knowledge = knowledgeOf([
    {
      docId: 'pellow',
      title: 'Pellow browser takes on its rivals',
      text: [
        'The Pellow browser has been released in its first complete version.',
        'Corvane said that more than 5 million have downloaded the free software since its release.',
        'Corvane employs 120 people in Valmora.',
      ].join('\n\n'),
    },
  ])

  it('answers with the figure said of the article subject, not refused as the speaker’s', () => {
    const { answer } = answerQuestion('How many people have downloaded Pellow since its release?', {
      knowledge,
      suggest: false,
    })
    expect(answer.abstained).toBe(false)
    expect(answer.answer).toMatch(/5 million/i)
  })
})
