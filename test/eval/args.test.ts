import { describe, expect, it } from 'vitest'
import { defaultArgs, parseArgs } from '../../scripts/eval/args'

describe('parseArgs', () => {
  it('defaults to the project set over the corpus and the fixtures', () => {
    expect(parseArgs([])).toEqual(defaultArgs)
  })

  it('reads the options', () => {
    expect(
      parseArgs(['--json', '--misses-only', '--category', 'count,list', '--category', 'noisy']),
    ).toEqual({
      ...defaultArgs,
      json: true,
      missesOnly: true,
      categories: ['count', 'list', 'noisy'],
    })
  })

  it('points --unseen at the unseen article and its questions', () => {
    expect(parseArgs(['--unseen'])).toMatchObject({
      set: 'test/fixtures/unseen/questions.jsonl',
      corpus: ['corpus', 'test/fixtures/corpus', 'test/fixtures/unseen'],
    })
  })

  it('rejects an unknown category', () => {
    expect(() => parseArgs(['--category', 'weather'])).toThrow(
      /^unknown category "weather"; one of: count, /,
    )
  })

  it('rejects an unknown option and a missing value', () => {
    expect(() => parseArgs(['--verbose'])).toThrow('unknown option "--verbose"')
    expect(() => parseArgs(['--set'])).toThrow('--set needs a value')
  })
})
