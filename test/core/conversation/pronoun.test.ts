/** "he" after a "who" answer means the person that answer named, an entity of the corpus or not. */
import { describe, expect, it } from 'vitest'
import type { SessionState } from '../../../src/core/conversation/session'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf([
  {
    docId: 'corvane-results',
    title: 'Corvane Bank profits climb',
    text: [
      'Corvane Bank said annual profits rose 12% to £2.1bn.',
      '"The story is costs," said analyst Tamsin Rooke at Halden Securities.',
      'Tamsin Rooke joined Halden Securities in 2015 after ten years in Valmora.',
      'Marek Vos joined Halden Securities in 2011 from Brellco.',
      'The bank employs 41,000 people.',
    ].join('\n\n'),
  },
])

function converse(questions: string[]) {
  let session: SessionState | undefined
  return questions.map((q) => {
    const turn = answerQuestion(q, { knowledge, session, suggest: false })
    session = turn.session
    return turn
  })
}

describe('a pronoun after a who answer', () => {
  it('keeps the person a who answer named for the next turn', () => {
    const [who] = converse(['Which analyst said the story is costs?'])
    expect(who!.answer.value).toBe('Tamsin Rooke')
    const focus = who!.session.focus
    const person = focus?.lastPersonName ?? knowledge.entityById.get(focus?.lastPerson ?? '')?.name
    expect(person).toBe('Tamsin Rooke')
  })

  it('reads "she" in the next question as that person', () => {
    const turns = converse([
      'Which analyst said the story is costs?',
      'When did she join Halden Securities?',
    ])
    expect(turns[1]!.answer.abstained).toBe(false)
    expect(turns[1]!.answer.answer).toMatch(/2015/)
  })
})
