/** A short text is read by wink once: the same tokens come back, frozen, and a long text is read afresh. */
import { describe, expect, it } from 'vitest'
import { analyze } from '../../../src/core/nlu/nlp'

describe('analyze', () => {
  it('gives a short text the same frozen tokens each time', () => {
    const first = analyze('How many docking stations does the scheme run?')
    expect(analyze('How many docking stations does the scheme run?')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first[0])).toBe(true)
    expect(() => {
      ;(first as unknown as unknown[]).push(first[0])
    }).toThrow()
  })

  it('reads a long text afresh, with the same lemmas', () => {
    const long = `${'The stations were opened. '.repeat(12)}`.trim()
    expect(analyze(long)).not.toBe(analyze(long))
    expect(analyze(long).map((t) => t.lemma)).toEqual(analyze(long).map((t) => t.lemma))
  })
})
