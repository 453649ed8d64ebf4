import { describe, expect, it } from 'vitest'
import { chartSvg, decades, tickLabel } from '../../scripts/bench/chart'

const panel = {
  title: 'Latency <ms>',
  xLabel: 'articles',
  yLabel: 'ms',
  series: [
    {
      name: 'fact p50',
      color: '#123456',
      points: [
        { x: 1, y: 0.5 },
        { x: 100, y: 0.7 },
        { x: 10_000, y: 2 },
      ],
    },
    {
      name: 'fact p99',
      color: '#123456',
      dashed: true,
      points: [
        { x: 1, y: 1 },
        { x: 10_000, y: 9 },
      ],
    },
  ],
}

describe('chartSvg', () => {
  const svg = chartSvg([panel, { ...panel, title: 'Pack' }])

  it('draws one line and a dot a point for each series, panels side by side', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="840"')).toBe(true)
    expect(svg.match(/<polyline /g)).toHaveLength(4)
    expect(svg.match(/<circle /g)).toHaveLength(10)
    expect(svg).toContain('stroke-dasharray="5 3"')
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
  })

  it('draws a guide line with its label', () => {
    const guided = chartSvg([{ ...panel, guides: [{ y: 10, label: 'target 10 ms' }] }])
    expect(guided).toContain('stroke-dasharray="2 3"')
    expect(guided).toContain('>target 10 ms</text>')
  })

  it('escapes text', () => {
    expect(svg).toContain('Latency &lt;ms&gt;')
    expect(svg).not.toContain('<ms>')
  })

  it('draws nothing for a panel without positive points', () => {
    const empty = chartSvg([
      { ...panel, series: [{ name: 'x', color: '#000', points: [{ x: 0, y: 1 }] }] },
    ])
    expect(empty).not.toContain('<polyline')
  })
})

describe('axes', () => {
  it('spans whole decades, at least two', () => {
    expect(decades(1, 10_000)).toEqual([1, 10, 100, 1000, 10_000])
    expect(decades(0.3, 0.7)).toEqual([0.1, 1])
  })

  it('labels ticks shortly', () => {
    expect([10_000, 1000, 10, 1, 0.1, 0.01].map(tickLabel)).toEqual([
      '10k',
      '1k',
      '10',
      '1',
      '0.1',
      '0.01',
    ])
  })
})
