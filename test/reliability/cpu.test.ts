/** Bounded work: no question of at most 1,000 characters costs more than 20 ms of CPU, in a session or not. */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  costlyQuestion,
  knownCostly,
  primedSession,
  turnCpuMs,
} from '../../scripts/bench/cpu-inputs'
import type { SessionState } from '../../src/core/conversation/session'
import { boundQuestion } from '../../src/core/nlu/bound'
import { testService } from '../http/helpers'

/** the bound; an ordinary question takes well under 1 ms once warm */
const limitMs = 20
const service = testService()
let primed: SessionState

beforeAll(async () => {
  primed = await primedSession(service)
  // the first turns pay for compiling the answer path: warm it with the kinds of input below
  for (const q of [...knownCostly, ...fc.sample(costlyQuestion, { numRuns: 150, seed: 1 })])
    await turnCpuMs(service, q, undefined, 1)
}, 120_000)

describe('boundQuestion', () => {
  it('leaves an ordinary question as it is, normalised', () => {
    expect(boundQuestion('  How many pilots did MOHURD run? ')).toBe(
      'How many pilots did MOHURD run?',
    )
    expect(boundQuestion('ｈｏｗ many')).toBe('how many')
  })

  it('caps the normalised text at 1000 characters, not the text as sent', () => {
    const bounded = boundQuestion('\u2101 '.repeat(500))
    expect('\u2101 '.repeat(500).normalize('NFKC').length).toBe(2000)
    expect(bounded.length).toBeLessThanOrEqual(1000)
    expect(bounded.startsWith('a/s a/s')).toBe(true)
  })

  it('splits runs without spaces and caps the tokens', () => {
    expect(boundQuestion('x'.repeat(100))).toBe(
      `${'x'.repeat(40)} ${'x'.repeat(40)} ${'x'.repeat(20)}`,
    )
    expect(boundQuestion('a. '.repeat(300)).match(/\w+|[^\w\s]/g)).toHaveLength(120)
  })

  it('never splits a surrogate pair', () => {
    const bounded = boundQuestion(`a${'😀'.repeat(100)}`)
    expect(bounded).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    )
  })
})

describe('CPU per question', () => {
  it('stays under 20 ms for the inputs that cost most before the bounds', async () => {
    for (const question of knownCostly) {
      const named = JSON.stringify(question.slice(0, 12))
      expect(await turnCpuMs(service, question), named).toBeLessThanOrEqual(limitMs)
      expect(await turnCpuMs(service, question, primed), named).toBeLessThanOrEqual(limitMs)
    }
  })

  it('stays under 20 ms for any text over every Unicode category, in a session or not', async () => {
    await fc.assert(
      fc.asyncProperty(costlyQuestion, fc.boolean(), async (question, inSession) => {
        const ms = await turnCpuMs(service, question, inSession ? primed : undefined)
        expect(ms).toBeLessThanOrEqual(limitMs)
      }),
      { numRuns: 300 },
    )
  }, 180_000)
})
