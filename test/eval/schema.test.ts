import { describe, expect, it } from 'vitest'
import { parseSet, SetError } from '../../scripts/eval/schema'

const good = JSON.stringify({
  id: 'a-1',
  category: 'count',
  turns: ['How many pilots did MOHURD run?'],
  expect: [{ answer: '286' }],
})

function problems(content: string): string[] {
  try {
    parseSet(content, 'set.jsonl')
  } catch (error) {
    if (error instanceof SetError) return error.message.split('\n')
    throw error
  }
  return []
}

describe('parseSet', () => {
  it('reads one item a line and skips blank lines', () => {
    expect(parseSet(`${good}\n\n`, 'set.jsonl').map((i) => i.id)).toEqual(['a-1'])
  })

  it('reports a line that is not JSON with its line number', () => {
    expect(problems(`${good}\n{"id": "a-2",`)).toEqual(['set.jsonl:2: not valid JSON'])
  })

  it('reports schema problems with line number and path', () => {
    const bad = JSON.stringify({ id: 'a-2', category: 'guess', turns: ['q'], expect: [{}] })
    expect(problems(`${good}\n\n${bad}`)).toEqual([
      'set.jsonl:3: category: Invalid option: expected one of "count"|"amount"|"share"|"year"|"who"|"where"|"list"|"difference"|"total"|"growth"|"ratio"|"superlative"|"comparison"|"multi_doc"|"passage"|"out_of_scope"|"noisy"|"conversation"',
      'set.jsonl:3: expect.0: an expectation needs answer, answerAll, cites or abstained',
    ])
  })

  it('reports turns without a matching expectation', () => {
    const bad = JSON.stringify({
      id: 'c-1',
      category: 'conversation',
      turns: ['q1', 'q2'],
      expect: [{ answer: '1' }],
    })
    expect(problems(bad)).toEqual([
      'set.jsonl:1: expect: turns and expect must have the same length',
    ])
  })

  it('reports a single-turn conversation', () => {
    const bad = JSON.stringify({
      id: 'c-1',
      category: 'conversation',
      turns: ['q1'],
      expect: [{ answer: '1' }],
    })
    expect(problems(bad)).toEqual([
      'set.jsonl:1: turns: a conversation has 2 to 4 turns; every other category exactly 1',
    ])
  })

  it('reports an abstention that also expects an answer', () => {
    const bad = JSON.stringify({
      id: 'o-1',
      category: 'out_of_scope',
      turns: ['q'],
      expect: [{ abstained: true, answer: '3' }],
    })
    expect(problems(bad)).toEqual([
      'set.jsonl:1: expect.0: an abstention cannot also expect an answer or a citation',
    ])
  })

  it('reports a repeated id', () => {
    expect(problems(`${good}\n${good}`)).toEqual([
      'set.jsonl:2: id "a-1" is already used on line 1',
    ])
  })

  it('reports an empty set', () => {
    expect(problems('\n')).toEqual(['set.jsonl:1: the set has no questions'])
  })
})
