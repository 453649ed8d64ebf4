/** Grouping the questions nobody answered: the same text first, then the same key terms. */
import { describe, expect, it } from 'vitest'
import { groupQuestions, keyTerms, normalise } from '../../src/store/group'
import { record } from './helpers'

const asked = (question: string, at = 1, reason = 'weak support (0.50)') =>
  record({ answerId: `${question}-${at}`, question, at, reason })

describe('normalise and keyTerms', () => {
  it('reads case, accents, punctuation and spacing alike', () => {
    expect(normalise('  Où est  Zürich?! ')).toBe('ou est zurich')
  })

  it('keeps the words that carry the question, singular', () => {
    expect(keyTerms('How many pilots did MOHURD run?')).toEqual(['mohurd', 'pilot', 'run'])
    expect(keyTerms('What is it?')).toEqual([])
  })
})

describe('groupQuestions', () => {
  it('puts the same text in one group, counted, with the last time asked', () => {
    const groups = groupQuestions([
      asked('Capital of France?', 3),
      asked('capital of  france', 5),
      asked('Who won?', 4),
    ])
    expect(groups[0]).toEqual({
      question: 'Capital of France?',
      variants: ['capital of  france'],
      count: 2,
      lastAt: 5,
      terms: ['capital', 'france'],
      reasons: ['weak support (0.50)'],
    })
    expect(groups[1]).toMatchObject({ question: 'Who won?', count: 1, lastAt: 4 })
  })

  it('merges wordings that share most key terms, and keeps apart those that do not', () => {
    const groups = groupQuestions([
      asked('How many TEU did the port handle in 2019?'),
      asked('TEU the port handled in 2019'),
      asked('How many cranes does the port have?'),
    ])
    expect(groups.map((g) => [g.count, g.terms])).toEqual([
      [2, ['2019', 'port', 'teu']],
      [1, ['crane', 'port']],
    ])
  })

  it('gives nothing for nothing', () => {
    expect(groupQuestions([])).toEqual([])
  })
})
