/** Each attribute rule on its own: the sentences it must read, and the ones it must leave alone. */
import { describe, expect, it } from 'vitest'
import { findNames } from '../../../src/core/facts/names'
import { attributeRules } from '../../../src/core/facts/rules/attribute-rules'
import { namePatterns } from '../../../src/core/nlu/lexicon'
import { realLanguage } from '../helpers'

const patterns = namePatterns(realLanguage().lexicon)

interface Case {
  /** the sentence, and what the rule reads from it as [relation, subject, object] */
  reads: Array<[string, Array<[string, string, string]>]>
  /** sentences the rule must read nothing from */
  skips: string[]
}

const table: Record<string, Case> = {
  'based-in': {
    reads: [
      [
        'Brightwave Labs, headquartered in Porto, sells sensors.',
        [['located_in', 'Brightwave Labs', 'Porto']],
      ],
      ['The company is headquartered in Porto.', [['located_in', 'the company', 'Porto']]],
    ],
    skips: ['Anna Berg, who lives in Oslo, likes ships.', 'The firm was founded in Porto.'],
  },
  'place-based': {
    reads: [
      [
        'Quinta Foods, the Braga-based grocer, grew fast.',
        [['located_in', 'Quinta Foods', 'Braga']],
      ],
    ],
    skips: ['The company is well based.', 'Growth was broad-based this year.'],
  },
  'held-in': {
    reads: [
      [
        'The Baltic Data Forum was held in Riga last May.',
        [['held_in', 'Baltic Data Forum', 'Riga']],
      ],
      ['Organisers staged Expo 2019 in Lisbon.', [['held_in', 'Expo 2019', 'Lisbon']]],
    ],
    skips: ['Anna Berg was held in Riga for a day.', 'The meeting was held on Monday.'],
  },
  'person-appositive': {
    reads: [
      [
        '“We will grow,” said Jane Roe, chief executive of Acme Corp.',
        [
          ['role', 'Jane Roe', 'chief executive'],
          ['works_for', 'Jane Roe', 'Acme Corp'],
        ],
      ],
    ],
    skips: ['Jane Roe visited Acme Corp.', 'Jane Roe, who lives in Oslo, likes ships.'],
  },
  'title-before-name': {
    reads: [
      [
        "Riverside's chief executive, Tom Whitaker, said sales rose.",
        [
          ['role', 'Tom Whitaker', 'chief executive'],
          ['works_for', 'Tom Whitaker', 'Riverside'],
        ],
      ],
    ],
    skips: [
      "Riverside's new store, Tom Whitaker said, opens in May.",
      'Tom Whitaker said sales rose.',
    ],
  },
  'role-at-organisation': {
    reads: [
      [
        '"Costs are the story," said analyst Alun Prys at Merrow Capital.',
        [
          ['role', 'Alun Prys', 'analyst'],
          ['works_for', 'Alun Prys', 'Merrow Capital'],
        ],
      ],
      [
        'The chief economist Rina Oduya from Brellco Holdings expects growth.',
        [
          ['role', 'Rina Oduya', 'chief economist'],
          ['works_for', 'Rina Oduya', 'Brellco Holdings'],
        ],
      ],
    ],
    skips: [
      'Rina Oduya from Brellco Holdings expects growth.',
      'The analyst said Rina Oduya at Valmora was right.',
      'Analyst Alun Prys left.',
    ],
  },
  'spoke-at': {
    reads: [
      [
        'He was speaking at the Valmora Transport Summit.',
        [['spoke_at', 'he', 'Valmora Transport Summit']],
      ],
      [
        'Ilsa Marrow met Omar Kessel, and she was speaking at the Valmora Transport Summit.',
        [['spoke_at', 'she', 'Valmora Transport Summit']],
      ],
      [
        'Speaking at Expo 2019, John Smith said demand was strong.',
        [['spoke_at', 'John Smith', 'Expo 2019']],
      ],
    ],
    skips: ['John Smith spoke about Expo 2019.', 'Speaking at length, the minister said little.'],
  },
}

function read(id: string, text: string): Array<[string, string, string]> {
  const rule = attributeRules.find((r) => r.id === id)!
  return rule.match({ text, names: findNames(text), known: new Set(), patterns }).map((a) => {
    const subject = 'pronoun' in a.subject ? a.subject.pronoun : a.subject.text
    return [a.relation, subject, a.object.text]
  })
}

describe('attribute rules', () => {
  it('has a table for every rule, in the registry order', () => {
    expect(attributeRules.map((r) => r.id)).toEqual(Object.keys(table))
  })

  for (const [id, { reads, skips }] of Object.entries(table)) {
    describe(id, () => {
      it.each(reads)('reads %j', (text, expected) => {
        expect(read(id, text)).toEqual(expected)
      })
      it.each(skips)('reads nothing from %j', (text) => {
        expect(read(id, text)).toEqual([])
      })
    })
  }
})
