/** findFigures and formatValue: counts, money, shares, measures, years and qualifiers, with exact offsets. */
import { describe, expect, it } from 'vitest'
import { type Figure, findFigures, formatValue } from '../../../src/core/facts/numbers'

/** the one figure found in `text`, checked to slice back to its display */
function only(text: string): Figure {
  const figures = findFigures(text)
  expect(figures).toHaveLength(1)
  const figure = figures[0]!
  expect(text.slice(figure.start, figure.end)).toBe(figure.display)
  return figure
}

describe('findFigures: counts', () => {
  it('reads a plain count, a count with thousands separators and a decimal with a scale word', () => {
    const text = 'Valmora has 48 libraries, 1,250 buses and 3.5 million residents.'
    const figures = findFigures(text)
    expect(figures.map((f) => [f.value, f.unit, text.slice(f.start, f.end)])).toEqual([
      [48, 'count', '48'],
      [1250, 'count', '1,250'],
      [3_500_000, 'count', '3.5 million'],
    ])
  })

  it('reads billion, and "m" and "k" as scales', () => {
    expect(only('a fund of 2.5 billion').value).toBe(2_500_000_000)
    expect(only('some 40k visitors').value).toBe(40_000)
  })

  it('finds nothing in a sentence without figures', () => {
    expect(findFigures('The tram line opened on a sunny Monday.')).toEqual([])
  })

  it('does not read ordinals and model names as figures', () => {
    expect(findFigures('In the 21st century, the 3rd plan brought 5G networks.')).toEqual([])
  })
})

describe('findFigures: money', () => {
  it('reads currency prefixes: RMB, USD, EUR, $ and €', () => {
    const text = 'It spent RMB 100 million, USD 2.5 billion, $40 million, €12m and EUR 7 million.'
    expect(findFigures(text).map((f) => [f.value, f.unit, f.currency, f.display])).toEqual([
      [100_000_000, 'money', 'RMB', 'RMB 100 million'],
      [2_500_000_000, 'money', 'USD', 'USD 2.5 billion'],
      [40_000_000, 'money', 'USD', '$40 million'],
      [12_000_000, 'money', 'EUR', '€12m'],
      [7_000_000, 'money', 'EUR', 'EUR 7 million'],
    ])
  })

  it('reads currency words after the figure', () => {
    expect(only('tickets at 300 euros each')).toMatchObject({ unit: 'money', currency: 'EUR' })
    expect(only('a fee of 5 yuan')).toMatchObject({ value: 5, currency: 'RMB' })
    expect(only('costs 3 dollars')).toMatchObject({ value: 3, currency: 'USD' })
  })

  it('reads currency codes after the figure', () => {
    expect(only('It raised 100 million RMB for parks.')).toMatchObject({
      value: 100_000_000,
      unit: 'money',
      currency: 'RMB',
    })
    expect(only('Tickets cost 50 USD each.')).toMatchObject({ unit: 'money', currency: 'USD' })
    expect(only('a budget of 20 million EUR in total')).toMatchObject({ currency: 'EUR' })
  })

  it('gives a figure without a currency no currency', () => {
    const figure = only('It runs 300 buses.')
    expect(figure.unit).toBe('count')
    expect(figure.currency).toBeUndefined()
  })
})

describe('findFigures: percentages', () => {
  it('reads %, "per cent" and "percent"', () => {
    const text = 'Wind made up 34% of supply, solar 12 per cent and hydro 8 percent.'
    expect(findFigures(text).map((f) => [f.value, f.unit, f.display])).toEqual([
      [34, 'percent', '34%'],
      [12, 'percent', '12 per cent'],
      [8, 'percent', '8 percent'],
    ])
  })

  it('does not read "per" alone as a percentage', () => {
    expect(only('12 trains per hour').unit).toBe('count')
  })
})

