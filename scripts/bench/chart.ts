/** Hand-written SVG line charts on log-log axes: no dependency, readable in any browser or on GitHub. */

export interface Series {
  name: string
  color: string
  /** dashed lines for the second figure of a pair (p99 beside p50) */
  dashed?: boolean
  points: { x: number; y: number }[]
}

export interface Panel {
  title: string
  xLabel: string
  yLabel: string
  series: Series[]
  /** horizontal reference lines, such as a target */
  guides?: { y: number; label: string }[]
}

const panelWidth = 420
const panelHeight = 300
const margin = { left: 62, right: 16, top: 34, bottom: 74 }

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** powers of ten that cover [min, max], at least two */
export function decades(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min))
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)))
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i))
}

/** a tick label: 1, 10, 100, 1k, 10k; 0.1, 0.01 */
export function tickLabel(v: number): string {
  if (v >= 1000) return `${v / 1000}k`
  return String(Number(v.toPrecision(1)))
}

function panel(p: Panel, offsetX: number): string {
  const all = p.series.flatMap((s) => s.points).filter((pt) => pt.x > 0 && pt.y > 0)
  if (all.length === 0) return ''
  const guides = (p.guides ?? []).filter((g) => g.y > 0)
  const yValues = [...all.map((pt) => pt.y), ...guides.map((g) => g.y)]
  const xs = decades(Math.min(...all.map((pt) => pt.x)), Math.max(...all.map((pt) => pt.x)))
  const ys = decades(Math.min(...yValues), Math.max(...yValues))
  const w = panelWidth - margin.left - margin.right
  const h = panelHeight - margin.top - margin.bottom
  const scale = (v: number, ticks: number[], size: number) =>
    ((Math.log10(v) - Math.log10(ticks[0]!)) /
      (Math.log10(ticks.at(-1)!) - Math.log10(ticks[0]!))) *
    size
  const px = (x: number) => offsetX + margin.left + scale(x, xs, w)
  const py = (y: number) => margin.top + h - scale(y, ys, h)
  const f = (n: number) => n.toFixed(1)
  const out: string[] = [
    `<text x="${f(offsetX + margin.left + w / 2)}" y="20" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`,
    `<rect x="${f(offsetX + margin.left)}" y="${margin.top}" width="${w}" height="${h}" fill="none" stroke="#999"/>`,
  ]
  for (const x of xs)
    out.push(
      `<line x1="${f(px(x))}" y1="${margin.top}" x2="${f(px(x))}" y2="${margin.top + h}" stroke="#eee"/>`,
      `<text x="${f(px(x))}" y="${margin.top + h + 16}" text-anchor="middle">${tickLabel(x)}</text>`,
    )
  for (const y of ys)
    out.push(
      `<line x1="${f(offsetX + margin.left)}" y1="${f(py(y))}" x2="${f(offsetX + margin.left + w)}" y2="${f(py(y))}" stroke="#eee"/>`,
      `<text x="${f(offsetX + margin.left - 6)}" y="${f(py(y) + 4)}" text-anchor="end">${tickLabel(y)}</text>`,
    )
  out.push(
    `<text x="${f(offsetX + margin.left + w / 2)}" y="${margin.top + h + 34}" text-anchor="middle">${esc(p.xLabel)}</text>`,
    `<text transform="translate(${f(offsetX + 16)} ${f(margin.top + h / 2)}) rotate(-90)" text-anchor="middle">${esc(p.yLabel)}</text>`,
  )
  for (const g of guides)
    out.push(
      `<line x1="${f(offsetX + margin.left)}" y1="${f(py(g.y))}" x2="${f(offsetX + margin.left + w)}" y2="${f(py(g.y))}" stroke="#888" stroke-dasharray="2 3"/>`,
      `<text x="${f(offsetX + margin.left + 4)}" y="${f(py(g.y) - 4)}" fill="#666">${esc(g.label)}</text>`,
    )
  p.series.forEach((s, i) => {
    const pts = s.points.filter((pt) => pt.x > 0 && pt.y > 0)
    const dash = s.dashed ? ' stroke-dasharray="5 3"' : ''
    out.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${pts.map((pt) => `${f(px(pt.x))},${f(py(pt.y))}`).join(' ')}"/>`,
      ...pts.map(
        (pt) => `<circle cx="${f(px(pt.x))}" cy="${f(py(pt.y))}" r="3" fill="${s.color}"/>`,
      ),
    )
    // the legend under the axis label, two entries a row
    const lx = offsetX + margin.left + (i % 2) * (w / 2)
    const ly = margin.top + h + 52 + Math.floor(i / 2) * 16
    out.push(
      `<line x1="${f(lx)}" y1="${ly - 4}" x2="${f(lx + 18)}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${f(lx + 22)}" y="${ly}">${esc(s.name)}</text>`,
    )
  })
  return out.join('\n')
}

/** panels side by side in one SVG document */
export function chartSvg(panels: Panel[]): string {
  const width = panelWidth * panels.length
  const legendRows = Math.max(...panels.map((p) => Math.ceil(p.series.length / 2)), 1)
  const height = panelHeight + Math.max(0, legendRows - 1) * 16
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...panels.map((p, i) => panel(p, i * panelWidth)),
    '</svg>',
    '',
  ].join('\n')
}
