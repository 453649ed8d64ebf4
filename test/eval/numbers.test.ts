import { describe, expect, it } from 'vitest'
import { numberStated, statedNumbers } from '../../scripts/eval/numbers'

const states = (expected: string, reply: string) =>
  statedNumbers(expected).every((n) => numberStated(n, statedNumbers(reply)))

describe('statedNumbers', () => {
  it('reads thousands separators, decimals and scale words', () => {
    expect(statedNumbers('1,200 cranes, 2.8% and 580 million people').map((n) => n.value)).toEqual([
      1200, 2.8, 580_000_000,
    ])
  })

  it('reads number words', () => {
    expect(statedNumbers('three regions').map((n) => n.value)).toEqual([3])
  })

  it('ignores digits glued to a word', () => {
    expect(statedNumbers('passage p11 of A380')).toEqual([])
  })
})

describe('numberStated', () => {
  it('matches "1,200" and "1200"', () => {
    expect(states('1,200', 'they ordered 1200 chargers')).toBe(true)
  })

  it('matches "580 million", "580,000,000" and "0.58 billion"', () => {
    expect(states('580 million', 'grew by 580,000,000')).toBe(true)
    expect(states('580 million', 'grew by 0.58 billion')).toBe(true)
    expect(states('580,000,000', 'grew by 580 million')).toBe(true)
  })

  it('matches "36%" and "36 per cent"', () => {
    expect(states('36%', '36 per cent of GDP')).toBe(true)
    expect(states('36 percent', '36% of GDP')).toBe(true)
  })

  it('takes years as they are', () => {
    expect(states('2015', 'in 2015')).toBe(true)
    expect(states('2015', 'in 2014')).toBe(false)
  })

  it('lets a more precise reply round to a rounded expectation', () => {
    expect(states('3.6 times', '3.58 times as many')).toBe(true)
    expect(states('238%', 'up 238.3%')).toBe(true)
  })

  it('does not round a whole expectation', () => {
    expect(states('4', '4.4 times')).toBe(false)
  })

  it('fails on a different figure', () => {
    expect(states('286', 'they ran 287 pilots')).toBe(false)
    expect(states('3.6', '3.7 times')).toBe(false)
    expect(states('580 million', 'grew by 580')).toBe(false)
  })

  it('still reads "15.5m" as 15.5 when the expectation means metres', () => {
    expect(states('15.5 metres', 'only 15.5m deep')).toBe(true)
  })
})
