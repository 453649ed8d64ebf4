/** A small seeded PRNG (mulberry32) so generated corpora and question mixes are the same on every run. */

export interface Rng {
  /** a float in [0, 1) */
  next: () => number
  /** an integer in [min, max] */
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  /** `count` distinct items, in random order */
  sample: <T>(items: readonly T[], count: number) => T[]
}

/** mixes a string into a 32-bit seed, so each article can have its own stream (FNV-1a) */
export function seedOf(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: no items')
    return items[Math.floor(next() * items.length)]!
  }
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items]
    // partial Fisher-Yates: only the first `count` places are shuffled
    const n = Math.min(count, pool.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(next() * (pool.length - i))
      ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
    }
    return pool.slice(0, n)
  }
  return { next, int, pick, sample }
}
