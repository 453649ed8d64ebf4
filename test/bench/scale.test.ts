import { describe, expect, it } from 'vitest'
import { scaleChart, scaleFits } from '../../scripts/bench/scale'
import type { ScalePoint } from '../../scripts/bench/scale-child'

/** a point whose figures grow as articles^slope */
const point = (articles: number, slope: number): ScalePoint => {
  const y = articles ** slope
  const latency = { p50: y, p99: 2 * y, cpuP50: y, cpuP99: y, samples: 10 }
  return {
    articles,
    buildMs: 5 * articles,
    packBytes: 1000 * articles,
    packGzipBytes: 150 * articles,
    heapUsed: 20e6 + 1000 * articles,
    baseHeapUsed: 20e6,
    rss: 100e6,
    fact: latency,
    freeText: latency,
  } as ScalePoint
}

describe('scaleFits', () => {
  it('fits over the sizes of 100 and more, where fixed costs no longer dominate', () => {
    // the 1-article point is off the curve; it must not bend the fit
    const points = [
      { ...point(1, 0.5), buildMs: 400 },
      point(100, 0.5),
      point(1000, 0.5),
      point(10_000, 0.5),
    ]
    const fits = scaleFits(points)
    expect(fits.buildMs.slope).toBeCloseTo(1, 6)
    expect(fits.packBytes.slope).toBeCloseTo(1, 6)
    expect(fits.heapGrowth.slope).toBeCloseTo(1, 6)
    expect(fits.factP99.slope).toBeCloseTo(0.5, 6)
  })

  it('falls back to every point when fewer than two are large', () => {
    expect(scaleFits([point(1, 0.3), point(20, 0.3)]).freeTextP99.slope).toBeCloseTo(0.3, 6)
  })
})

describe('scaleChart', () => {
  it('draws latency, sizes and build time in three panels', () => {
    const svg = scaleChart([point(1, 0.2), point(100, 0.2), point(1000, 0.2)])
    expect(svg).toContain('Answer latency')
    expect(svg).toContain('Knowledge pack and memory')
    expect(svg).toContain('Build time')
    expect(svg.match(/<polyline /g)).toHaveLength(9)
  })
})
