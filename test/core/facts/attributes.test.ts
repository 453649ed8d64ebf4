/** readAttributes: where a company is based, where an event was held, a person's role, company and talk. */
import { describe, expect, it } from 'vitest'
import { type RawAttribute, readAttributes } from '../../../src/core/facts/attributes'
import { findNames } from '../../../src/core/facts/names'
import { namePatterns } from '../../../src/core/nlu/lexicon'
import { realLanguage } from '../helpers'

const patterns = namePatterns(realLanguage().lexicon)

/** relation, subject, object and the stating words, each checked to slice back from its offsets */
function attributes(text: string, known: string[] = []) {
  return readAttributes(text, findNames(text), new Set(known), patterns).map((a: RawAttribute) => {
    const subject = 'pronoun' in a.subject ? a.subject.pronoun : a.subject.text
    if (!('pronoun' in a.subject))
      expect(text.slice(a.subject.start, a.subject.end)).toBe(a.subject.text)
    expect(text.slice(a.object.start, a.object.end)).toBe(a.object.text)
    return [a.relation, subject, a.object.text, text.slice(a.at.start, a.at.end)]
  })
}

describe('readAttributes: places', () => {
  it('reads "X, headquartered in Y," as where X is based', () => {
    expect(attributes('Brightwave Labs, headquartered in Porto, sells sensors.')).toEqual([
      ['located_in', 'Brightwave Labs', 'Porto', 'headquartered in Porto'],
    ])
  })

  it('reads "the company is headquartered in Y" with the pronoun as the subject', () => {
    expect(attributes('The company is headquartered in Porto.')).toEqual([
      ['located_in', 'the company', 'Porto', 'headquartered in Porto'],
    ])
  })

  it('reads "X, the Y-based grocer," for a company named with two words', () => {
    expect(attributes('Quinta Foods, the Braga-based grocer, grew fast.')).toEqual([
      ['located_in', 'Quinta Foods', 'Braga', 'Quinta Foods, the Braga-based'],
    ])
  })

  it('reads "X was held in Y" as where the event was held', () => {
    expect(attributes('The Baltic Data Forum was held in Riga last May.')).toEqual([
      ['held_in', 'Baltic Data Forum', 'Riga', 'Baltic Data Forum was held in Riga'],
    ])
  })

  it('reads nothing from a person living or born somewhere', () => {
    expect(attributes('Anna Berg, who lives in Oslo, likes ships.')).toEqual([])
    expect(attributes('He was born in Lisbon.')).toEqual([])
  })
})

describe('readAttributes: people', () => {
  it('reads "said Jane Roe, chief executive of Acme Corp" as her role and her company', () => {
    expect(attributes('“We will grow,” said Jane Roe, chief executive of Acme Corp.')).toEqual([
      ['role', 'Jane Roe', 'chief executive', 'Jane Roe, chief executive'],
      ['works_for', 'Jane Roe', 'Acme Corp', 'Jane Roe, chief executive of Acme Corp'],
    ])
  })

  it('ends the company at the comma that closes the appositive', () => {
    const read = attributes('Jane Roe, chief executive of Acme Corp, spoke in Porto.')
    expect(read.find((a) => a[0] === 'works_for')?.[2]).toBe('Acme Corp')
  })

  it('reads "Speaking at the recently held Expo 2019 in Lisbon – John Smith, ..." as event, place, role, company and talk', () => {
    const text =
      'Speaking at the recently held Expo 2019 in Lisbon – John Smith, director of sales at Acme Corp, said demand was strong.'
    expect(attributes(text)).toEqual([
      ['held_in', 'Expo 2019', 'Lisbon', 'Expo 2019 in Lisbon'],
      ['role', 'John Smith', 'director of sales', 'John Smith, director of sales'],
      ['works_for', 'John Smith', 'Acme Corp', 'John Smith, director of sales at Acme Corp'],
      [
        'spoke_at',
        'John Smith',
        'Expo 2019',
        'Speaking at the recently held Expo 2019 in Lisbon – John Smith',
      ],
    ])
  })

  it('reads "he was speaking at X" with the pronoun, for the extractor to resolve', () => {
    expect(attributes('He was speaking at the Valmora Transport Summit.')).toEqual([
      ['spoke_at', 'he', 'Valmora Transport Summit', 'speaking at the Valmora Transport Summit'],
    ])
  })

  it('reads no role from a person merely visiting a company', () => {
    expect(attributes('Jane Roe visited Acme Corp.')).toEqual([])
  })
})
