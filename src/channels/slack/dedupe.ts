/** Remembers which Slack events were seen, so a retried or repeated event is answered once. */

/**
 * The store behind "answer each event once". The default lives in memory, per process;
 * a runtime with several instances (Workers) backs it with shared state such as a Durable Object.
 */
export interface EventDedupe {
  /** records `key`; resolves true the first time a key is seen and false for every repeat */
  claim(key: string): Promise<boolean>
}

export interface MemoryDedupeOptions {
  /** keys remembered at most, the least recently seen forgotten first; defaults to 10,000 */
  max?: number
}
const defaults: Required<MemoryDedupeOptions> = { max: 10_000 }

export function createMemoryDedupe(options: MemoryDedupeOptions = {}): EventDedupe & {
  readonly size: number
} {
  const { max } = { ...defaults, ...options }
  // a Set keeps insertion order: re-adding on a repeat makes the first key the least recently seen
  const seen = new Set<string>()
  return {
    get size() {
      return seen.size
    },
    async claim(key) {
      const repeat = seen.delete(key)
      seen.add(key)
      if (seen.size > max) seen.delete(seen.values().next().value as string)
      return !repeat
    },
  }
}
