/** Percentiles, medians and the log-log slope that says how a figure grows with the corpus. */

/** the p-th percentile (0..100) by nearest rank; NaN for no samples */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface Fit {
  /** the exponent b of y = a * x^b */
  slope: number
  /** how well a straight line fits on log-log, 0..1 */
  r2: number
}

/** least squares on (log x, log y); points with a non-positive value are left out */
export function logLogSlope(points: readonly { x: number; y: number }[]): Fit {
  const logs = points
    .filter((p) => p.x > 0 && p.y > 0)
    .map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }))
  if (logs.length < 2) return { slope: Number.NaN, r2: Number.NaN }
  const n = logs.length
  const mx = logs.reduce((s, p) => s + p.x, 0) / n
  const my = logs.reduce((s, p) => s + p.y, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (const p of logs) {
    sxy += (p.x - mx) * (p.y - my)
    sxx += (p.x - mx) ** 2
    syy += (p.y - my) ** 2
  }
  if (sxx === 0) return { slope: Number.NaN, r2: Number.NaN }
  const slope = sxy / sxx
  return { slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) }
}

/** a slope in words: how the figure grows with the corpus */
export function growthWords(slope: number): string {
  if (!Number.isFinite(slope)) return 'not enough points'
  if (slope < 0.15) return 'about flat'
  if (slope < 0.85) return 'sublinear'
  if (slope <= 1.15) return 'about linear'
  return 'superlinear'
}
