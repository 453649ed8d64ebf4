/** A sentence that counts the question's thing with another number is about something else. */
import { describe, expect, it } from 'vitest'
import { conflictingNumbers } from '../../../src/core/answer/typed/conflict'

describe('conflictingNumbers', () => {
  it.each([
    [
      'How many patients have waited more than 18 months?',
      'The number waiting over 12 months fell to 6,630.',
    ],
    ['What does a 7 day pass cost?', 'A 3 day pass costs EUR 9.'],
    ['How long do trains take on the 40 mile line?', 'Trains take 25 minutes on the 32 mile line.'],
  ])('"%s" is not answered by "%s"', (question, sentence) => {
    expect(conflictingNumbers(question, sentence)).toBe(true)
  })

  it.each([
    [
      'How many patients have waited more than 12 months?',
      'The number waiting over 12 months fell to 6,630.',
    ],
    // the question's number is said in the sentence, counting something else there
    ['How many of the top 20 games did Corvane publish?', 'Corvane had 9 games in the top 20.'],
    ['How many ferries ran in 2023?', 'The company ran 42 ferries in 2023.'],
    ['How much did 1,200 tickets cost?', 'The 1200 tickets cost £5,000.'],
  ])('"%s" may be answered by "%s"', (question, sentence) => {
    expect(conflictingNumbers(question, sentence)).toBe(false)
  })
})
