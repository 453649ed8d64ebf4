/** He and she resolve to the nearest person they fit: a title, a given name or an earlier pronoun says who fits. */
import { describe, expect, it } from 'vitest'
import {
  genderWords,
  nameGender,
  noPeople,
  notePerson,
  personFor,
} from '../../../src/core/facts/genders'
import type { QuantityFact } from '../../../src/core/types'
import { knowledgeOf, realLanguage } from '../helpers'

const words = genderWords(realLanguage())

describe('nameGender', () => {
  const says: [string, string, string | undefined][] = [
    ['Rina Oduya', '', 'female'],
    ['Tomas Berg', '', 'male'],
    ['Oduya', 'said Ms ', 'female'],
    ['Ms Oduya', '', 'female'],
    ['Sir Alun Prys', '', 'male'],
    ['Dame Alun Prys', '', 'female'],
    ['Alun Prys', '', undefined],
    ['Dr Alun Prys', '', undefined],
  ]
  for (const [name, before, gender] of says)
    it(`reads "${before}${name}" as ${gender ?? 'unknown'}`, () => {
      expect(nameGender(words, name, before)).toBe(gender)
    })
})

describe('personFor', () => {
  const people = () => {
    const p = noPeople()
    notePerson(p, 'rina', 'female')
    notePerson(p, 'tomas', 'male')
    notePerson(p, 'alun')
    return p
  }

  it('takes the nearest person the pronoun fits, before one nothing is known of', () => {
    expect(personFor(people(), 'she', [])).toBe('rina')
    expect(personFor(people(), 'he', [])).toBe('tomas')
  })

  it('takes a person nothing is known of when no one fits', () => {
    const p = noPeople()
    notePerson(p, 'tomas', 'male')
    notePerson(p, 'alun')
    expect(personFor(p, 'she', [])).toBe('alun')
  })

  it('takes a person named in the sentence before one named earlier', () => {
    expect(personFor(people(), 'he', ['tomas'])).toBe('tomas')
  })

  it('never takes a person of the other gender', () => {
    const p = noPeople()
    notePerson(p, 'tomas', 'male')
    expect(personFor(p, 'she', ['tomas'])).toBeUndefined()
  })

  it('keeps the nearest-person rule when nothing says a gender', () => {
    const p = noPeople()
    notePerson(p, 'alun')
    notePerson(p, 'kem')
    expect(personFor(p, 'she', [], 'alun')).toBe('alun')
  })

  it('takes a person named in a later sentence, nothing known of, before one a pronoun said fits', () => {
    const p = noPeople()
    notePerson(p, 'tomas', 'male')
    p.now = 1
    notePerson(p, 'alun')
    expect(personFor(p, 'he', [], 'alun')).toBe('alun')
    // named in the same sentence, the one whose gender fits still comes first
    const q = noPeople()
    notePerson(q, 'tomas', 'male')
    notePerson(q, 'alun')
    expect(personFor(q, 'he', [], 'alun')).toBe('tomas')
  })

  it('learns a gender from the pronoun that picked a person', () => {
    const p = noPeople()
    notePerson(p, 'alun')
    expect(personFor(p, 'she', [])).toBe('alun')
    notePerson(p, 'kem')
    expect(personFor(p, 'he', [], 'alun')).toBe('kem')
  })
})

/** the owner of the figure `display` in a one-article corpus */
function ownerOf(text: string, display: string): string | undefined {
  const k = knowledgeOf([{ docId: 'd', title: 'Pay at Dunmore Bank', text }])
  const fact = k.facts.find(
    (f): f is QuantityFact => f.kind === 'quantity' && f.quantity.display === display,
  )
  return fact?.owner
}

describe('extractFacts: he and she in the figures', () => {
  const reads: [string, string, string][] = [
    [
      'Tomas Berg came second behind Rina Oduya, as she earned $12.5m last year.',
      '$12.5m',
      'Rina Oduya',
    ],
    [
      'Rina Oduya came second behind Tomas Berg, as he earned $8.2m last year.',
      '$8.2m',
      'Tomas Berg',
    ],
    ['Rina Oduya finished ahead of Tomas Berg. He earned $9.1m last year.', '$9.1m', 'Tomas Berg'],
    ['Tomas Berg finished behind Rina Oduya. She earned $9.4m last year.', '$9.4m', 'Rina Oduya'],
  ]
  for (const [text, figure, owner] of reads)
    it(`gives ${figure} to ${owner}: ${text}`, () => {
      expect(ownerOf(text, figure)).toBe(owner)
    })

  it('gives the figure to the person a title says the pronoun fits', () => {
    const text =
      'Alun Prys, chief executive of Dunmore Bank, thanked Ms Oduya. She earned $3.3m last year.'
    expect(ownerOf(text, '$3.3m')).toMatch(/Oduya$/)
  })

  it('gives the figure to the person an earlier pronoun said is a man', () => {
    const text =
      'Alun Prys is chief executive of Dunmore Bank. He said pay was fair. Kem Ablo, head of risk at Dunmore Bank, met Alun Prys. She earned $2.2m last year.'
    expect(ownerOf(text, '$2.2m')).toBe('Kem Ablo')
  })

  it('takes a person named with a title and a possessive as the nearest: "Mr Prys\'s work ... He"', () => {
    const text =
      "Ms Ablo earned up to £90,000 from speeches. Mr Prys's two shows netted him up to £480,000. He also earned up to £195,000 for a column."
    expect(ownerOf(text, '£195,000')).toMatch(/Prys$/)
  })

  it('gives "his" figure to the person the sentence before names, not a man named earlier', () => {
    const text =
      'Tomas Berg earned up to £90,000. He said pay was fair. Former minister Alun Prys was paid £45,001 for a book. His declared income of up to £205,000 includes fees.'
    expect(ownerOf(text, '£205,000')).toBe('Alun Prys')
  })

  it('keeps the nearest-person rule when nothing says a gender', () => {
    const text =
      'Alun Prys, chief executive of Dunmore Bank, met Kem Ablo, head of risk at Dunmore Bank. She earned $2.4m last year.'
    expect(ownerOf(text, '$2.4m')).toBe('Alun Prys')
  })

  it('does not give a woman\'s figure to a man named nearer: "ahead of Tomas Berg, as she earned"', () => {
    const text = 'Rina Oduya topped the list, ahead of Tomas Berg, as she earned $12.5m.'
    expect(ownerOf(text, '$12.5m')).not.toBe('Tomas Berg')
  })
})

describe('extractFacts: he and she in "speaking at"', () => {
  it('gives the talk to the person the pronoun fits, not the one named last', () => {
    const text =
      'Rina Oduya met Tomas Berg at the fair, and she was speaking at the Dunmore Finance Forum.'
    const k = knowledgeOf([{ docId: 'd', title: 'Forum', text }])
    const spoke = k.facts.find((f) => f.kind === 'attribute' && f.relation === 'spoke_at')
    expect(spoke?.kind === 'attribute' && spoke.subject).toBe('Rina Oduya')
  })
})
