/** readLists: counted lists ("the three largest X of A, B and C") and lists with a label before or after. */
import { describe, expect, it } from 'vitest'
import { readLists } from '../../../src/core/facts/lists'
import { findNames } from '../../../src/core/facts/names'

function lists(text: string) {
  return readLists(text, findNames(text)).map((l) => ({
    label: l.label,
    items: l.items.map((i) => i.text),
    words: text.slice(l.at.start, l.at.end),
    sliced: l.items.every((i) => text.slice(i.start, i.end) === i.text),
  }))
}

describe('readLists', () => {
  it('reads "the three largest X of A, B and C" with its label, items and span', () => {
    expect(
      lists('Among the three largest islands of Corvo, Flores and Pico, fishing dominates.'),
    ).toEqual([
      {
        label: 'three largest islands',
        items: ['Corvo', 'Flores', 'Pico'],
        words: 'three largest islands of Corvo, Flores and Pico',
        sliced: true,
      },
    ])
  })

  it('reads "the four X of the Y are A, B, C and D"', () => {
    const [list] = lists(
      'The four founding members of the Delta Alliance are Corvo, Flores, Pico and Faial.',
    )
    expect(list?.items).toEqual(['Corvo', 'Flores', 'Pico', 'Faial'])
    expect(list?.words).toMatch(/Corvo, Flores, Pico and Faial$/)
  })

  it('reads "X such as A, B and C" with the words before as the label', () => {
    const [list] = lists('Ports such as Valmora, Corvo and Pico grew fast.')
    expect(list?.items).toEqual(['Valmora', 'Corvo', 'Pico'])
    expect(list?.words).toBe('Ports such as Valmora, Corvo and Pico')
  })

  it('reads "A, B and C have ..." with the words after as the label', () => {
    const [list] = lists('Corvo, Flores and Pico have the highest fares of the islands.')
    expect(list?.items).toEqual(['Corvo', 'Flores', 'Pico'])
    expect(list?.label).toBe('have the highest fares of the islands')
  })

  it('gives as many items as the count says when an item has two words', () => {
    const [list] = lists('The three busiest lines are Riverside, Old Town and Airport Loop.')
    expect(list?.items).toEqual(['Riverside', 'Old Town', 'Airport Loop'])
  })

  it('reads a counted list whose label has an "of" phrase before "are"', () => {
    const [list] = lists(
      'The three busiest lines of the network are Riverside, Harbourfront and Northgate.',
    )
    expect(list?.items).toEqual(['Riverside', 'Harbourfront', 'Northgate'])
  })

  it('gives nothing for figures joined by "and", nor for two names without a label', () => {
    expect(lists('The company sold 40 buses and 12 trams.')).toEqual([])
    expect(lists('Corvo and Flores signed a deal.')).toEqual([])
  })
})
