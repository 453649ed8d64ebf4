/** Figures of a benchmark run per category, citable and the search box side by side, as markdown. */
import type { ItemRecord } from './run'

export interface Ratio {
  right: number
  total: number
}
export const pct = (r: Ratio) => (r.total ? (100 * r.right) / r.total : 0)
const show = (r: Ratio) => (r.total ? `${pct(r).toFixed(1)}% (${r.right}/${r.total})` : '-')
const ratio = (items: { right: boolean }[]): Ratio => ({
  right: items.filter((i) => i.right).length,
  total: items.length,
})

export interface BenchSummary {
  /** figure name -> ratio */
  figures: Record<string, Ratio>
  /** answered though it should abstain, abstained though it should answer, answered wrongly */
  errors: { wrongAnswer: number; wrongAbstain: number; falseAnswer: number }
  p50ms: number
  p99ms: number
}

function quantile(values: number[], q: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

function common(records: ItemRecord[]): Pick<BenchSummary, 'errors' | 'p50ms' | 'p99ms'> & {
  citations: Ratio
} {
  const turns = records.flatMap((r) => r.turns)
  const cited = turns.reduce((s, t) => s + t.citations, 0)
  const bad = turns.reduce((s, t) => s + t.badCitations, 0)
  return {
    errors: {
      falseAnswer: turns.filter((t) => t.expectAbstain && !t.abstained).length,
      wrongAbstain: turns.filter((t) => !t.expectAbstain && t.abstained).length,
      wrongAnswer: turns.filter((t) => !t.expectAbstain && !t.abstained && !t.right).length,
    },
    citations: { right: cited - bad, total: cited },
    p50ms: quantile(
      turns.map((t) => t.ms),
      0.5,
    ),
    p99ms: quantile(
      turns.map((t) => t.ms),
      0.99,
    ),
  }
}

export function summariseNews(records: ItemRecord[]): BenchSummary {
  const { citations, ...rest } = common(records)
  const figures: Record<string, Ratio> = {
    overall: ratio(records),
    answerable: ratio(records.filter((r) => r.cat !== 'abstain')),
    'abstain category': ratio(records.filter((r) => r.cat === 'abstain')),
  }
  for (const cat of [...new Set(records.map((r) => r.cat))].sort())
    figures[`cat ${cat}`] = ratio(records.filter((r) => r.cat === cat))
  figures['citation validity'] = citations
  return { figures, ...rest }
}

export function summariseSquad(records: ItemRecord[]): BenchSummary {
  const { citations, ...rest } = common(records)
  const answerable = records.filter((r) => r.cat === 'squad-ans')
  const turns = answerable.map((r) => r.turns[0]!)
  return {
    figures: {
      'answerable (lenient)': ratio(answerable),
      'answerable (strict)': ratio(turns.map((t) => ({ right: !!t.strict }))),
      'impossible abstained': ratio(records.filter((r) => r.cat === 'squad-imp')),
      overall: ratio(records),
      'always abstain, overall': {
        right: records.filter((r) => r.cat === 'squad-imp').length,
        total: records.length,
      },
      'citation validity': citations,
    },
    ...rest,
  }
}

/** one table: a row per figure, citable beside the search box */
export function renderSide(title: string, citable: BenchSummary, box: BenchSummary): string {
  const rows = Object.keys(citable.figures).map(
    (name) =>
      `| ${name} | ${show(citable.figures[name]!)} | ${box.figures[name] ? show(box.figures[name]!) : '-'} |`,
  )
  const e = citable.errors
  return [
    `### ${title}`,
    '',
    '| figure | citable | search box |',
    '| --- | ---: | ---: |',
    ...rows,
    `| p50 / p99 ms per question | ${citable.p50ms.toFixed(2)} / ${citable.p99ms.toFixed(2)} | ${box.p50ms.toFixed(2)} / ${box.p99ms.toFixed(2)} |`,
    '',
    `citable's misses: ${e.wrongAnswer} wrong answers, ${e.wrongAbstain} wrong abstentions, ${e.falseAnswer} answers where it should abstain`,
  ].join('\n')
}

export interface CurvePoint {
  threshold: number
  /** share of turns answered */
  coverage: number
  /** share of the answered turns answered right */
  precision: number
  /** share of turns right: answered right, or abstained where the benchmark expects it */
  overall: number
}

/**
 * the precision/coverage curve of this run from the model's threshold up: an answer given with
 * confidence p would still be given at any threshold up to p, and dropped (an abstention) above it
 */
export function curveOf(records: ItemRecord[], from: number, step = 0.05): CurvePoint[] {
  const turns = records.flatMap((r) => r.turns)
  const points: CurvePoint[] = []
  for (let t = from; t < 0.951; t += step) {
    const kept = turns.filter((x) => !x.abstained && x.confidence >= t - 1e-9)
    const keptRight = kept.filter((x) => x.right).length
    // a turn whose answer is dropped is right exactly when the benchmark expects an abstention
    const dropped = turns.filter((x) => !x.abstained && x.confidence < t - 1e-9)
    const abstainedRight = turns.filter((x) => x.abstained && x.right).length
    const right = keptRight + abstainedRight + dropped.filter((x) => x.expectAbstain).length
    points.push({
      threshold: Math.round(t * 1000) / 1000,
      coverage: turns.length ? kept.length / turns.length : 0,
      precision: kept.length ? keptRight / kept.length : 1,
      overall: turns.length ? right / turns.length : 0,
    })
  }
  return points
}

export function renderCurve(title: string, points: CurvePoint[]): string {
  const p = (n: number) => `${(100 * n).toFixed(1)}%`
  return [
    `#### ${title}: precision and coverage by threshold (this run; the first row is the model's)`,
    '',
    '| threshold | coverage | precision | turns right |',
    '| ---: | ---: | ---: | ---: |',
    ...points.map(
      (c) =>
        `| ${c.threshold.toFixed(3)} | ${p(c.coverage)} | ${p(c.precision)} | ${p(c.overall)} |`,
    ),
  ].join('\n')
}
