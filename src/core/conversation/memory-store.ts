/** A bounded in-memory session store: a cap on sessions, least-recently-used eviction, idle expiry. */
import type { SessionState, SessionStore } from './session'

export interface MemoryStoreOptions {
  /** sessions kept at most; defaults to 10,000 */
  maxSessions?: number
  /** a session idle this long is gone; defaults to 30 minutes */
  idleMs?: number
  /** the clock, injectable for tests; defaults to Date.now */
  now?: () => number
}
const defaults: Required<MemoryStoreOptions> = {
  maxSessions: 10_000,
  idleMs: 30 * 60_000,
  now: () => Date.now(),
}

export interface MemorySessionStore extends SessionStore {
  readonly size: number
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemorySessionStore {
  const { maxSessions, idleMs, now } = { ...defaults, ...options }
  // a Map keeps insertion order: re-inserting on use makes the first key the least recently used
  const sessions = new Map<string, { state: SessionState; touched: number }>()

  const sweep = (time: number) => {
    for (const [id, entry] of sessions) {
      if (time - entry.touched < idleMs) break
      sessions.delete(id)
    }
  }

  return {
    get size() {
      sweep(now())
      return sessions.size
    },
    async get(id) {
      const time = now()
      const entry = sessions.get(id)
      if (!entry) return undefined
      sessions.delete(id)
      if (time - entry.touched >= idleMs) return undefined
      sessions.set(id, { state: entry.state, touched: time })
      return structuredClone(entry.state)
    },
    async set(id, state) {
      const time = now()
      sessions.delete(id)
      sessions.set(id, { state: structuredClone(state), touched: time })
      sweep(time)
      while (sessions.size > maxSessions) {
        const oldest = sessions.keys().next().value
        if (oldest === undefined) break
        sessions.delete(oldest)
      }
    },
    async delete(id) {
      sessions.delete(id)
    },
  }
}
