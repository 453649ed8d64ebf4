/** The relation a figure's verb states and how it is said, read with the table in intents/ (`factRelations`). */
import { describe, expect, it } from 'vitest'
import { findNames } from '../../../src/core/facts/names'
import { type RawQuantity, readQuantities } from '../../../src/core/facts/quantities'
import {
  qualifierOf,
  questionRelation,
  relationBefore,
  relationFits,
  relationWords,
} from '../../../src/core/facts/relations'
import { realLanguage } from '../helpers'

const words = relationWords(realLanguage())
const read = (text: string) => readQuantities(text, findNames(text), undefined, words)
const lone = (text: string) =>
  read(text).filter((r): r is RawQuantity => r.kind === 'quantity' && r.quantity.unit !== 'year')
/** the relation of the first figure of a sentence, and the words that state it */
function relationOf(text: string): [string, string] | undefined {
  const at = /\d/.exec(text)!.index
  const found = relationBefore(words, text, at)
  return found && [found.value, text.slice(found.span.start, found.span.end)]
}

describe('relationBefore', () => {
  const reads: [string, string, string][] = [
    ['Korvane Bank shed 120,000 customers in 2024.', 'lost', 'shed'],
    ['The bank has 2.1 million customers.', 'has', 'has'],
    ['Mirelo Foods cut 2,400 jobs.', 'cut', 'cut'],
    ['The trust donated £250,000 to the campaign.', 'gave', 'donated'],
    ['Patients spent an average of 6.2 days on a ward.', 'spent', 'spent'],
    ['The group, which is based in Dovren, runs 14 clinics.', 'has', 'runs'],
    ['Tarsa Rail employs 3,100 people.', 'employs', 'employs'],
    ['Velka Cycles will double its fleet to 3,000 bicycles.', 'rose to', 'double'],
    ['Brenna Kits had shipped 45,000 kits by May.', 'sold', 'shipped'],
  ]
  for (const [text, relation, verb] of reads)
    it(`reads "${verb}" as ${relation}: ${text}`, () => {
      expect(relationOf(text)).toEqual([relation, verb])
    })

  const none = [
    'There are 40 wind farms on the coast.',
    // a noun between the verb and the figure: the figure is not the verb's object
    'The bank lost its licence after 2,000 complaints.',
    // another clause's verb
    'Sales fell, and 300 stores remain open.',
  ]
  for (const text of none)
    it(`reads no relation: ${text}`, () => {
      expect(relationOf(text)).toBeUndefined()
    })
})

describe('qualifierOf', () => {
  const reads: [string, string, string, string][] = [
    ['Velka Cycles will double its fleet to 3,000 bicycles by 2025.', '3,000', 'planned', 'will'],
    ['The council plans to open 12 new depots.', '12', 'planned', 'plans to'],
    ['An estimated 4,000 people attended.', '4,000', 'estimated', 'An estimated'],
    ['Output is expected to reach 9 GW.', '9', 'estimated', 'expected'],
    ['Clinic patients waited 12 days, against 19 at hospitals.', '19', 'compared', 'against'],
    [
      'It spent 6.2 days, compared with 8.9 days for ward patients.',
      '8.9',
      'compared',
      'compared with',
    ],
  ]
  for (const [text, figure, qualifier, cue] of reads)
    it(`reads ${figure} as ${qualifier} by "${cue}": ${text}`, () => {
      const at = text.indexOf(figure)
      const found = qualifierOf(words, text, { start: at, end: at + figure.length })
      expect(found?.value).toBe(qualifier)
      expect(text.slice(found!.span.start, found!.span.end)).toBe(cue)
    })

  const none: [string, string][] = [
    ['Velka Cycles has 3,000 bicycles.', '3,000'],
    // a plan in another clause says nothing of this figure
    ['The firm will expand; it now employs 300 people.', '300'],
  ]
  for (const [text, figure] of none)
    it(`reads no qualifier: ${text}`, () => {
      const at = text.indexOf(figure)
      expect(qualifierOf(words, text, { start: at, end: at + figure.length })).toBeUndefined()
    })
})

describe('readQuantities: two groups compared are not a change over time', () => {
  it('reads "compared with 8.9 days for similar patients" as another group\'s figure', () => {
    const text =
      'Patients spent an average of 6.2 days on a virtual ward, compared with 8.9 days for similar patients in a hospital bed.'
    expect(read(text).filter((r) => r.kind === 'change')).toEqual([])
    const [main, other] = lone(text)
    expect(main).toMatchObject({ quantity: { value: 6.2 }, relation: { value: 'spent' } })
    expect(main?.qualifier).toBeUndefined()
    expect(other).toMatchObject({
      quantity: { value: 8.9 },
      relation: { value: 'spent' },
      qualifier: { value: 'compared' },
      group: { text: 'similar patients in a hospital bed' },
    })
    expect(text.slice(other!.group!.start, other!.group!.end)).toBe(
      'similar patients in a hospital bed',
    )
  })

  it('reads "against 8.9 on hospital wards" with no owner taken from "against"', () => {
    const [, other] = lone(
      'Patients on virtual wards spent 6.2 days, against 8.9 on hospital wards.',
    )
    expect(other).toMatchObject({
      qualifier: { value: 'compared' },
      group: { text: 'hospital wards' },
    })
    expect(other?.owner).toBeUndefined()
    expect(other?.subjectNoun).toBeUndefined()
  })

  const changes = [
    'Dorvik Port handled 13.4 million containers, compared with 12.5 million in 2022.',
    'Dorvik Port handled 13.4 million containers, compared with 12.5 million a year earlier.',
    'Dorvik Port handled 13.4 million containers, up from 12.5 million in 2022.',
  ]
  for (const text of changes)
    it(`still reads a change over time: ${text}`, () => {
      const [change] = read(text).filter((r) => r.kind === 'change')
      expect(change).toMatchObject({ from: { value: 12_500_000 }, to: { value: 13_400_000 } })
    })

  it('reads "compared with 22% in 2018" as the same owner\'s earlier figure, not another group\'s', () => {
    const text =
      'Rail carried 31% of the freight leaving the port in 2023, compared with 22% in 2018.'
    const earlier = lone(text).find((q) => q.quantity.value === 22)
    expect(earlier?.qualifier).toBeUndefined()
    expect(earlier?.group).toBeUndefined()
  })

  it('reads no group from a month: "against 92.9% in June"', () => {
    const text = 'Its share was 88.9% in October, against 92.9% in June.'
    expect(lone(text).find((q) => q.quantity.value === 92.9)?.group).toBeUndefined()
  })
})

