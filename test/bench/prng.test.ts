import { describe, expect, it } from 'vitest'
import { createRng, seedOf } from '../../scripts/bench/prng'

const draw = (seed: number, n = 5) => {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => rng.next())
}

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(42)).toEqual(draw(42))
  })

  it('gives another sequence for another seed', () => {
    expect(draw(42)).not.toEqual(draw(43))
  })

  it('keeps int within its bounds, both ends included', () => {
    const rng = createRng(7)
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)))
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })

  it('samples distinct items, no more than there are', () => {
    const rng = createRng(1)
    const items = ['a', 'b', 'c', 'd', 'e']
    const three = rng.sample(items, 3)
    expect(new Set(three).size).toBe(3)
    expect(rng.sample(items, 9).sort()).toEqual(items)
  })

  it('refuses to pick from nothing', () => {
    expect(() => createRng(1).pick([])).toThrow('pick: no items')
  })
})

describe('seedOf', () => {
  it('mixes text into a stable 32-bit seed', () => {
    expect(seedOf('20170523:7')).toBe(seedOf('20170523:7'))
    expect(seedOf('20170523:7')).not.toBe(seedOf('20170523:8'))
    expect(seedOf('x')).toBeLessThan(2 ** 32)
  })
})
