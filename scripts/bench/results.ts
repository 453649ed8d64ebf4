/** What one benchmark run gathers: the machine, and each part's figures (absent when not run). */
import { availableParallelism, cpus, release, totalmem } from 'node:os'
import type { BaselineResult } from './baseline'
import type { CpuResult } from './cpu'
import type { HealthzRunResult } from './healthz-run'
import type { HttpResult } from './http'
import type { LatencyResult } from './latency'
import type { LoadResult } from './load'
import type { ScaleResult } from './scale'
import type { StartupResult } from './startup'
import type { StoreResult } from './store'
import type { WorkerResult } from './worker-child'

export const parts = [
  'latency',
  'cpu',
  'scale',
  'http',
  'load',
  'startup',
  'worker',
  'baseline',
  'store',
] as const
export type Part = (typeof parts)[number]

export interface Machine {
  cores: number
  cpu: string
  memoryBytes: number
  node: string
  os: string
}

export interface BenchResults {
  machine: Machine
  quick: boolean
  parts: Part[]
  startedAt: string
  seconds: number
  latency?: LatencyResult
  scale?: ScaleResult
  http?: HttpResult
  load?: LoadResult
  /** the same load with the server's heap capped: is a rise in RSS live data or uncollected garbage */
  loadCapped?: LoadResult
  /** 500,000 GET /healthz (part load): RSS when nothing is answered */
  healthzRun?: HealthzRunResult
  /** the worst CPU per question the fuzzer found */
  cpu?: CpuResult
  startup?: StartupResult
  worker?: WorkerResult
  baseline?: BaselineResult
  /** articles added while answering, and a start from the stored snapshot */
  store?: StoreResult
  /** the 1-minute load average of the machine when each part started: how shared it was */
  loadAverages: Partial<Record<Part, number>>
  /** parts that failed or could not run, with why */
  notMeasured: Partial<Record<Part, string>>
}

export function machine(): Machine {
  return {
    // what nproc prints: the cores this process may use
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    os: `${process.platform} ${release()}`,
  }
}
