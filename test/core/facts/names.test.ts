/** findNames: runs of capitalised words joined by of/and, lists split apart, camel case, corporate suffixes. */
import { describe, expect, it } from 'vitest'
import { baseName, findNames } from '../../../src/core/facts/names'

/** the names found, each checked to slice back from its offsets */
function names(text: string): string[] {
  const found = findNames(text)
  for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text)
  return found.map((n) => n.text)
}

describe('findNames', () => {
  it('keeps a ministry name with "of" and "and" in it whole', () => {
    expect(names('The Ministry of Housing and Urban-Rural Development approved 60 sites.')).toEqual(
      ['Ministry of Housing and Urban-Rural Development'],
    )
    expect(names('Staff from the Bureau of Surveying and Mapping met in Rome.')).toContain(
      'Bureau of Surveying and Mapping',
    )
  })

  it('splits two names joined by "and the"', () => {
    expect(names('Trials ran in the Tagus River Delta and the Douro Valley.')).toEqual([
      'Trials',
      'Tagus River Delta',
      'Douro Valley',
    ])
    expect(names('The Ministry of Transport and the Ministry of Finance agreed.')).toEqual([
      'Ministry of Transport',
      'Ministry of Finance',
    ])
  })

  it('splits two one-word names and two acronyms joined by "and"', () => {
    expect(names('Meridian and Saltmarsh signed a deal.')).toEqual(['Meridian', 'Saltmarsh'])
    expect(names('MIIT and NDRC ran pilots.')).toEqual(['MIIT', 'NDRC'])
  })

  it('reads a camel-cased company as a name', () => {
    expect(names('Tomas Reyes joined iSoftStone last year.')).toEqual(['Tomas Reyes', 'iSoftStone'])
    expect(names('The shares of eBay rose.')).toEqual(['eBay'])
  })

  it('keeps a corporate suffix with the name: "(Group) Co.", "Corp", "Ltd"', () => {
    expect(names('He works at Lumen Data Systems (Group) Co. in Tallinn.')).toEqual([
      'Lumen Data Systems (Group) Co.',
      'Tallinn',
    ])
    expect(names('The shares in Acme Corp fell.')).toEqual(['Acme Corp'])
  })

  it('keeps an event with its year: "Expo 2019"', () => {
    expect(names('Under the plan, Lisbon Expo 2019 opened.')).toEqual(['Lisbon Expo 2019'])
  })

  it('does not take a sentence-opening verb, article or conjunction for a name', () => {
    expect(names('Encouraging growth, the council acted.')).toEqual([])
    expect(names('Expanding quickly, Brightwave opened stores.')).toEqual(['Brightwave'])
    expect(names('However, The Harbour Authority agreed.')).toEqual(['Harbour Authority'])
  })

  it('does not take a sentence-opening preposition and year for a name', () => {
    expect(names('In 2021, hydropower made up 27% of the supply.')).toEqual([])
    expect(names('Between 2012 and 2019, the number of clinics rose.')).toEqual([])
  })

  it('finds nothing in a sentence without capitalised words', () => {
    expect(names('the ferries carried more people than ever.')).toEqual([])
  })
})

describe('baseName', () => {
  it('reads a possessive as the name itself', () => {
    expect(baseName('Valmora’s')).toBe('Valmora')
    expect(baseName("Valmora's")).toBe('Valmora')
  })

  it('leaves a name without a possessive as it is', () => {
    expect(baseName('Harbour Authority')).toBe('Harbour Authority')
  })
})
