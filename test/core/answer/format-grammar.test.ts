/** The grammar's small rules, each with its table: possessives, clauses, own years, moods, subjects, agreement. */
import { describe, expect, it } from 'vitest'
import {
  asSentence,
  be,
  clauseAround,
  hasSubject,
  moodOf,
  ownYear,
  possessive,
} from '../../../src/core/answer/format-grammar'

const moods = { planned: ['will', 'plans to', 'wants to'], expected: ['expects', 'may'] }

/** the span of `part` inside `text` */
const at = (text: string, part: string) => ({
  start: text.indexOf(part),
  end: text.indexOf(part) + part.length,
})

describe('possessive', () => {
  for (const [name, said] of [
    ['riders', "riders'"],
    ['Ampero Systems', "Ampero Systems'"],
    ['Harbourline', "Harbourline's"],
    ["the port's", "the port's"],
  ] as const)
    it(`says ${name} as ${said}`, () => expect(possessive(name)).toBe(said))
})

describe('clauseAround', () => {
  it('cuts at commas but not inside a figure', () => {
    const text = 'The company, which was founded in 2011, runs 9,400 kilometres of mains, and more.'
    const clause = clauseAround(text, at(text, '9,400'))
    expect(text.slice(clause.start, clause.end)).toBe(' runs 9,400 kilometres of mains')
  })
})

describe('ownYear', () => {
  for (const [text, figure, year, said] of [
    ['Ostra will install 600 chargers by the end of 2025.', '600', 2025, 'by the end of 2025'],
    ['In 2023, the port handled 14.2 million TEU.', '14.2 million', 2023, 'in 2023'],
    [
      'BlueLine & Co, the operator that runs 12 vessels, was founded in 2022.',
      '12',
      2022,
      undefined,
    ],
    ['It shipped 86,000 chargers in 2023, and now employs 1,450 people.', '1,450', 2023, undefined],
  ] as const)
    it(`gives ${figure} in "${text}" ${said ?? 'no year'}`, () =>
      expect(ownYear(text, at(text, figure), year)).toBe(said))
})

describe('moodOf', () => {
  for (const [text, mood] of [
    ['Velora will double its fleet to 3,000 bicycles', 'planned'],
    ['the group wants to reach 1,300', 'planned'],
    ['it expects ridership to reach 3 million', 'expected'],
    ['On the evening of May 18, the station hosted 4 hours', 'stated'],
    ['Riders took 2.1 million trips', 'stated'],
  ] as const)
    it(`reads "${text}" as ${mood}`, () => expect(moodOf(text, moods)).toBe(mood))
})

describe('hasSubject', () => {
  for (const [sentence, expected] of [
    ['Was launched in 2017.', false],
    ['Up from 31,000 in 2020.', false],
    ['Plans to convert Saltmarsh by 2026.', false],
    ['When the record was 426m per minute.', false],
    ['The scheme was launched in 2017.', true],
    ['By the end of 2014, 500+ cities had announced plans.', true],
    ['Nearly a third of the network was laid before 1950.', true],
    ['Walter Fang spoke at CommunicAsia 2017.', true],
  ] as const)
    it(`says ${JSON.stringify(sentence)} ${expected ? 'has' : 'lacks'} a subject`, () =>
      expect(hasSubject(sentence)).toBe(expected))
})

describe('asSentence and be', () => {
  it('drops a leading connective and closes the sentence', () => {
    expect(asSentence('however, the port handled 5 ships')).toBe('The port handled 5 ships.')
    expect(asSentence(' and it plans to invest EUR 900 million')).toBe(
      'It plans to invest EUR 900 million.',
    )
  })

  for (const [thing, tense, verb] of [
    ['the number of cities', 'past', 'was'],
    ['the people', 'past', 'were'],
    ['the virtual ward beds at Riverside', 'past', 'were'],
    ['three districts hit hardest by curtailment', 'present', 'are'],
    ['the urban population', 'present', 'is'],
  ] as const)
    it(`agrees "${thing}" with ${verb}`, () => expect(be(thing, tense)).toBe(verb))
})
