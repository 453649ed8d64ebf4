/** The eval's precision/coverage curve: an answer given at confidence p stays given up to p, then abstains. */
import { describe, expect, it } from 'vitest'
import { curveOf } from '../../scripts/eval/bench/report'
import type { ItemRecord } from '../../scripts/eval/bench/run'

const turn = (abstained: boolean, right: boolean, expectAbstain: boolean, confidence: number) => ({
  id: 'x',
  cat: 'c',
  question: 'q',
  answer: 'a',
  abstained,
  right,
  expectAbstain,
  confidence,
  citations: 1,
  badCitations: 0,
  ms: 1,
})
const records = (turns: ReturnType<typeof turn>[]): ItemRecord[] => [
  { id: 'i', cat: 'c', right: true, turns },
]

describe('curveOf', () => {
  const run = records([
    turn(false, true, false, 0.9), // answered right
    turn(false, false, true, 0.4), // answered, should have abstained
    turn(false, false, false, 0.6), // answered wrongly
    turn(true, true, true, 0.8), // abstained rightly
  ])

  it('starts at the run itself', () => {
    const [first] = curveOf(run, 0.35)
    expect(first).toEqual({ threshold: 0.35, coverage: 0.75, precision: 1 / 3, overall: 0.5 })
  })

  it('drops answers below a higher threshold, a dropped answer right where an abstention is expected', () => {
    const at = curveOf(run, 0.35).find((p) => p.threshold === 0.65)!
    expect(at.coverage).toBe(0.25)
    expect(at.precision).toBe(1)
    // the right answer, the right abstention, and the dropped answer that should have been an abstention
    expect(at.overall).toBe(0.75)
  })
})
