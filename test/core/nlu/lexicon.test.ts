/** The lexicon of name words: validated and merged from intents/ files, compiled into the patterns names are tested with. */
import { describe, expect, it } from 'vitest'
import { type LanguageFile, loadLanguage } from '../../../src/core/nlu/language'
import { alternation, namePatterns } from '../../../src/core/nlu/lexicon'
import { thrown } from '../helpers'

const file = (name: string, content: unknown): LanguageFile => ({
  name,
  content: JSON.stringify(content),
})

describe('lexicon', () => {
  it('merges the lists of several files, word by word', () => {
    const language = loadLanguage([
      file('a.json', { lexicon: { companySuffixes: ['Ltd'] } }),
      file('b.json', { lexicon: { companySuffixes: ['GmbH'], placeHeads: ['Delta'] } }),
    ])
    expect(language.lexicon.companySuffixes).toEqual(['Ltd', 'GmbH'])
    expect(language.lexicon.placeHeads).toEqual(['Delta'])
    expect(language.lexicon.eventWords).toEqual([])
  })

  it('names the file and the path of a bad list, and of an unknown one', () => {
    expect(
      thrown(() => loadLanguage([file('l.json', { lexicon: { placeHeads: [''] } })])).message,
    ).toBe(
      'intents/l.json: lexicon.placeHeads[0]: Too small: expected string to have >=1 characters',
    )
    expect(
      thrown(() => loadLanguage([file('l.json', { lexicon: { suffixes: [] } })])).message,
    ).toBe('intents/l.json: lexicon: Unrecognized key: "suffixes"')
  })

  it('compiles the words into patterns, and an empty list into one that matches nothing', () => {
    const language = loadLanguage([
      file('l.json', {
        lexicon: {
          companySuffixes: ['Co', 'Ltd'],
          groupSuffixes: ['Group'],
          placeHeads: ['Delta'],
        },
      }),
    ])
    const patterns = namePatterns(language.lexicon)
    expect(patterns.companyEnd.test('Acme Co.')).toBe(true)
    expect(patterns.companyEnd.test('Acme Group')).toBe(true)
    expect(patterns.companyEnd.test('Acme Coast')).toBe(false)
    expect(patterns.suffixWithStop.test('Acme Ltd.')).toBe(true)
    expect(patterns.placeEnd.test('Pearl River Delta')).toBe(true)
    expect(patterns.takesThe.test('Pearl River Delta')).toBe(false)
    expect(new RegExp(alternation([])).test('')).toBe(false)
  })
})
