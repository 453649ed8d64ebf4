/** The question log's group commits: one write at a time, the records that came meanwhile in one batch. */
import { describe, expect, it } from 'vitest'
import type { AnswerRecord, Store } from '../../src/core/store'
import { openNodeStore } from '../../src/runtime/node/store/libsql'
import { createRecords, LogQueueFull } from '../../src/store/records'
import { record } from './helpers'

/** a store whose batch writes hang until released, recording each batch */
function batchingStore(fail = (_batch: AnswerRecord[]) => false) {
  const batches: string[][] = []
  const waiting: (() => void)[] = []
  const store = {
    logAnswer: async () => {
      throw new Error('logAnswer must not be called when logAnswers is there')
    },
    logAnswers: (rs: AnswerRecord[]) => {
      batches.push(rs.map((r) => r.answerId))
      return new Promise<void>((done, refuse) =>
        waiting.push(() => (fail(rs) ? refuse(new Error('disk full')) : done())),
      )
    },
    pruneLog: async () => 0,
    findAnswer: async () => undefined,
  } as unknown as Store
  const release = () => {
    for (const done of waiting.splice(0)) done()
  }
  return { store, batches, release }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the question log as group commits', () => {
  it('writes the records of a moment as one batch, and those that came during that write as the next', async () => {
    const { store, batches, release } = batchingStore()
    const records = createRecords({ store, now: () => 1_000, batchMs: 0 })
    for (let i = 1; i <= 3; i++) records.remember(record({ answerId: `a${i}`, at: 1_000 }))
    expect(batches).toEqual([])
    await tick()
    expect(batches).toEqual([['a1', 'a2', 'a3']])
    records.remember(record({ answerId: 'a4', at: 1_000 }))
    records.remember(record({ answerId: 'a5', at: 1_000 }))
    expect(records.stats()).toEqual({ pending: 5, dropped: 0 })
    release()
    await tick()
    await tick()
    expect(batches).toEqual([
      ['a1', 'a2', 'a3'],
      ['a4', 'a5'],
    ])
    release()
    await records.settled()
    expect(records.stats()).toEqual({ pending: 0, dropped: 0 })
  })

  it('holds at most maxPending records and reports the ones it dropped', () => {
    const { store } = batchingStore()
    const errors: unknown[] = []
    const records = createRecords({ store, maxPending: 10, onError: (e) => errors.push(e) })
    for (let i = 0; i < 25; i++) records.remember(record({ answerId: `a${i}`, at: 1_000 }))
    expect(records.stats()).toEqual({ pending: 10, dropped: 15 })
    expect(errors[0]).toBeInstanceOf(LogQueueFull)
  })

  it('reports a failed batch and still writes the next', async () => {
    const { store, batches, release } = batchingStore((b) => b[0]?.answerId === 'a1')
    const errors: unknown[] = []
    const records = createRecords({
      store,
      onError: (e) => errors.push(e),
      now: () => 1_000,
      batchMs: 0,
    })
    records.remember(record({ answerId: 'a1', at: 1_000 }))
    await tick()
    records.remember(record({ answerId: 'a2', at: 1_000 }))
    release()
    await tick()
    await tick()
    release()
    await records.settled()
    expect(batches).toEqual([['a1'], ['a2']])
    expect(errors.map(String)).toEqual(['Error: disk full'])
  })

  it('keeps every record of a batch in the SQL store', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    const records = createRecords({ store, now: () => 1_000 })
    for (let i = 0; i < 20; i++) records.remember(record({ answerId: `b${i}`, at: 1_000 + i }))
    await records.settled()
    expect((await store.refusals(0, 100)).map((r) => r.answerId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `b${i}`).sort(),
    )
    await store.close()
  })
})
