import { describe, expect, it } from 'vitest'
import { citationProblem } from '../../scripts/eval/citations'
import { renderInvalidCitations, renderMisses } from '../../scripts/eval/markdown'
import type { Reply } from '../../scripts/eval/match'
import { invalidCitations, misses, summarise } from '../../scripts/eval/report'
import { runSet } from '../../scripts/eval/run'
import type { EvalItem } from '../../scripts/eval/schema'

const text = 'Intro.\n\n286 smart city pilots of MOHURD\n\n80 pilots of NDRC'
const documents = new Map([['d', { text }]])
const cite = (quote: string, start = text.indexOf(quote), end = start + quote.length) => ({
  docId: 'd',
  title: 'T',
  passageId: 'd#p1',
  quote,
  start,
  end,
})

describe('citationProblem', () => {
  it('accepts an exact slice', () => {
    expect(citationProblem(cite('80 pilots of NDRC'), documents)).toBeUndefined()
  })

  it('rejects a quote that is not the slice at its offsets', () => {
    expect(citationProblem(cite('80 pilots of NDRC', 0, 17), documents)).toBe(
      'quote is not text.slice(0, 17) of d',
    )
  })

  it('rejects an unknown document', () => {
    expect(citationProblem({ ...cite('Intro.'), docId: 'x' }, documents)).toBe(
      'unknown document "x"',
    )
  })

  it('rejects a quote longer than a claim needs', () => {
    expect(citationProblem(cite(text), documents, { maxQuoteLength: 20 })).toBe(
      `quote is ${text.length} characters, over 20`,
    )
  })
})

const items: EvalItem[] = [
  {
    id: 'one',
    category: 'count',
    turns: ['How many pilots did MOHURD run?'],
    expect: [{ answer: '286', cites: '286 smart city pilots' }],
  },
  {
    id: 'conv',
    category: 'conversation',
    turns: ['How many pilots did MOHURD run?', 'and the NDRC?'],
    expect: [{ answer: '286' }, { answer: '80' }],
  },
  {
    id: 'oos',
    category: 'out_of_scope',
    turns: ['capital of France?'],
    expect: [{ abstained: true }],
  },
]

// a fake core: knows MOHURD, keeps the last question per session, cites a bad slice for the NDRC
function fakeAsker() {
  const calls: { question: string; sessionId: string }[] = []
  const ask = async (request: { question: string; sessionId: string }): Promise<Reply> => {
    calls.push(request)
    if (request.question.includes('MOHURD'))
      return {
        answer: 'MOHURD ran 286.',
        abstained: false,
        kind: 'fact',
        citations: [cite('286 smart city pilots of MOHURD')],
      }
    if (request.question.includes('NDRC'))
      return {
        answer: 'NDRC ran 8.',
        abstained: false,
        kind: 'fact',
        citations: [cite('80 pilots of NDRC', 1, 18)],
      }
    return { answer: 'Paris.', abstained: false, kind: 'fact', citations: [] }
  }
  return { ask, calls }
}

describe('runSet', () => {
  it('asks turn by turn with one session per item and scores each turn', async () => {
    const { ask, calls } = fakeAsker()
    let tick = 0
    const results = await runSet(items, ask, { documents, clock: () => (tick += 5) })
    expect(calls).toEqual([
      { question: 'How many pilots did MOHURD run?', sessionId: 'eval-one' },
      { question: 'How many pilots did MOHURD run?', sessionId: 'eval-conv' },
      { question: 'and the NDRC?', sessionId: 'eval-conv' },
      { question: 'capital of France?', sessionId: 'eval-oos' },
    ])
    expect(results.map((r) => r.turns.map((t) => t.ok))).toEqual([[true], [true, false], [false]])
    expect(results[1]!.turns[1]!.badCitations.map((b) => b.problem)).toEqual([
      'quote is not text.slice(1, 18) of d',
    ])
    expect(results[0]!.turns[0]!.ms).toBe(5)
  })
})

describe('summarise', () => {
  it('gives accuracy, abstention, citation validity and the misses', async () => {
    const { ask } = fakeAsker()
    const results = await runSet(items, ask, { documents, clock: () => 0 })
    const s = summarise(results)
    expect(s.turns).toEqual({ right: 2, total: 4 })
    expect(s.singleTurn).toEqual({ right: 1, total: 2 })
    expect(s.conversations).toEqual({
      turns: { right: 1, total: 2 },
      whole: { right: 0, total: 1 },
    })
    expect(s.categories).toEqual({
      count: { right: 1, total: 1 },
      conversation: { right: 1, total: 2 },
      out_of_scope: { right: 0, total: 1 },
    })
    expect(s.citations).toEqual({ right: 2, total: 3 })
    expect(s.outOfScopeAnswered).toEqual({ right: 1, total: 1 })
    expect([s.precision, s.recall]).toEqual([null, 0])
    expect(misses(results).map((m) => [m.id, m.turn, m.why])).toEqual([
      ['conv', 2, ['"80" not stated (missing numbers 80)']],
      ['oos', 1, ['answered, expected an abstention']],
    ])
  })
})

describe('the report', () => {
  it('lists invalid citations and misses', async () => {
    const { ask } = fakeAsker()
    const results = await runSet(items, ask, { documents, clock: () => 0 })
    expect(renderInvalidCitations(invalidCitations(results))).toBe(
      '## Invalid citations (1)\n\n- **conv** turn 2: d [1, 18): quote is not text.slice(1, 18) of d',
    )
    expect(renderMisses(misses(results)).split('\n').slice(0, 6)).toEqual([
      '## Misses (2)',
      '',
      '- **conv** turn 2: and the NDRC?',
      '  - expected: "80"',
      '  - got: NDRC ran 8.',
      '  - why: "80" not stated (missing numbers 80)',
    ])
  })

  it('says so when nothing was missed', () => {
    expect(renderMisses([])).toBe('## Misses\n\nNone.')
    expect(renderInvalidCitations([])).toBe('## Invalid citations\n\nNone.')
  })
})
