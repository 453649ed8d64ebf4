/** Turns run results into the figures of the report: accuracy, abstention, citation validity, timing, misses. */
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

export interface InvalidCitation {
  id: string
  turn: number
  docId: string
  start: number
  end: number
  problem: string
}

export function invalidCitations(results: ItemResult[]): InvalidCitation[] {
  return results.flatMap(({ item, turns }) =>
    turns.flatMap((t, index) =>
      t.badCitations.map(({ citation, problem }) => ({
        id: item.id,
        turn: index + 1,
        docId: citation.docId,
        start: citation.start,
        end: citation.end,
        problem,
      })),
    ),
  )
}