describe('findFigures: qualifiers', () => {
  it('reads "over", "more than", "nearly", "at least" and "500+", leaving the qualifier out of the span', () => {
    const text =
      'over 500 firms, 500+ stalls, more than 1,900 ships, nearly 20 cranes, at least 3 piers'
    expect(findFigures(text).map((f) => [f.value, f.qualifier, f.display])).toEqual([
      [500, 'over', '500'],
      [500, 'at least', '500+'],
      [1900, 'over', '1,900'],
      [20, 'nearly', '20'],
      [3, 'at least', '3'],
    ])
  })

  it('gives a bare figure no qualifier', () => {
    expect(only('It runs 300 buses.').qualifier).toBeUndefined()
  })
})

describe('findFigures: measures', () => {
  it('reads units of measure: GW, TEU, km', () => {
    const text = 'It added 4.2 GW of capacity, handled 13.4 million TEU and laid 120 km of track.'
    expect(findFigures(text).map((f) => [f.value, f.unit, f.measure, f.display])).toEqual([
      [4.2, 'measure', 'GW', '4.2 GW'],
      [13_400_000, 'measure', 'TEU', '13.4 million TEU'],
      [120, 'measure', 'km', '120 km'],
    ])
  })

  it('does not read the first letters of a word as a unit', () => {
    expect(only('It has 40 kilns.')).toMatchObject({ unit: 'count', measure: undefined })
  })
})

describe('findFigures: years and durations', () => {
  for (const [text, year] of [
    ['the company said 2004 net income was affected', 2004],
    ['the first bank to report 2004 results', 2004],
    ['an 82% jump on 2003 figures', 2003],
    ["down 26.5% on 2003's figures", 2003],
    ['spoofed in the 1980 comedy Airplane!', 1980],
    ["Calderwick Water's 2024 programme:", 2024],
  ] as const)
    it(`reads the year that names a period, not a count, in "${text}"`, () => {
      const years = findFigures(text).filter((f) => f.value === year)
      expect(years.map((f) => f.unit)).toEqual(['year'])
    })

  it('still counts a four-digit number of things', () => {
    expect(findFigures('the utility employs 1450 people').map((f) => f.unit)).toEqual(['count'])
  })

  it('reads a four-digit number as a year by its context', () => {
    const text =
      'In 2015 it had 20 parks. From 1978 to 2015, the number rose. CommunicAsia 2017 was big.'
    expect(findFigures(text).map((f) => [f.value, f.unit])).toEqual([
      [2015, 'year'],
      [20, 'count'],
      [1978, 'year'],
      [2015, 'year'],
      [2017, 'year'],
    ])
  })

  it('reads a four-digit number that counts something as a count, not a year', () => {
    expect(only('There were 2015 visitors at the fair.')).toMatchObject({
      value: 2015,
      unit: 'count',
    })
    expect(only('In all, 2,015 people came.')).toMatchObject({ value: 2015, unit: 'count' })
  })

  it('reads "30-year" and "10 years long" as durations', () => {
    const text = 'a 30-year history and a plan 10 years long'
    expect(findFigures(text).map((f) => [f.value, f.unit, f.display])).toEqual([
      [30, 'duration', '30-year'],
      [10, 'duration', '10 years'],
    ])
  })
})

describe('formatValue', () => {
  it('says a figure back the way it reads', () => {
    expect(formatValue(100_000_000, 'money', 'RMB')).toBe('RMB 100 million')
    expect(formatValue(2_500_000_000, 'money', 'USD')).toBe('USD 2.5 billion')
    expect(formatValue(2.8, 'percent')).toBe('2.8%')
    expect(formatValue(1900, 'count')).toBe('1,900')
    expect(formatValue(1_234_567, 'count')).toBe('1,234,567')
    expect(formatValue(4.2, 'measure', undefined, 'GW')).toBe('4.2 GW')
    expect(formatValue(1 / 3, 'count')).toBe('0.33')
  })

  it('never puts a separator in a year, nor a currency on a figure that has none', () => {
    expect(formatValue(2015, 'year')).toBe('2015')
    expect(formatValue(5000, 'money')).toBe('5,000')
    expect(formatValue(12, 'measure')).toBe('12')
  })
})
