/** A person's name is said without "the", and his or her before a figure's noun gives the figure to that person. */
import { describe, expect, it } from 'vitest'
import { entityName } from '../../../src/core/answer/format'
import { answerQuestion } from '../../../src/core/conversation/turn'
import type { QuantityFact } from '../../../src/core/types'
import { knowledgeOf } from '../helpers'

// the text writes "the Rina Oduya" (a team named after her) more often than the name alone
const k = knowledgeOf([
  {
    docId: 'pay',
    title: 'Pay at Brellco Holdings',
    text: [
      'Brellco Holdings hired Rina Oduya in 2019. Her salary rose to $4m in 2024.',
      'Tomas Berg joined later. His pay was £80,000 in 2024.',
      'The Corvane Fund earned $2m in 2024.',
      'The board of Brellco Holdings praised the Rina Oduya team and the Rina Oduya award.',
    ].join('\n\n'),
  },
])
const idOf = (name: string) => k.entities.find((e) => e.name === name)?.id
const fact = (display: string) =>
  k.facts.find((f): f is QuantityFact => f.kind === 'quantity' && f.quantity.display === display)
const owner = (display: string) => fact(display)?.owner

describe('entityName', () => {
  it('says a person without the article the text writes before the name', () => {
    const rina = k.entities.find((e) => e.name === 'Rina Oduya')
    expect(rina?.type).toBe('person')
    expect(rina?.article).toBe(true)
    expect(entityName(k, idOf('Rina Oduya'))).toBe('Rina Oduya')
  })
  it('keeps the article of an organisation', () => {
    expect(entityName(k, idOf('Corvane Fund'))).toBe('the Corvane Fund')
  })
})

describe('his and her before a figure', () => {
  it('give the figure to the person they point back to', () => {
    expect(owner('$4m')).toBe('Rina Oduya')
    expect(owner('£80,000')).toBe('Tomas Berg')
  })
  it('make the noun after them the thing of the figure', () => {
    expect(fact('$4m')?.thing).toBe('salary')
    expect(fact('£80,000')?.thing).toBe('pay')
  })
  it('read "his declared income of up to" as his', () => {
    const text =
      'Brellco Holdings hired Tomas Berg in 2019. His declared income of up to £205,000 includes fees.'
    const income = knowledgeOf([{ docId: 'i', title: 'Income', text }]).facts.find(
      (f): f is QuantityFact => f.kind === 'quantity' && f.quantity.value === 205_000,
    )
    expect([income?.owner, income?.thing]).toEqual(['Tomas Berg', 'declared income'])
  })
  it('are said as the person\'s name in the answer, without "the"', () => {
    const a = answerQuestion('How much was Rina Oduya paid in 2024?', { knowledge: k }).answer
    expect(a.answer).toBe("Rina Oduya's salary rose to $4m in 2024.")
    expect(a.value).toBe(4_000_000)
    const b = answerQuestion("What was Tomas Berg's pay?", { knowledge: k }).answer
    expect(b.answer).toBe("Tomas Berg's pay was £80,000 in 2024.")
  })
})
