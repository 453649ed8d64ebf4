/** Times answers in process: warm up, then rounds that interleave the groups, reported as medians over rounds. */
import { median, percentile } from './stats'

export interface Latency {
  /** median over rounds of each round's p50, in ms */
  p50: number
  /** median over rounds of each round's p99, in ms */
  p99: number
  /** timed calls in all rounds */
  samples: number
}

export interface RoundOptions {
  /** untimed calls per group before the rounds; defaults to 50 */
  warmup?: number
  /** defaults to 5 */
  rounds?: number
  /** timed calls per group and round; defaults to 200 */
  perRound?: number
}
const defaults: Required<RoundOptions> = { warmup: 50, rounds: 5, perRound: 200 }

/**
 * a group's `run(i)` answers its i-th question and returns the ms of the part to time (so a
 * follow-up can answer its earlier turns untimed)
 */
export type Timed = (i: number) => Promise<number>

export async function timeGroups<K extends string>(
  groups: Record<K, Timed>,
  options: RoundOptions = {},
): Promise<Record<K, Latency>> {
  const { warmup, rounds, perRound } = { ...defaults, ...options }
  const names = Object.keys(groups) as K[]
  for (let i = 0; i < warmup; i++) for (const name of names) await groups[name](i)
  const perRoundStats = new Map<K, { p50: number[]; p99: number[] }>(
    names.map((n) => [n, { p50: [], p99: [] }]),
  )
  for (let r = 0; r < rounds; r++) {
    const samples = new Map<K, number[]>(names.map((n) => [n, []]))
    // interleaved, so a noisy moment on the machine hits every group alike
    for (let i = 0; i < perRound; i++)
      for (const name of names) samples.get(name)!.push(await groups[name](i))
    for (const name of names) {
      const s = samples.get(name)!
      perRoundStats.get(name)!.p50.push(percentile(s, 50))
      perRoundStats.get(name)!.p99.push(percentile(s, 99))
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const s = perRoundStats.get(n)!
      return [n, { p50: median(s.p50), p99: median(s.p99), samples: rounds * perRound }]
    }),
  ) as Record<K, Latency>
}

/** ms taken by one async call */
export async function elapsed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await call()
  return performance.now() - start
}
