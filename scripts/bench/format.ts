/** Number formats and markdown tables for the report. */

/** milliseconds with sensible precision: 0.042, 1.27, 12.3, 1,234 */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  // autocannon counts whole milliseconds: 0 means under one
  if (value === 0) return '<1'
  if (value < 0.1) return value.toFixed(3)
  if (value < 10) return value.toFixed(2)
  if (value < 100) return value.toFixed(1)
  return Math.round(value).toLocaleString('en-US')
}

/** bytes as MB (10^6), or kB below one MB */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  if (value < 1_000_000) return `${(value / 1000).toFixed(1)} kB`
  return `${(value / 1_000_000).toFixed(value < 10_000_000 ? 2 : 1)} MB`
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a'
}

/** a share 0..1 as a percentage */
export function percent(value: number, digits = 0): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : 'n/a'
}

/** a figure, which reads best aligned right: starts with a digit, a sign or "<", is n/a or empty */
const figure = (c: string) => c === '' || /^(?:[-+<~]?\d|n\/a$|\*\*\d)/.test(c)

/** a markdown table; cells are escaped for pipes, columns of figures aligned right */
export function table(header: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const right = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => figure(String(r[i] ?? ''))),
  )
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${right.map((r) => (r ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n')
}

/** a difference of two shares as signed percentage points: +17 pts, -5 pts */
export function points(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  const p = Math.round(value * 100)
  return `${p > 0 ? '+' : ''}${p} pts`
}
