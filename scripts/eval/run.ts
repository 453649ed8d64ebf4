/** Runs every item of a set through an asker, turn by turn, one session per item, and scores each turn. */
import type { Citation } from '../../src/core/types'
import { type CitationOptions, citationProblem, type DocumentTexts } from './citations'
import { type MatchOptions, type Reply, scoreReply, type TurnScore } from './match'
import type { EvalItem, TurnExpect } from './schema'

/** one turn to a channel: what `ask(service, ...)` or an HTTP client does */
export type Asker = (request: { question: string; sessionId: string }) => Promise<Reply>

export interface TurnResult extends TurnScore {
  question: string
  expect: TurnExpect
  reply: Reply
  /** invalid citations of this reply with the reason */
  badCitations: { citation: Citation; problem: string }[]
  ms: number
}

export interface ItemResult {
  item: EvalItem
  turns: TurnResult[]
}

export interface RunOptions extends MatchOptions, CitationOptions {
  documents: DocumentTexts
  /** milliseconds; defaults to performance.now */
  clock?: () => number
}

export async function runItem(
  item: EvalItem,
  ask: Asker,
  options: RunOptions,
): Promise<ItemResult> {
  const clock = options.clock ?? (() => performance.now())
  // one session per item, so conversations do not leak into each other
  const sessionId = `eval-${item.id}`
  const turns: TurnResult[] = []
  for (const [index, question] of item.turns.entries()) {
    const expect = item.expect[index]!
    const started = clock()
    const reply = await ask({ question, sessionId })
    const ms = clock() - started
    const badCitations = reply.citations.flatMap((citation) => {
      const problem = citationProblem(citation, options.documents, options)
      return problem ? [{ citation, problem }] : []
    })
    turns.push({ question, expect, reply, badCitations, ms, ...scoreReply(expect, reply, options) })
  }
  return { item, turns }
}

export async function runSet(
  items: EvalItem[],
  ask: Asker,
  options: RunOptions,
): Promise<ItemResult[]> {
  const results: ItemResult[] = []
  // sequential: timings stay per question and sessions see their turns in order
  for (const item of items) results.push(await runItem(item, ask, options))
  return results
}
