/** A sentence that says the opposite of the question's word does not answer it. */
import { describe, expect, it } from 'vitest'
import { saysOpposite } from '../../../src/core/answer/typed/opposites'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf([{ docId: 'empty', title: 'Valmora', text: 'Valmora is a city.' }])

describe('saysOpposite', () => {
  it.each([
    ['What did Corvane build after the war?', 'Corvane built ferries before the war.'],
    ['By how much did profits at Brellco fall?', 'Profits at Brellco rose 12% to £2.1bn.'],
    ['Which line carries the fewest riders?', 'The Riverside line carries the most riders.'],
    [
      'Who was the last chief of the Valmora Transit Agency?',
      'Tomas Reyes was the first chief of the agency.',
    ],
  ])('"%s" is not answered by "%s"', (question, sentence) => {
    expect(saysOpposite(knowledge, question, sentence)).toBe(true)
  })

  it.each([
    ['What did Corvane build after the war?', 'After the war, Corvane built ferries.'],
    ['By how much did profits at Brellco rise?', 'Profits at Brellco rose 12% to £2.1bn.'],
    // a question that says both words does not ask one against the other
    ['Which was larger, the eastern or the western fleet?', 'The western fleet had 40 ships.'],
    [
      'How many ferries does the Harbour Ferry Company run?',
      'The company runs 42 ferries, the most in the region.',
    ],
  ])('"%s" may be answered by "%s"', (question, sentence) => {
    expect(saysOpposite(knowledge, question, sentence)).toBe(false)
  })
})
