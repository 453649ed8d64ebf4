/** Turns run results into the figures of the report (accuracy, abstention, citations, timing) and their markdown. */
import type { ItemResult } from './run'
import type { TurnExpect } from './schema'

export interface Tally {
  right: number
  total: number
}

export interface Summary {
  items: number
  turns: Tally
  singleTurn: Tally
  /** single-turn items per category; conversations are scored turn by turn under `conversation` */
  categories: Record<string, Tally>
  conversations: { turns: Tally; whole: Tally }
  /** positive = abstained */
  abstention: { truePositive: number; falsePositive: number; falseNegative: number }
  precision: number | null
  recall: number | null
  citations: Tally
  /** turns that expect an abstention but were answered */
  outOfScopeAnswered: Tally
  p50Ms: number
}

export interface Miss {
  id: string
  turn: number
  question: string
  expected: string
  got: string
  why: string[]
}

const tally = (): Tally => ({ right: 0, total: 0 })
const add = (t: Tally, right: boolean) => {
  t.total++
  if (right) t.right++
}

function median(values: number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function summarise(results: ItemResult[]): Summary {
  const s: Summary = {
    items: results.length,
    turns: tally(),
    singleTurn: tally(),
    categories: {},
    conversations: { turns: tally(), whole: tally() },
    abstention: { truePositive: 0, falsePositive: 0, falseNegative: 0 },
    precision: null,
    recall: null,
    citations: tally(),
    outOfScopeAnswered: tally(),
    p50Ms: median(results.flatMap((r) => r.turns.map((t) => t.ms))),
  }
  for (const { item, turns } of results) {
    const category = s.categories[item.category] ?? tally()
    s.categories[item.category] = category
    for (const turn of turns) {
      add(s.turns, turn.ok)
      add(category, turn.ok)
      if (item.category === 'conversation') add(s.conversations.turns, turn.ok)
      else add(s.singleTurn, turn.ok)
      const expected = turn.expect.abstained === true
      if (expected && turn.reply.abstained) s.abstention.truePositive++
      if (!expected && turn.reply.abstained) s.abstention.falsePositive++
      if (expected && !turn.reply.abstained) s.abstention.falseNegative++
      if (expected) {
        s.outOfScopeAnswered.total++
        if (!turn.reply.abstained) s.outOfScopeAnswered.right++
      }
      s.citations.total += turn.reply.citations.length
      s.citations.right += turn.reply.citations.length - turn.badCitations.length
    }
    if (item.category === 'conversation')
      add(
        s.conversations.whole,
        turns.every((t) => t.ok),
      )
  }
  const { truePositive: tp, falsePositive: fp, falseNegative: fn } = s.abstention
  s.precision = tp + fp ? tp / (tp + fp) : null
  s.recall = tp + fn ? tp / (tp + fn) : null
  return s
}

export function describeExpect(e: TurnExpect): string {
  return [
    e.answer && `"${e.answer}"`,
    e.answerAll && `all of [${e.answerAll.join(' | ')}]`,
    e.cites && `citing "${e.cites}"`,
    e.abstained === true && 'abstained',
    e.abstained === false && 'answered',
    e.kind && `kind ${e.kind}`,
  ]
    .filter(Boolean)
    .join(', ')
}

export function misses(results: ItemResult[]): Miss[] {
  return results.flatMap(({ item, turns }) =>
    turns.flatMap((t, index) =>
      t.ok
        ? []
        : [
            {
              id: item.id,
              turn: index + 1,
              question: t.question,
              expected: describeExpect(t.expect),
              got: `${t.reply.abstained ? '(abstained) ' : ''}${t.reply.answer}`,
              why: t.failures,
            },
          ],
    ),
  )
}

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
