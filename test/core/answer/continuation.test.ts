/** A passage answer quotes the sentence after it too when that sentence continues it. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf([
  {
    docId: 'valmora-waits',
    title: 'Valmora waiting lists fall',
    text: [
      'Dr Rina Oduya, secretary of the Valmora Medical Guild, welcomed the new targets on waiting lists. "However, much remains to be done because Valmora still lags behind its neighbours," she said. The guild has 4,000 members.',
      'The health board will open two clinics in Porto Verde next year.',
    ].join('\n\n'),
  },
])
const ask = (q: string) => answerQuestion(q, { knowledge, suggest: false }).answer

describe('a passage answer and its continuation', () => {
  it('quotes the sentence that continues the best one', () => {
    const answer = ask('What did Rina Oduya say about the new targets on waiting lists?')
    expect(answer.kind).toBe('passage')
    expect(answer.citations.map((c) => c.quote).join(' ')).toMatch(/much remains to be done/)
  })

  it('quotes a sentence alone when the next one starts anew', () => {
    const answer = ask('What will the health board open next year?')
    expect(answer.citations).toHaveLength(1)
  })
})
