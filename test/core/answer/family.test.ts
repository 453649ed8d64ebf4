/** A word the corpus never uses is looked for in the other forms of its family. */
import { describe, expect, it } from 'vitest'
import { familyStem } from '../../../src/core/answer/passage'

describe('familyStem', () => {
  it.each([
    ['co-founded', 'co-founder'],
    ['developers', 'developed'],
    ['installation', 'installing'],
    ['payments', 'payment'],
    ['planning', 'plans'],
    ['shipped', 'ships'],
    ['falling', 'falls'],
  ])('gives "%s" and "%s" one stem', (a, b) => {
    expect(familyStem(a)).toBe(familyStem(b))
  })

  it.each([
    ['power', 'pow'],
    ['water', 'wat'],
    ['bus', 'bu'],
  ])('keeps "%s" whole rather than cut it to "%s"', (word, cut) => {
    expect(familyStem(word)).not.toBe(cut)
    expect(familyStem(word)).toBe(word)
  })
})
