/** Times answers in process: warm up, then rounds that interleave the groups, reported as medians over rounds. */
import { median, percentile } from './stats'

export interface Latency {
  /** median over rounds of each round's p50, wall clock, in ms */
  p50: number
  /** median over rounds of each round's p99, wall clock, in ms */
  p99: number
  /** the same in CPU time of the process: what the answer costs, without the waits of a shared machine */
  cpuP50: number
  cpuP99: number
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
  /**
   * ms the rounds may take, judged from the warm-up; fewer calls a round (at least 20) when the
   * calls are slow; defaults to no limit
   */
  budgetMs?: number
}
const defaults: Required<RoundOptions> = {
  warmup: 50,
  rounds: 5,
  perRound: 200,
  budgetMs: Number.POSITIVE_INFINITY,
}

/** one timed call, ms */
export interface Sample {
  wall: number
  cpu: number
}

/**
 * a group's `run(i)` answers its i-th question and returns the time of the part to time (so a
 * follow-up can answer its earlier turns untimed)
 */
export type Timed = (i: number) => Promise<Sample>

export async function timeGroups<K extends string>(
  groups: Record<K, Timed>,
  options: RoundOptions = {},
): Promise<Record<K, Latency>> {
  const { warmup, rounds, budgetMs, ...rest } = { ...defaults, ...options }
  const names = Object.keys(groups) as K[]
  const warmStart = performance.now()
  for (let i = 0; i < Math.max(1, warmup); i++) for (const name of names) await groups[name](i)
  const perCall = (performance.now() - warmStart) / (Math.max(1, warmup) * names.length)
  const affordable = Math.floor(budgetMs / (rounds * names.length * perCall))
  const perRound = Math.max(20, Math.min(rest.perRound, affordable))
  type Stats = Record<'p50' | 'p99' | 'cpuP50' | 'cpuP99', number[]>
  const perRoundStats = new Map<K, Stats>(
    names.map((n) => [n, { p50: [], p99: [], cpuP50: [], cpuP99: [] }]),
  )
  for (let r = 0; r < rounds; r++) {
    const samples = new Map<K, Sample[]>(names.map((n) => [n, []]))
    // interleaved, so a noisy moment on the machine hits every group alike
    for (let i = 0; i < perRound; i++)
      for (const name of names) samples.get(name)!.push(await groups[name](i))
    for (const name of names) {
      const wall = samples.get(name)!.map((s) => s.wall)
      const cpu = samples.get(name)!.map((s) => s.cpu)
      const stats = perRoundStats.get(name)!
      stats.p50.push(percentile(wall, 50))
      stats.p99.push(percentile(wall, 99))
      stats.cpuP50.push(percentile(cpu, 50))
      stats.cpuP99.push(percentile(cpu, 99))
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const s = perRoundStats.get(n)!
      const latency: Latency = {
        p50: median(s.p50),
        p99: median(s.p99),
        cpuP50: median(s.cpuP50),
        cpuP99: median(s.cpuP99),
        samples: rounds * perRound,
      }
      return [n, latency]
    }),
  ) as Record<K, Latency>
}

/** wall and CPU ms of one async call (process.cpuUsage counts in microseconds) */
export async function elapsed(call: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  await call()
  const wall = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { wall, cpu: (used.user + used.system) / 1000 }
}
