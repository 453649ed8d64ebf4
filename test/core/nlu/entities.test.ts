/** Names said with a title stand for one person, under the name the person goes by. */
import { describe, expect, it } from 'vitest'
import { titledForms } from '../../../src/core/nlu/entities'
import { readLanguage } from '../../../src/runtime/node/files'

const { honorifics, orgWords } = readLanguage('intents')
const formsOf = (names: string[]) => Object.fromEntries(titledForms(names, honorifics, orgWords))

describe('titledForms', () => {
  it.each([
    ['a surname after a title', ['Rina Oduya', 'Ms Oduya'], { 'Ms Oduya': 'Rina Oduya' }],
    [
      'a descriptor ending in a title',
      ['Northmark Transport Minister Rina Oduya', 'Ms Oduya'],
      { 'Northmark Transport Minister Rina Oduya': 'Rina Oduya', 'Ms Oduya': 'Rina Oduya' },
    ],
    [
      'a first name after a title the full name was said with',
      ['Sir Tomas Brell', 'Sir Tomas', 'Anna Tomas'],
      { 'Tomas Brell': 'Sir Tomas Brell', 'Sir Tomas': 'Sir Tomas Brell' },
    ],
    [
      'a person the text never names without a title',
      ['Dr Vane Holt', 'Mrs Holt'],
      { 'Vane Holt': 'Dr Vane Holt', 'Mrs Holt': 'Dr Vane Holt' },
    ],
    ['a surname two people share', ['Rina Oduya', 'Kofi Oduya', 'Mr Oduya'], {}],
    ['no full name', ['Dr Vane'], {}],
    ['an organisation, not a person', ['Kestrel Port Authority', 'Mr Authority'], {}],
  ])('maps %s', (_, names, expected) => {
    expect(formsOf(names)).toEqual(expected)
  })
})
