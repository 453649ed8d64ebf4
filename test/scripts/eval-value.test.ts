/** The evaluator checks a reply's `value` where the expectation gives one. */
import { describe, expect, it } from 'vitest'
import { type Reply, scoreReply, valueMatches } from '../../scripts/eval/match'
import { parseSet } from '../../scripts/eval/schema'

const reply = (value: Reply['value']): Reply => ({
  answer: 'Patients spent 6.2 days on a virtual ward, compared with 8.9 days in a hospital bed.',
  abstained: false,
  kind: 'fact',
  citations: [],
  value,
})

describe('valueMatches', () => {
  const same: [NonNullable<Parameters<typeof valueMatches>[0]>, Reply['value']][] = [
    [6.2, 6.2],
    [12_500_000, 12_500_000],
    ['Millbrook', 'millbrook'],
    [
      ['Ashby', 'Colton'],
      ['Colton', 'Ashby'],
    ],
  ]
  for (const [expected, got] of same)
    it(`takes ${JSON.stringify(got)} for ${JSON.stringify(expected)}`, () => {
      expect(valueMatches(expected, got)).toBe(true)
    })

  const differ: [NonNullable<Parameters<typeof valueMatches>[0]>, Reply['value']][] = [
    [6.2, 8.9],
    [6.2, '6.2'],
    [6.2, undefined],
    ['Millbrook', 'Leeds'],
    [['Ashby', 'Colton'], ['Ashby']],
  ]
  for (const [expected, got] of differ)
    it(`refuses ${JSON.stringify(got)} for ${JSON.stringify(expected)}`, () => {
      expect(valueMatches(expected, got)).toBe(false)
    })
})

describe('scoreReply with a value', () => {
  it('fails a reply that states the figure but gives another as its value', () => {
    expect(scoreReply({ answer: '6.2', value: 6.2 }, reply(8.9))).toEqual({
      ok: false,
      failures: ['value is 8.9, expected 6.2'],
    })
  })

  it('passes a reply whose value is the one expected', () => {
    expect(scoreReply({ answer: '6.2', value: 6.2 }, reply(6.2))).toEqual({
      ok: true,
      failures: [],
    })
  })

  it('says a missing value as none', () => {
    expect(scoreReply({ value: 6.2 }, reply(undefined)).failures).toEqual([
      'value is none, expected 6.2',
    ])
  })
})

describe('parseSet: value', () => {
  const line = (expect: unknown) =>
    JSON.stringify({ id: 'v1', category: 'count', turns: ['How many?'], expect: [expect] })

  it('reads a value as enough of an expectation', () => {
    expect(parseSet(line({ value: 14 }), 'set.jsonl')[0]?.expect[0]?.value).toBe(14)
  })

  it('refuses a value on an abstention', () => {
    expect(() => parseSet(line({ abstained: true, value: 14 }), 'set.jsonl')).toThrow(
      'set.jsonl:1: expect.0: an abstention cannot also expect a value',
    )
  })
})