describe('questionRelation', () => {
  const asks: [string, string | undefined][] = [
    ['How many customers did Korvane Bank lose?', 'lost'],
    ['How many customers does Korvane Bank have?', 'has'],
    ['How many jobs have been cut at Mirelo?', 'cut'],
    ['How many people does Tarsa Rail employ?', 'employs'],
    ['How much did Olma Fund donate?', 'gave'],
    ['How much more does Westrun invest than Ostby plans to?', 'invests'],
    ['How many customers?', undefined],
    ['What is the population of Dovren?', undefined],
  ]
  for (const [question, relation] of asks)
    it(`asks for ${relation ?? 'any relation'}: ${question}`, () => {
      expect(questionRelation(words, question)).toBe(relation)
    })

  it('reads no verb from a thing asked about: "how many orders did it receive?"', () => {
    expect(questionRelation(words, 'How many orders did Brenna receive?', ['order'])).toBe('earned')
  })
})

describe('relationFits', () => {
  const fits: [string | undefined, string | undefined][] = [
    [undefined, 'lost'],
    ['lost', undefined],
    ['lost', 'lost'],
    ['has', 'employs'],
    ['invests', 'spent'],
    ['has', 'rose to'],
    ['sold', 'fell to'],
  ]
  for (const [asked, stated] of fits)
    it(`a figure that ${stated ?? 'states no verb'} answers a question asking ${asked ?? 'no verb'}`, () => {
      expect(relationFits(words, asked, stated)).toBe(true)
    })

  const misfits: [string, string][] = [
    ['lost', 'has'],
    ['has', 'lost'],
    ['cut', 'employs'],
    ['lost', 'fell to'],
    ['added', 'rose to'],
    ['earned', 'spent'],
  ]
  for (const [asked, stated] of misfits)
    it(`a figure that ${stated} does not answer a question asking ${asked}`, () => {
      expect(relationFits(words, asked, stated)).toBe(false)
    })

  it('lets a level answer a computed question about what was added: its difference does', () => {
    expect(relationFits(words, 'added', 'rose to', true)).toBe(true)
  })
})

describe('readQuantities: a level a verb carries ("rose 20% to £4.6bn")', () => {
  const reads: [string, string, string][] = [
    ['Profits for the year rose 20% to £4.6bn.', '£4.6bn', 'Profits'],
    ['Earnings at the card arm rose by 25% to £1.04bn.', '£1.04bn', 'Earnings'],
    ['Its revenue fell to EUR 61.2 million.', 'EUR 61.2 million', 'revenue'],
  ]
  for (const [text, figure, thing] of reads)
    it(`reads ${figure} as the level of ${thing}: ${text}`, () => {
      const q = lone(text).find((r) => r.quantity.display === figure)
      expect(q?.thing.text).toBe(thing)
      expect(q?.relation?.value).toBe(text.includes('fell') ? 'fell to' : 'rose to')
    })

  it('reads no level from a figure the verb does not reach: "rose as 300 stores opened"', () => {
    expect(lone('Profits rose as 300 stores opened.')[0]?.thing.text).not.toBe('Profits')
  })
})

describe('readQuantities: money a person makes', () => {
  it('reads "makes up to £560,000 a year" with its verb as the thing and its owner', () => {
    const [q] = lone('Former minister Alun Prys makes up to £560,000 a year.')
    expect(q).toMatchObject({
      thing: { text: 'makes' },
      owner: { text: 'Alun Prys' },
      rate: 'a year',
    })
  })

  it('reads "Alun Prys earning up to £820,000" as his', () => {
    const [q] = lone('The register shows Alun Prys earning up to £820,000 on top of his salary.')
    expect(q?.owner?.text).toBe('Alun Prys')
    expect(q?.relation?.value).toBe('earned')
  })

  it('reads no owner from a name in a phrase before the verb: "the fees of Alun Prys rose"', () => {
    expect(lone('Talks with Alun Prys earned the firm £2m.')[0]?.owner).toBeUndefined()
  })
})

describe('readQuantities: a change owned by the name that closes its thing', () => {
  it('reads "the number of beds at Dovren Health rose from 120 to 640" as Dovren Health\'s beds', () => {
    const text = 'From 2021 to 2023, the number of beds at Dovren Health rose from 120 to 640.'
    const [change] = read(text).filter((r) => r.kind === 'change')
    expect(change?.owner?.text).toBe('Dovren Health')
    expect(change?.thing.text).toBe('beds')
  })

  it('keeps the subject before the thing as the owner: "Dovren Health\'s beds in Ashby rose"', () => {
    const text = 'Dovren Health said beds in Ashby rose from 120 to 640.'
    const [change] = read(text).filter((r) => r.kind === 'change')
    expect(change?.owner?.text).not.toBe('Ashby')
  })
})
