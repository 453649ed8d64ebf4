/** A number inside a name counts nothing, a measure said with its dimension is metres, and a numbered name is one entity with and without its number. */
import { describe, expect, it } from 'vitest'
import { findNames } from '../../../src/core/facts/names'
import { findFigures } from '../../../src/core/facts/numbers'
import type { QuantityFact } from '../../../src/core/types'
import { knowledgeOf } from '../helpers'

const read = (text: string) =>
  findFigures(text).map((f) => [f.display, f.value, f.unit, f.measure ?? null])

describe('findFigures: measures by their dimension', () => {
  const measures: [string, [string, number, string, string | null][]][] = [
    ['the 508m tall Kestrel Tower', [['508m', 508, 'measure', 'm']]],
    ['a 40m-high wall', [['40m', 40, 'measure', 'm']]],
    ['a road 3km long', [['3km', 3, 'measure', 'km']]],
    ['a 3km-long road', [['3km', 3, 'measure', 'km']]],
    ['Brellco shed 4m customers', [['4m', 4_000_000, 'count', null]]],
    ['It earned £5m tall orders', [['£5m', 5_000_000, 'money', null]]],
  ]
  for (const [text, figures] of measures)
    it(`reads "${text}"`, () => {
      expect(read(text)).toEqual(figures)
    })
})

describe('findFigures: a number inside a name', () => {
  const names: [string, [string, number, string, string | null][]][] = [
    ['the Kestrel 101 Tower opened', []],
    ['Corvane 747 jets flew', []],
    ['Valmora 1.0 was downloaded 10 million times', [['10 million', 10_000_000, 'count', null]]],
    ['Brell-Quest 2 sold 300,000 copies', [['300,000', 300_000, 'count', null]]],
    ['In 12 cities', [['12', 12, 'count', null]]],
    ['Valmora has 48 libraries', [['48', 48, 'count', null]]],
    ['Brellco 2024 results', [['2024', 2024, 'year', null]]],
  ]
  for (const [text, figures] of names)
    it(`reads "${text}"`, () => {
      expect(read(text)).toEqual(figures)
    })
})

describe('findNames: numbered names', () => {
  const runs: [string, string[]][] = [
    [
      'the 508m tall Kestrel 101 Tower in Valmora, Norland',
      ['Kestrel 101 Tower', 'Valmora', 'Norland'],
    ],
    [
      'Valmora’s Kestrel 101 Tower on Brell Street',
      ['Valmora’s', 'Kestrel 101 Tower', 'Brell Street'],
    ],
    ['In 12 Cities', ['Cities']],
  ]
  for (const [text, names] of runs)
    it(`finds ${names.join(' / ')} in "${text}"`, () => {
      const found = findNames(text)
      expect(found.map((n) => n.text)).toEqual(names)
      for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text)
    })
})

describe('extractFacts: a numbered name and its measure', () => {
  const text =
    'Lifts whisk visitors to the top of the 508m tall Kestrel 101 Tower in Valmora. The Kestrel Tower has 61 lifts.'
  const k = knowledgeOf([{ docId: 'd', title: 'Towers', text }])
  const figure = (display: string) =>
    k.facts.find((f): f is QuantityFact => f.kind === 'quantity' && f.quantity.display === display)
  it('gives the height in metres to the tower', () => {
    expect(figure('508m')?.quantity.value).toBe(508)
    expect(figure('508m')?.thing).toBe('tall')
    expect(figure('508m')?.owner).toBe('Kestrel 101 Tower')
  })
  it('reads the name with and without its number as one entity', () => {
    expect(figure('61')?.ownerId).toBe(figure('508m')?.ownerId)
    expect(k.facts.some((f) => f.kind === 'quantity' && f.quantity.value === 101)).toBe(false)
  })
})
