/** The report in markdown: the figures, the per-category table, the misses and the invalid citations. */
import type { InvalidCitation, Miss, Summary, Tally } from './report'

const pct = (t: Tally) => (t.total ? `${((100 * t.right) / t.total).toFixed(1)}%` : 'n/a')
const ratio = (n: number | null) => (n === null ? 'n/a' : `${(100 * n).toFixed(1)}%`)
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ')

export function renderSummary(s: Summary): string {
  const rows = [
    ['overall (all turns)', `${pct(s.turns)} (${s.turns.right}/${s.turns.total})`],
    ['single-turn questions', `${pct(s.singleTurn)} (${s.singleTurn.right}/${s.singleTurn.total})`],
    [
      'conversation turns',
      `${pct(s.conversations.turns)} (${s.conversations.turns.right}/${s.conversations.turns.total})`,
    ],
    [
      'conversations right in every turn',
      `${s.conversations.whole.right}/${s.conversations.whole.total}`,
    ],
    ['abstention precision', ratio(s.precision)],
    ['abstention recall', ratio(s.recall)],
    ['citation validity', `${pct(s.citations)} (${s.citations.right}/${s.citations.total})`],
    [
      'out-of-scope answered',
      `${s.outOfScopeAnswered.right} of ${s.outOfScopeAnswered.total} turns expecting abstention`,
    ],
    ['p50 time per question', `${s.p50Ms.toFixed(1)} ms`],
  ]
  const categories = Object.entries(s.categories)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, t]) => `| ${name} | ${t.right} | ${t.total} | ${pct(t)} |`)
  return [
    '## Figures',
    '',
    '| metric | value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## Per category (conversation counted per turn)',
    '',
    '| category | right | total | accuracy |',
    '| --- | ---: | ---: | ---: |',
    ...categories,
  ].join('\n')
}

export function renderMisses(list: Miss[]): string {
  if (!list.length) return '## Misses\n\nNone.'
  return [
    `## Misses (${list.length})`,
    '',
    ...list.map(
      (m) =>
        `- **${m.id}**${m.turn > 1 ? ` turn ${m.turn}` : ''}: ${cell(m.question)}\n` +
        `  - expected: ${cell(m.expected)}\n  - got: ${cell(m.got)}\n  - why: ${cell(m.why.join('; '))}`,
    ),
  ].join('\n')
}

export function renderInvalidCitations(list: InvalidCitation[]): string {
  if (!list.length) return '## Invalid citations\n\nNone.'
  return [
    `## Invalid citations (${list.length})`,
    '',
    ...list.map(
      (c) =>
        `- **${c.id}**${c.turn > 1 ? ` turn ${c.turn}` : ''}: ${c.docId} [${c.start}, ${c.end}): ${cell(c.problem)}`,
    ),
  ].join('\n')
}
