/** readQuantities: figures with the thing they count, their owner and year; before/after pairs. */
import { describe, expect, it } from 'vitest'
import { findNames } from '../../../src/core/facts/names'
import {
  type RawChange,
  type RawQuantity,
  readQuantities,
} from '../../../src/core/facts/quantities'
import type { Span } from '../../../src/core/types'

function read(text: string) {
  return readQuantities(text, findNames(text))
}
const words = (text: string, span: Span | undefined) => span && text.slice(span.start, span.end)
const quantities = (text: string) =>
  read(text).filter((r): r is RawQuantity => r.kind === 'quantity' && r.quantity.unit !== 'year')
const changes = (text: string) => read(text).filter((r): r is RawChange => r.kind === 'change')

describe('readQuantities: "N things of Owner" lines', () => {
  it('reads the figure, the thing counted and the owner after "of"', () => {
    const text = '412 charging hubs of Ostravia Transit Agency'
    const [q] = quantities(text)
    expect(q?.quantity).toMatchObject({ value: 412, unit: 'count' })
    expect(q?.thing.text).toBe('charging hubs')
    expect(q?.owner?.text).toBe('Ostravia Transit Agency')
    expect(words(text, q?.at)).toBe('412')
    expect(words(text, q?.thing)).toBe('charging hubs')
    expect(words(text, q?.owner)).toBe('Ostravia Transit Agency')
  })

  it('reads a ministry with "of" in its name as the whole owner', () => {
    const text = '75 tram depots of Ministry of Urban Mobility'
    expect(quantities(text)[0]?.owner?.text).toBe('Ministry of Urban Mobility')
  })

  it('gives nothing for a line without a figure', () => {
    expect(read('Charging hubs of Ostravia Transit Agency')).toEqual([])
  })
})

describe('readQuantities: subjects, years and qualifiers', () => {
  it('takes the name before the verb as the owner and the year in the sentence as the figure’s year', () => {
    const text = 'The Valmora Transit Agency ran 240 electric buses in 2023.'
    const [q] = quantities(text)
    expect(q?.quantity).toMatchObject({ value: 240, year: 2023 })
    expect(words(text, q?.thing)).toBe('electric buses')
    expect(words(text, q?.owner)).toBe('Valmora Transit Agency')
  })

  it('keeps the qualifier and the year of "by the end of"', () => {
    const [q] = quantities('By the end of 2021, over 300 towns had joined the scheme.')
    expect(q?.quantity).toMatchObject({ value: 300, qualifier: 'over', year: 2021 })
    expect(q?.thing.text).toBe('towns')
  })

  it('reads a measure’s unit as its thing, and money with its rate and the pronoun subject', () => {
    const port = 'Ostravia Port handled 3.1 million TEU in 2022.'
    const [teu] = quantities(port)
    expect(teu?.quantity).toMatchObject({ value: 3_100_000, unit: 'measure', measure: 'TEU' })
    expect(words(port, teu?.owner)).toBe('Ostravia Port')
    const [money] = quantities('The agency invests EUR 40 million per year in new depots.')
    expect(money?.quantity).toMatchObject({ value: 40_000_000, unit: 'money', currency: 'EUR' })
    expect(money?.rate).toBe('per year')
    expect(money?.pronoun).toBe('the agency')
  })

  it('does not take a place after "in" as the owner', () => {
    const [q] = quantities('The guide lists 40 museums in Valmora Region.')
    expect(q?.quantity.value).toBe(40)
    expect(q?.thing.text).toBe('museums')
    expect(q?.owner).toBeUndefined()
  })
})

describe('readQuantities: shares', () => {
  it('reads "A made up N% of generation and B M%" as two shares of the same thing', () => {
    const text = 'Hydropower made up 27% of generation and gas 15%.'
    const [first, second] = quantities(text)
    expect(first?.quantity).toMatchObject({ value: 27, unit: 'percent' })
    expect(words(text, first?.thing)).toBe('generation')
    expect(words(text, first?.owner)).toBe('Hydropower')
    expect(second?.quantity).toMatchObject({ value: 15, unit: 'percent' })
    expect(second?.thing.text).toBe('generation')
    expect(words(text, second?.subjectNoun)).toBe('gas')
    expect(words(text, second?.at)).toBe('15%')
  })

  it('carries a share’s thing over from the sentence before when the sentence names none', () => {
    const [q] = readQuantities('Solar supplied 12% as well.', [], {
      unit: 'percent',
      thing: { text: 'generation', start: 0, end: 10 },
    }) as RawQuantity[]
    expect(q?.thing.text).toBe('generation')
    expect(q?.subjectNoun?.text).toBe('Solar')
  })

  it('carries nothing over to a figure of another kind', () => {
    const read = readQuantities('Solar supplied 12% as well.', [], {
      unit: 'count',
      thing: { text: 'farms', start: 0, end: 5 },
    })
    expect(read).toEqual([])
  })
})

describe('readQuantities: before/after pairs', () => {
  it('reads "From Y1 to Y2, the number of X increased from A to B" with both years', () => {
    const text = 'From 2010 to 2020, the number of libraries increased from 48 to 112.'
    const [change] = changes(text)
    expect(change?.from).toMatchObject({ value: 48, year: 2010 })
    expect(change?.to).toMatchObject({ value: 112, year: 2020 })
    expect(words(text, change?.thing)).toBe('libraries')
    expect(words(text, change?.at)).toBe('48 to 112')
  })

  it('reads "X handled N in Y, up from M in Y0" with the newer figure as the "to"', () => {
    const text = 'Ostravia Rail handled 9,400 freight trains in 2022, up from 6,100 in 2018.'
    const [change] = changes(text)
    expect(change?.from).toMatchObject({ value: 6100, year: 2018 })
    expect(change?.to).toMatchObject({ value: 9400, year: 2022 })
    expect(words(text, change?.thing)).toBe('freight trains')
    expect(words(text, change?.owner)).toBe('Ostravia Rail')
  })

  it('does not cut the clause of a year inside a figure’s thousands separator', () => {
    const text = 'Ostravia Rail handled 9,400 freight trains in 2022, up from 6,100 in 2018.'
    const event = read(text).find((r) => r.kind === 'quantity' && r.quantity.value === 2022)
    expect(event?.thing.text).toBe('Ostravia Rail handled 9,400 freight trains')
  })

  it('does not read a day range "from 11 to 13 June" as a change', () => {
    expect(changes('The festival runs from 11 to 13 June in Valmora.')).toEqual([])
  })

  it('does not read two unrelated figures as a change', () => {
    expect(changes('The fleet has 12 ferries and 40 buses.')).toEqual([])
  })
})
