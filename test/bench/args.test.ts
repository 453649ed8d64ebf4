import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../scripts/bench/args'
import { parts } from '../../scripts/bench/results'

describe('parseArgs', () => {
  it('runs every part, in full, by default', () => {
    expect(parseArgs([])).toEqual({ quick: false, parts: [...parts], help: false })
  })

  it('reads --quick and --only, in the order of the parts', () => {
    expect(parseArgs(['--quick', '--only', 'http,scale'])).toEqual({
      quick: true,
      parts: ['scale', 'http'],
      help: false,
    })
    expect(parseArgs(['--only=load']).parts).toEqual(['load'])
  })

  it('names an unknown part or option', () => {
    expect(() => parseArgs(['--only', 'scale,speed'])).toThrow(
      `unknown part "speed"; the parts are ${parts.join(', ')}`,
    )
    expect(() => parseArgs(['--fast'])).toThrow('unknown option "--fast"')
    expect(() => parseArgs(['--only'])).toThrow('--only needs a list of parts')
  })
})
