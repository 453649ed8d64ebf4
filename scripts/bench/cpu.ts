/** The worst CPU time per question the fuzzer finds: the inputs of cpu-inputs.ts, each in a session and not. */
import fc from 'fast-check'
import { nodeService } from '../../src/runtime/node/service'
import { costlyQuestion, knownCostly, primedSession, turnCpuMs } from './cpu-inputs'

export interface CpuResult {
  /** questions tried, each without and with a session */
  questions: number
  /** the least of 3 runs of the costliest question, ms */
  worstMs: number
  /** how that question starts, escaped, at most 60 characters of it */
  worstInput: string
  worstLength: number
  worstInSession: boolean
  /** the median over all tried questions and modes, ms */
  medianMs: number
}

export async function measureWorstCpu(questions: number, seed = 13): Promise<CpuResult> {
  const service = nodeService()
  const primed = await primedSession(service)
  const inputs = [...knownCostly, ...fc.sample(costlyQuestion, { numRuns: questions, seed })]
  // warm the answer path, so the figures are per question and not per compile
  for (const q of inputs.slice(0, 150)) await turnCpuMs(service, q, undefined, 1)
  let worst = { ms: -1, input: '', inSession: false }
  const all: number[] = []
  for (const input of inputs)
    for (const inSession of [false, true]) {
      const ms = await turnCpuMs(service, input, inSession ? primed : undefined)
      all.push(ms)
      if (ms > worst.ms) worst = { ms, input, inSession }
    }
  all.sort((a, b) => a - b)
  return {
    questions: inputs.length,
    worstMs: worst.ms,
    worstInput: JSON.stringify(worst.input.slice(0, 60)).slice(1, -1),
    worstLength: worst.input.length,
    worstInSession: worst.inSession,
    medianMs: all[Math.floor(all.length / 2)]!,
  }
}
