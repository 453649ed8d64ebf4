/** Answers remembered for feedback, the question log with its retention, and feedback itself. */
import type { AnswerRecord, FeedbackInput, Store } from '../core/store'

export interface RecordsOptions {
  /** absent: answers are remembered in memory only, and feedback cannot be kept */
  store?: Store
  /** write every answer to the question log; defaults to true */
  questionLog?: boolean
  /** days the log keeps an answer; defaults to 30 */
  retentionDays?: number
  /** answers remembered in memory for feedback when the log is off; defaults to 5,000 */
  recent?: number
  now?: () => number
  /** where a failed write is reported; answering never waits for, or fails on, the log */
  onError?: (error: unknown) => void
  /** keeps a write alive after the response (waitUntil on Workers) */
  defer?: (task: Promise<unknown>) => void
}

const defaults = { questionLog: true, retentionDays: 30, recent: 5_000 }
const day = 86_400_000

export type FeedbackOutcome = 'stored' | 'unknown_answer' | 'no_store'

export interface Records {
  /** keeps the answer for feedback and logs it; returns at once */
  remember(record: AnswerRecord): void
  find(answerId: string): Promise<AnswerRecord | undefined>
  feedback(input: FeedbackInput): Promise<FeedbackOutcome>
  /** the writes still running, for tests and shutdown */
  settled(): Promise<void>
}

export function createRecords(options: RecordsOptions = {}): Records {
  const { store, questionLog, retentionDays, recent } = { ...defaults, ...options }
  const now = options.now ?? Date.now
  const onError = options.onError ?? (() => {})
  const memory = new Map<string, AnswerRecord>()
  const pending = new Set<Promise<unknown>>()
  let prunedAt = 0

  const track = (task: Promise<unknown>) => {
    const p = task.catch(onError).finally(() => pending.delete(p))
    pending.add(p)
    options.defer?.(p)
  }

  return {
    remember(record) {
      memory.set(record.answerId, record)
      // oldest out first: a Map iterates in insertion order
      if (memory.size > recent) memory.delete(memory.keys().next().value!)
      if (!store || !questionLog) return
      track(store.logAnswer(record))
      // retention is applied at most once an hour, on the way
      if (record.at - prunedAt > 3_600_000) {
        prunedAt = record.at
        track(store.pruneLog(now() - retentionDays * day))
      }
    },
    async find(answerId) {
      return memory.get(answerId) ?? (store && questionLog ? store.findAnswer(answerId) : undefined)
    },
    async feedback(input) {
      if (!store) return 'no_store'
      const answer =
        memory.get(input.answerId) ??
        (questionLog ? await store.findAnswer(input.answerId) : undefined)
      if (!answer) return 'unknown_answer'
      await store.addFeedback({
        ...input,
        channel: answer.channel,
        question: answer.question,
        answer: answer.answer,
        citations: answer.citations,
        reason: answer.reason,
      })
      return 'stored'
    },
    async settled() {
      while (pending.size) await Promise.all([...pending])
    },
  }
}
