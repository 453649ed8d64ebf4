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
  /**
   * log writes waiting for the store at most; beyond it a write is dropped (and counted), so a
   * stalled store cannot grow memory without bound; defaults to 1,000
   */
  maxPending?: number
  now?: () => number
  /** where a failed or dropped write is reported; answering never waits for, or fails on, the log */
  onError?: (error: unknown) => void
  /** keeps a write alive after the response (waitUntil on Workers) */
  defer?: (task: Promise<unknown>) => void
  /**
   * ms the log gathers answers before writing them in one transaction, where the store can (one
   * commit to disk for them all rather than one per answer); defaults to 50
   */
  batchMs?: number
}

const defaults = {
  questionLog: true,
  retentionDays: 30,
  recent: 5_000,
  maxPending: 1_000,
  batchMs: 50,
}
const day = 86_400_000

export type FeedbackOutcome = 'stored' | 'unknown_answer' | 'no_store'

export interface Records {
  /** keeps the answer for feedback and logs it; returns at once */
  remember(record: AnswerRecord): void
  find(answerId: string): Promise<AnswerRecord | undefined>
  feedback(input: FeedbackInput): Promise<FeedbackOutcome>
  /** the writes still running, for tests and shutdown */
  settled(): Promise<void>
  /** log writes waiting for the store, and those dropped because too many were */
  stats(): { pending: number; dropped: number }
}

/** a dropped write is reported on the first drop and then every this many, not once each */
const reportEvery = 1_000

export class LogQueueFull extends Error {
  constructor(dropped: number, maxPending: number) {
    super(
      `question log: ${dropped} write(s) dropped so far: ${maxPending} were waiting for the store already`,
    )
    this.name = 'LogQueueFull'
  }
}

export function createRecords(options: RecordsOptions = {}): Records {
  const { store, questionLog, retentionDays, recent, maxPending, batchMs } = {
    ...defaults,
    ...withoutUndefined(options),
  }
  const now = options.now ?? Date.now
  const onError = options.onError ?? (() => {})
  const memory = new Map<string, AnswerRecord>()
  const pending = new Set<Promise<unknown>>()
  let prunedAt = 0
  let dropped = 0

  /** starts the write unless too many are waiting already; false when it was dropped */
  const track = (write: () => Promise<unknown>): boolean => {
    if (pending.size >= maxPending) {
      if (dropped++ % reportEvery === 0) onError(new LogQueueFull(dropped, maxPending))
      return false
    }
    const p = write()
      .catch(onError)
      .finally(() => pending.delete(p))
    pending.add(p)
    options.defer?.(p)
    return true
  }

  const batches = store?.logAnswers
    ? groupCommit(store.logAnswers.bind(store), { maxPending, batchMs, onError })
    : undefined
  const log = (record: AnswerRecord) => {
    if (!batches) return void track(() => store!.logAnswer(record))
    const written = batches.add(record)
    if (written) options.defer?.(written)
    else if (dropped++ % reportEvery === 0) onError(new LogQueueFull(dropped, maxPending))
  }

  return {
    remember(record) {
      memory.set(record.answerId, record)
      // oldest out first: a Map iterates in insertion order
      if (memory.size > recent) memory.delete(memory.keys().next().value!)
      if (!store || !questionLog) return
      log(record)
      // retention is applied at most once an hour, on the way
      if (record.at - prunedAt > 3_600_000) {
        prunedAt = record.at
        track(() => store.pruneLog(now() - retentionDays * day))
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
      while (pending.size || batches?.running()) await Promise.all([...pending, batches?.running()])
    },
    stats: () => ({ pending: pending.size + (batches?.waiting() ?? 0), dropped }),
  }
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

/**
 * The log's writes as group commits: the records of `batchMs` are written together in one
 * transaction, and those that come while it is written go in the next. SQLite commits each
 * transaction to disk, and libSQL does it on the answering thread (synchronously, so no request
 * is read meanwhile): one commit per answer was most of an answer's cost over HTTP. `add` gives
 * the write the record is in (it never rejects: a failed batch goes to `onError`), or undefined
 * when `maxPending` records wait already (the record is dropped).
 */
export function groupCommit(
  write: (records: AnswerRecord[]) => Promise<void>,
  o: { maxPending: number; batchMs: number; onError: (error: unknown) => void },
) {
  let queue: AnswerRecord[] = []
  let inFlight = 0
  let running: Promise<void> | undefined
  const flush = async (): Promise<void> => {
    while (queue.length) {
      await new Promise((done) => setTimeout(done, o.batchMs))
      const batch = queue
      queue = []
      inFlight = batch.length
      await write(batch).catch(o.onError)
      inFlight = 0
    }
    running = undefined
  }
  return {
    add(record: AnswerRecord): Promise<void> | undefined {
      if (queue.length + inFlight >= o.maxPending) return undefined
      queue.push(record)
      // a running loop writes it with its next batch
      running ??= flush()
      return running
    },
    waiting: () => queue.length + inFlight,
    running: () => running,
  }
}
