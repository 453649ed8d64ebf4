/** createMemoryStore: bounded by a session cap (LRU) and idle expiry, so memory cannot grow without limit. */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../../src/core/conversation/memory-store'
import type { SessionState } from '../../../src/core/conversation/session'
import { manualClock } from '../../clock'

// a full collection before each reading, so the heap measures what the store keeps, not garbage
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** about 1.5 KB per session: 100,000 of them kept would be well over 100 MB */
const state = (i: number): SessionState => ({
  turns: 1,
  updatedAt: i,
  lastQuestion: `question ${i} ${'x'.repeat(1000)}`,
  lastAnswer: { text: 'a'.repeat(500), abstained: false, citations: [], factIds: [] },
})

const clock = (start = 0) => manualClock(start)

describe('createMemoryStore: bounds', () => {
  it('keeps at most maxSessions while 100,000 distinct sessions pass through, and its heap stays small', async () => {
    gc()
    const before = process.memoryUsage().heapUsed
    const store = createMemoryStore({ maxSessions: 1000 })
    let largest = 0
    for (let i = 0; i < 100_000; i++) {
      await store.set(`session-${i}`, state(i))
      if (i % 997 === 0) largest = Math.max(largest, store.size)
    }
    gc()
    const grown = process.memoryUsage().heapUsed - before
    expect(largest).toBeLessThanOrEqual(1000)
    expect(store.size).toBe(1000)
    // the newest sessions are the ones kept
    expect(await store.get('session-99999')).toBeDefined()
    expect(await store.get('session-0')).toBeUndefined()
    expect(grown).toBeLessThan(20 * 1024 * 1024)
  })

  it('evicts the least recently used session, where a get counts as a use', async () => {
    const store = createMemoryStore({ maxSessions: 3 })
    await store.set('a', state(1))
    await store.set('b', state(2))
    await store.set('c', state(3))
    await store.get('a')
    await store.set('d', state(4))
    expect(await store.get('b')).toBeUndefined()
    expect(await store.get('a')).toBeDefined()
    expect(await store.get('c')).toBeDefined()
    expect(await store.get('d')).toBeDefined()
    expect(store.size).toBe(3)
  })

  it('keeps every session while under the cap', async () => {
    const store = createMemoryStore({ maxSessions: 3 })
    await store.set('a', state(1))
    await store.set('b', state(2))
    expect(await store.get('a')).toBeDefined()
    expect(await store.get('b')).toBeDefined()
    expect(store.size).toBe(2)
  })
})

describe('createMemoryStore: idle expiry', () => {
  it('forgets a session idle for idleMs, on the injected clock', async () => {
    const time = clock()
    const store = createMemoryStore({ idleMs: 1000, now: time.now })
    await store.set('old', state(1))
    time.advance(600)
    await store.set('young', state(2))
    time.advance(400)
    expect(await store.get('old')).toBeUndefined()
    expect(await store.get('young')).toBeDefined()
    expect(store.size).toBe(1)
  })

  it('keeps a session that is used before it goes idle', async () => {
    const time = clock()
    const store = createMemoryStore({ idleMs: 1000, now: time.now })
    await store.set('s', state(1))
    for (let i = 0; i < 5; i++) {
      time.advance(999)
      expect(await store.get('s')).toBeDefined()
    }
    time.advance(1000)
    expect(await store.get('s')).toBeUndefined()
    expect(store.size).toBe(0)
  })
})

describe('createMemoryStore: get, set and delete', () => {
  it('gives undefined for an id it never saw', async () => {
    expect(await createMemoryStore().get('nobody')).toBeUndefined()
  })

  it('gives back what was set, as a copy the caller cannot change in the store', async () => {
    const store = createMemoryStore()
    const original = state(7)
    await store.set('s', original)
    original.turns = 99
    const first = await store.get('s')
    expect(first).toEqual(state(7))
    first!.turns = 42
    first!.lastAnswer!.factIds.push('f1')
    expect(await store.get('s')).toEqual(state(7))
  })

  it('forgets a deleted session and ignores deleting an unknown one', async () => {
    const store = createMemoryStore()
    await store.set('s', state(1))
    await store.delete('s')
    await store.delete('nobody')
    expect(await store.get('s')).toBeUndefined()
    expect(store.size).toBe(0)
  })
})
