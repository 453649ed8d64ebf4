/** Superlatives and lists of owners rank and name only the figures stated with the relation the question asks for. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../../src/core/conversation/turn'
import { knowledgeOf } from '../../helpers'

const banks = knowledgeOf([
  {
    docId: 'banks',
    title: 'Banks lose customers',
    text: [
      'Korvane Bank shed 120,000 customers in 2024.',
      'Dovren Bank has 2.1 million customers.',
      'Brellco Bank lost 300,000 customers in 2024.',
      'Valmora Bank has 900,000 customers.',
    ].join('\n\n'),
  },
])

const answer = (question: string) => answerQuestion(question, { knowledge: banks }).answer

describe('superlative by relation', () => {
  const ranks: [string, string][] = [
    ['Which bank lost the most customers?', 'Brellco Bank'],
    ['Which bank lost the fewest customers?', 'Korvane Bank'],
    ['Which bank has the most customers?', 'Dovren Bank'],
    ['Which bank has the fewest customers?', 'Valmora Bank'],
  ]
  for (const [question, winner] of ranks)
    it(`answers "${question}" with ${winner}`, () => {
      expect(answer(question).value).toBe(winner)
    })
})

describe('list of owners by relation', () => {
  const lists: [string, string[]][] = [
    ['Which banks lost customers?', ['Brellco Bank', 'Korvane Bank']],
    ['Which banks have customers?', ['Dovren Bank', 'Valmora Bank']],
  ]
  for (const [question, owners] of lists)
    it(`answers "${question}" with ${owners.join(' and ')} only`, () => {
      expect([...((answer(question).value as string[]) ?? [])].sort()).toEqual(owners)
    })
})
