/** Names found in the text are people when a title, a role, a speech verb, a known given name or a later he/she says so. */
import { describe, expect, it } from 'vitest'
import { findNames } from '../../../src/core/facts/names'
import { type CueContext, personNames } from '../../../src/core/facts/rules/person-cues'
import { namePatterns } from '../../../src/core/nlu/lexicon'
import { knowledgeOf, realLanguage } from '../helpers'

const language = realLanguage()
const patterns = namePatterns(language.lexicon)
const cx = (withThe: string[] = []): CueContext => ({
  patterns,
  titles: new Set([...language.honorifics, 'Mr', 'Ms']),
  givenNames: new Set(['Rina', 'Tomas']),
  withThe: new Set(withThe),
})

function persons(text: string, withThe: string[] = []): string[] {
  const sentences = text.split(/(?<=\.)\s+/)
  const read = sentences.map((t, i) => ({ text: t, names: findNames(t), next: sentences[i + 1] }))
  return [...personNames(read, cx(withThe))].sort()
}

describe('personNames', () => {
  const people: [string, string][] = [
    ['The report quotes analyst Alun Prys on the deal.', 'Alun Prys'],
    ['Former Tory leader Alun Prys earned up to £820,000.', 'Alun Prys'],
    ['Its chief executive, Alun Prys, left.', 'Alun Prys'],
    ['The fee went to Mr Prys last year.', 'Mr Prys'],
    ['Alun Prys said sales would rise.', 'Alun Prys'],
    ['"Sales will rise," said Alun Prys.', 'Alun Prys'],
    ['Rina Oduya joined the board in 2019.', 'Rina Oduya'],
    ['The award went to Alun Prys. He earned $2m.', 'Alun Prys'],
  ]
  for (const [text, name] of people)
    it(`reads "${name}" in "${text}" as a person`, () => {
      expect(persons(text)).toContain(name)
    })

  it('reads the person inside a titled name too', () => {
    expect(persons('Foreign Secretary Alun Prys was paid £45,001.')).toEqual([
      'Alun Prys',
      'Foreign Secretary Alun Prys',
    ])
  })

  const notPeople: [string, string[]?][] = [
    ['Brellco Holdings said profits would rise.'],
    ['Valmora City Council said the road would close.'],
    ['The fund manager said the Corvane Fund would grow.'],
    ['Investment bank Merrow Lynd said sales would slow.'],
    ['General Brellco makes trucks. It sold 300 of them.'],
    ['Tomas Quay said the ferry would run.', ['Tomas Quay']],
    ['Fees at the Dovren Trust rose. She said nothing.', ['Dovren Trust']],
  ]
  for (const [text, withThe] of notPeople)
    it(`reads no person in "${text}"`, () => {
      expect(persons(text, withThe)).toEqual([])
    })
})

describe('extractFacts: a person found by a cue is a person entity', () => {
  const typeOf = (text: string, name: string) =>
    knowledgeOf([{ docId: 'd', title: 'Pay', text }]).entities.find((e) => e.name === name)?.type
  it('types a quoted analyst as a person and a company as an organisation', () => {
    const text =
      'Brellco Holdings earned $4m in 2024, analyst Alun Prys said. Alun Prys earned $2m in 2024.'
    expect(typeOf(text, 'Alun Prys')).toBe('person')
    expect(typeOf(text, 'Brellco Holdings')).toBe('org')
  })
  it('lets a he after the name own the figure', () => {
    const text =
      'Former party leader Alun Prys spoke at Valmora. He earned up to £820,000 last year.'
    const k = knowledgeOf([{ docId: 'd', title: 'Pay', text }])
    const fee = k.facts.find((f) => f.kind === 'quantity' && f.quantity.display === '£820,000')
    expect(fee?.owner).toBe('Alun Prys')
    expect(k.entities.find((e) => e.name === 'Alun Prys')?.type).toBe('person')
  })
})
