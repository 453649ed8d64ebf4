/** repairWord: small typos repaired towards known words, and only when one candidate is clearly meant. */
import { describe, expect, it } from 'vitest'
import { buildLexicon, repairWord } from '../../../src/core/nlu/typos'

const lexicon = buildLexicon(
  [
    'ministry',
    'pilots',
    'cities',
    'city',
    'harbour',
    'ferries',
    'container',
    'run',
    'boot',
    'boat',
    'passengers',
  ],
  ['how', 'many', 'ministry', 'pilots', 'run', 'city', 'cities'],
)

describe('repairWord', () => {
  it('repairs one wrong, missing or extra letter towards a known word', () => {
    expect(repairWord(lexicon, 'ministy')).toBe('ministry')
    expect(repairWord(lexicon, 'pilts')).toBe('pilots')
    expect(repairWord(lexicon, 'harbor')).toBe('harbour')
    expect(repairWord(lexicon, 'citys')).toBe('city')
  })

  it('repairs a short word only towards a question word: "rn" -> "run"', () => {
    expect(repairWord(lexicon, 'rn')).toBe('run')
    expect(repairWord(lexicon, 'cty')).toBe('city')
  })

  it('allows two edits in a word of eight letters or more, one in a shorter word', () => {
    expect(repairWord(lexicon, 'pasengrs')).toBe('passengers')
    expect(repairWord(lexicon, 'contaner')).toBe('container')
    expect(repairWord(lexicon, 'cntaner')).toBeUndefined()
  })

  it('leaves a known word, an unknown short word and a far-off word alone', () => {
    expect(repairWord(lexicon, 'ministry')).toBeUndefined()
    // "boom" is one letter from "boot" and "boat", but a short word is repaired only to question words
    expect(repairWord(lexicon, 'boom')).toBeUndefined()
    expect(repairWord(lexicon, 'xylophone')).toBeUndefined()
  })

  it('leaves a word alone when two known words are equally near', () => {
    const tie = buildLexicon(['boats', 'boots'], ['boats', 'boots'])
    expect(repairWord(tie, 'boxts')).toBeUndefined()
  })

  it('repairs only lower-case letters, never one letter, digits or capitals', () => {
    expect(repairWord(lexicon, 'a')).toBeUndefined()
    expect(repairWord(lexicon, '2o23')).toBeUndefined()
    expect(repairWord(lexicon, 'Ministy')).toBeUndefined()
  })
})

describe('buildLexicon', () => {
  it('buckets words by first letter and keeps the core words among the words', () => {
    const built = buildLexicon(['ferry', 'fare'], ['how'])
    expect(built.words.has('how')).toBe(true)
    expect(built.byInitial.get('f')?.sort()).toEqual(['fare', 'ferry'])
  })

  it('leaves words with digits or one letter out of the buckets', () => {
    const built = buildLexicon(['a', 'g20', 'go'])
    expect([...built.byInitial.values()].flat()).toEqual(['go'])
  })
})
