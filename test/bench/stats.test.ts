import { describe, expect, it } from 'vitest'
import { growthWords, logLogSlope, median, percentile } from '../../scripts/bench/stats'

describe('percentile', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i)

  it('takes the nearest rank', () => {
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 99)).toBe(99)
    expect(percentile(samples, 100)).toBe(100)
    expect(percentile([7], 99)).toBe(7)
  })

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN()
  })
})

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('is NaN without samples', () => {
    expect(median([])).toBeNaN()
  })
})

describe('logLogSlope', () => {
  const curve = (b: number) => [1, 10, 100, 1000].map((x) => ({ x, y: 3 * x ** b }))

  it('recovers the exponent of a power law', () => {
    expect(logLogSlope(curve(1)).slope).toBeCloseTo(1, 6)
    expect(logLogSlope(curve(0.5)).slope).toBeCloseTo(0.5, 6)
    expect(logLogSlope(curve(0.5)).r2).toBeCloseTo(1, 6)
  })

  it('leaves out non-positive values and needs two points', () => {
    expect(
      logLogSlope([
        { x: 10, y: 0 },
        { x: 100, y: 5 },
      ]).slope,
    ).toBeNaN()
  })
})

describe('growthWords', () => {
  it('names the growth', () => {
    expect(growthWords(0.02)).toBe('about flat')
    expect(growthWords(0.6)).toBe('sublinear')
    expect(growthWords(1.02)).toBe('about linear')
    expect(growthWords(1.5)).toBe('superlinear')
    expect(growthWords(Number.NaN)).toBe('not enough points')
  })
})
