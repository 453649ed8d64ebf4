import { describe, expect, it } from 'vitest'
import { bytes, ms, percent, points, table } from '../../scripts/bench/format'

describe('formats', () => {
  it('writes milliseconds with sensible precision', () => {
    expect(ms(0.0423)).toBe('0.042')
    expect(ms(1.266)).toBe('1.27')
    expect(ms(12.34)).toBe('12.3')
    expect(ms(1234.4)).toBe('1,234')
    expect(ms(0)).toBe('<1')
    expect(ms(Number.NaN)).toBe('n/a')
  })

  it('writes bytes as kB and MB', () => {
    expect(bytes(35_600)).toBe('35.6 kB')
    expect(bytes(3_830_000)).toBe('3.83 MB')
    expect(bytes(112_400_000)).toBe('112.4 MB')
  })

  it('writes shares and leads', () => {
    expect(percent(0.5)).toBe('50%')
    expect(percent(0.0512, 1)).toBe('5.1%')
    expect(points(0.17)).toBe('+17 pts')
    expect(points(-0.05)).toBe('-5 pts')
  })
})

describe('table', () => {
  it('aligns columns of figures right and text left, and escapes pipes', () => {
    expect(
      table(
        ['kind', 'p99 ms'],
        [
          ['a|b', '1.20'],
          ['c', 'n/a'],
        ],
      ),
    ).toBe(['| kind | p99 ms |', '| --- | ---: |', '| a\\|b | 1.20 |', '| c | n/a |'].join('\n'))
  })
})
