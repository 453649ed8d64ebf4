import { describe, expect, it } from 'vitest'
import type { BenchResults } from '../../scripts/bench/results'
import type { ScalePoint } from '../../scripts/bench/scale-child'
import { judgeTargets } from '../../scripts/bench/targets'

const latency = (p99: number) => ({
  p50: p99 / 4,
  p99,
  cpuP50: p99 / 5,
  cpuP99: p99 / 2,
  samples: 100,
})

const base: BenchResults = {
  machine: { cores: 2, cpu: 'test', memoryBytes: 1e9, node: 'v20', os: 'linux' },
  quick: false,
  parts: [],
  startedAt: '2026-01-01T00:00:00Z',
  seconds: 1,
  loadAverages: {},
  notMeasured: {},
}

const point = (articles: number, p99: number) =>
  ({ articles, fact: latency(p99), freeText: latency(p99 / 2) }) as ScalePoint

const statusOf = (r: BenchResults, prefix: string) =>
  judgeTargets(r).find((t) => t.target.startsWith(prefix))!

describe('judgeTargets', () => {
  it('says not measured for every target of an empty run', () => {
    expect(judgeTargets(base).every((t) => t.status === 'not measured')).toBe(true)
  })

  it('meets the in-process target when the slowest kind is within 2 ms', () => {
    const r = {
      ...base,
      latency: { byKind: { fact: latency(0.8), list: latency(1.9) } },
    } as BenchResults
    expect(statusOf(r, 'p99 in process <= 2 ms')).toEqual({
      target: 'p99 in process <= 2 ms, shipped corpus',
      measured: '1.90 ms (slowest kind: list)',
      status: 'met',
    })
  })

  it('misses it when a kind is slower, naming the kind', () => {
    const r = {
      ...base,
      latency: { byKind: { fact: latency(0.8), passage: latency(3.2) } },
    } as BenchResults
    const row = statusOf(r, 'p99 in process <= 2 ms')
    expect(row.status).toBe('missed')
    expect(row.why).toBe(
      'passage questions are the slowest; their CPU p99 is 1.60 ms, so the wall-clock tail is waiting for a core on the shared machine',
    )
  })

  it('judges 10,000 articles only when that size was measured', () => {
    const scale = (points: ScalePoint[]) =>
      ({ ...base, scale: { points, failures: [], fits: {} } }) as unknown as BenchResults
    expect(statusOf(scale([point(1000, 4)]), 'p99 in process <= 10 ms').status).toBe('not measured')
    expect(
      statusOf(scale([point(1000, 4), point(10_000, 9)]), 'p99 in process <= 10 ms').status,
    ).toBe('met')
    expect(statusOf(scale([point(10_000, 12)]), 'p99 in process <= 10 ms').status).toBe('missed')
  })

  it('wants a third of the generated fact sentences in new shapes, and facts within 20 ms at 10,000 articles', () => {
    const scale = (novelShare: number, p99: number) =>
      ({
        ...base,
        scale: {
          points: [{ ...point(10_000, p99), novelShare, factRight: 1, factRightNovel: 0.6 }],
          failures: [],
          fits: {},
        },
      }) as unknown as BenchResults
    expect(statusOf(scale(5 / 14, 12), 'generated corpus: >= 1/3')).toMatchObject({
      measured: '36% of fact sentences; fact right 60% (template 100%) at 10,000 articles',
      status: 'met',
    })
    expect(statusOf(scale(0.3, 12), 'generated corpus: >= 1/3').status).toBe('missed')
    expect(statusOf(scale(0.4, 12), 'fact p99 in process <= 20 ms').status).toBe('met')
    expect(statusOf(scale(0.4, 21), 'fact p99 in process <= 20 ms').status).toBe('missed')
  })

  it('checks the throughput ratio and the RSS of the server', () => {
    const http = (ratio: number) =>
      ({
        ...base,
        http: { ratio, answer: { rps: 100 }, healthz: { rps: 100 / ratio } },
      }) as unknown as BenchResults
    expect(statusOf(http(0.6), '/api/answer throughput').status).toBe('met')
    expect(statusOf(http(0.3), '/api/answer throughput').status).toBe('missed')
    expect(statusOf(http(0.3), '/api/answer at >= 25%').status).toBe('met')
    expect(statusOf(http(0.2), '/api/answer at >= 25%')).toMatchObject({
      measured: '20% (100 vs 500 req/s)',
      status: 'missed',
    })
    const rss = {
      ...base,
      startup: {
        readyMs: 700,
        rssAtReady: 150e6,
        parts: { bootMs: 1, importMs: 1, modelMs: 1, buildMs: 1 },
      },
      load: {
        rssPeak: 230e6,
        rssAtSettle: 180e6,
        settleSeconds: 10,
        connections: 50,
        passed: true,
        problems: [],
      },
    } as unknown as BenchResults
    expect(statusOf(rss, 'ready in < 1 s').status).toBe('met')
    expect(statusOf(rss, 'RSS < 200 MB at ready')).toMatchObject({
      measured: '150.0 MB',
      status: 'met',
    })
    expect(statusOf(rss, 'RSS < 200 MB under load')).toMatchObject({
      measured: '230.0 MB (180.0 MB at 10 s)',
      status: 'missed',
    })
  })

  it('wants citable well ahead of the search box in every category', () => {
    const baseline = (pairs: [number, number][]) =>
      ({
        ...base,
        baseline: {
          categories: pairs.map(([citable, searchBox], i) => ({
            category: `c${i}`,
            citable,
            searchBox,
          })),
        },
      }) as unknown as BenchResults
    expect(
      statusOf(
        baseline([
          [0.8, 0.5],
          [0.75, 0.5],
        ]),
        'citable well ahead',
      ).status,
    ).toBe('met')
    // 10 points ahead, but half the errors of a box that is right 80% of the time
    expect(statusOf(baseline([[0.9, 0.8]]), 'citable well ahead').status).toBe('met')
    expect(
      statusOf(
        baseline([
          [0.8, 0.5],
          [0.6, 0.5],
        ]),
        'citable well ahead',
      ),
    ).toMatchObject({
      status: 'missed',
      why: 'not well ahead in c1 (+10 pts)',
    })
  })
})
