/** The scale benchmark: one fresh process per corpus size, and how each figure grows with the corpus. */
import { fileURLToPath } from 'node:url'
import { chartSvg } from './chart'
import { runChild } from './child'
import { resultMarker, type ScalePoint } from './scale-child'
import { type Fit, logLogSlope } from './stats'

export interface ScaleResult {
  points: ScalePoint[]
  /** sizes that could not be measured, with why */
  failures: { articles: number; reason: string }[]
  fits: Record<'buildMs' | 'packBytes' | 'heapGrowth' | 'factP99' | 'freeTextP99', Fit>
}

const childScript = fileURLToPath(new URL('./scale-child.ts', import.meta.url))

export const fullSizes = [1, 100, 1000, 10_000]
export const quickSizes = [1, 20, 200]

/** fits over the sizes of at least 100 articles, where fixed costs no longer dominate */
export function scaleFits(points: ScalePoint[]): ScaleResult['fits'] {
  const big = points.filter((p) => p.articles >= 100)
  const use = big.length >= 2 ? big : points
  const slopeOf = (y: (p: ScalePoint) => number) =>
    logLogSlope(use.map((p) => ({ x: p.articles, y: y(p) })))
  return {
    buildMs: slopeOf((p) => p.buildMs),
    packBytes: slopeOf((p) => p.packBytes),
    heapGrowth: slopeOf((p) => p.heapUsed - p.baseHeapUsed),
    factP99: slopeOf((p) => p.fact.p99),
    freeTextP99: slopeOf((p) => p.freeText.p99),
  }
}

export async function measureScale(sizes: number[], quick: boolean): Promise<ScaleResult> {
  const points: ScalePoint[] = []
  const failures: ScaleResult['failures'] = []
  for (const size of sizes) {
    process.stderr.write(`  scale: ${size} articles\n`)
    try {
      points.push(
        await runChild<ScalePoint>(
          childScript,
          [String(size), ...(quick ? ['--quick'] : [])],
          resultMarker,
          // 10,000 articles build for minutes on a busy machine (23 s for 1,000 on 2026-12-04)
          { timeoutMs: (size >= 10_000 ? 25 : 5) * 60_000 },
        ),
      )
    } catch (error) {
      failures.push({ articles: size, reason: (error as Error).message })
    }
  }
  return { points, failures, fits: scaleFits(points) }
}

/** the chart under the scale table: latency, sizes and build time against articles, log-log */
export function scaleChart(points: ScalePoint[]): string {
  const at = (y: (p: ScalePoint) => number) => points.map((p) => ({ x: p.articles, y: y(p) }))
  return chartSvg([
    {
      title: 'Answer latency',
      xLabel: 'articles',
      yLabel: 'ms',
      guides: [{ y: 10, label: 'target p99 at 10k: 10 ms' }],
      series: [
        { name: 'fact p50', color: '#1f77b4', points: at((p) => p.fact.p50) },
        { name: 'fact p99', color: '#1f77b4', dashed: true, points: at((p) => p.fact.p99) },
        { name: 'free-text p50', color: '#d62728', points: at((p) => p.freeText.p50) },
        {
          name: 'free-text p99',
          color: '#d62728',
          dashed: true,
          points: at((p) => p.freeText.p99),
        },
      ],
    },
    {
      title: 'Knowledge pack and memory',
      xLabel: 'articles',
      yLabel: 'MB',
      series: [
        { name: 'pack JSON', color: '#2ca02c', points: at((p) => p.packBytes / 1e6) },
        {
          name: 'pack gzipped',
          color: '#2ca02c',
          dashed: true,
          points: at((p) => p.packGzipBytes / 1e6),
        },
        { name: 'heap after load', color: '#9467bd', points: at((p) => p.heapUsed / 1e6) },
        { name: 'RSS after load', color: '#9467bd', dashed: true, points: at((p) => p.rss / 1e6) },
      ],
    },
    {
      title: 'Build time',
      xLabel: 'articles',
      yLabel: 'ms',
      series: [{ name: 'buildPack', color: '#ff7f0e', points: at((p) => p.buildMs) }],
    },
  ])
}
