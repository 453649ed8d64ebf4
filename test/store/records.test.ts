/** The question log's write queue: bounded, so a store that stops answering cannot take the memory with it. */
import { describe, expect, it } from 'vitest'
import type { AnswerRecord, Store } from '../../src/core/store'
import { createRecords, LogQueueFull } from '../../src/store/records'

const record = (i: number): AnswerRecord => ({
  answerId: `a${i}`,
  at: 1_000 + i,
  channel: 'api',
  question: `question ${i}`,
  answer: 'The articles don’t say.',
  citations: [],
  kind: 'none',
  abstained: true,
  confidence: 0,
  latencyMs: 1,
})

/** a store whose writes hang until released: a locked database, a libSQL server gone quiet */
function stalledStore() {
  const calls: AnswerRecord[] = []
  const waiting: (() => void)[] = []
  const hang = () => new Promise<void>((done) => waiting.push(done))
  const store = {
    logAnswer: (r: AnswerRecord) => {
      calls.push(r)
      return hang()
    },
    pruneLog: async () => 0,
    findAnswer: async () => undefined,
  } as unknown as Store
  const release = () => {
    for (const done of waiting.splice(0)) done()
  }
  return { store, calls, release }
}

describe('the question log queue', () => {
  it('holds at most maxPending writes for a stalled store and counts the ones it dropped', async () => {
    const { store, calls, release } = stalledStore()
    const errors: unknown[] = []
    const records = createRecords({ store, maxPending: 100, onError: (e) => errors.push(e) })
    for (let i = 0; i < 10_000; i++) records.remember(record(i))
    // the store was handed (and holds) only what the queue admits: the rest were never started
    expect(records.stats()).toEqual({ pending: 100, dropped: 9_900 })
    expect(calls).toHaveLength(100)
    // reported on the first drop and then every thousandth, not once each
    expect(errors).toHaveLength(10)
    expect(errors[0]).toBeInstanceOf(LogQueueFull)
    expect(String(errors[0])).toBe(
      'LogQueueFull: question log: 1 write(s) dropped so far: 100 were waiting for the store already',
    )
    expect(String(errors[9])).toContain('9001 write(s) dropped')
    release()
    await records.settled()
    // once the store answers again, writes go through
    records.remember(record(10_000))
    expect(records.stats()).toEqual({ pending: 1, dropped: 9_900 })
    expect(calls.at(-1)?.answerId).toBe('a10000')
  })

  it('defaults to 1,000 writes waiting', () => {
    const { store } = stalledStore()
    const records = createRecords({ store })
    for (let i = 0; i < 1_500; i++) records.remember(record(i))
    expect(records.stats()).toEqual({ pending: 1_000, dropped: 500 })
  })

  it('still finds a dropped answer for feedback while it is recent', async () => {
    const { store } = stalledStore()
    const records = createRecords({ store, maxPending: 1 })
    records.remember(record(1))
    records.remember(record(2))
    expect(records.stats().dropped).toBe(1)
    expect((await records.find('a2'))?.question).toBe('question 2')
  })
})
