/** The words names are built from (company suffixes, organisation and place heads), read from `intents/`, and their patterns. */
import { z } from 'zod'
import { memo } from '../memo'
import { escapeRegex } from './normalize'

const words = z.array(z.string().min(1))

export const lexiconSchema = z.strictObject({
  /** what ends a company's name: "Co", "Ltd", "GmbH" (a full stop after one is part of the name) */
  companySuffixes: words.default([]),
  /** a group a company belongs to, after its name: "(Group)", "Holdings" */
  groupSuffixes: words.default([]),
  /** capitalised words that make a name an organisation's: "Ministry", "Authority", "Bank" */
  organisationHeads: words.default([]),
  /** lower-case heads after which the last two words of an organisation's name are its short form ("port authority") */
  shortFormHeads: words.default([]),
  /** capitalised words that make a name a place's: "Delta", "Province", "Bay" */
  placeHeads: words.default([]),
  /** places whose names take "the": "the Yangtze River Delta", "the North Sea" */
  placesTakingThe: words.default([]),
  /** buildings and streets: "Hall", "Road" (no person is named so) */
  venueWords: words.default([]),
  /** events: "Expo", "Summit", "Forum" */
  eventWords: words.default([]),
  /** abbreviations whose full stop ends no sentence: "Mr.", "Jr." */
  abbreviations: words.default([]),
  /** capitalised words too common in names to stand for one alone: "The", "Port", "Group" */
  genericNameWords: words.default([]),
})

export type Lexicon = z.infer<typeof lexiconSchema>

export const emptyLexicon = (): Lexicon => lexiconSchema.parse({})

/** `(?:a|b|c)` of the words, or a group that matches nothing when there are none */
export function alternation(list: readonly string[]): string {
  return list.length ? `(?:${list.map(escapeRegex).join('|')})` : '(?!)'
}

/** the patterns the fact readers and answer wording test names with, compiled once per lexicon */
export interface NamePatterns {
  /** "Acme Corp", "Acme Corp.", "iSoftStone (Group)": a company's name by its end */
  corporate: RegExp
  /** "Acme Corp", "Acme Group", "Acme Limited)": ends in a company or group suffix, full stop or bracket allowed */
  companyEnd: RegExp
  /** "Acme Co.": the full stop is part of the name */
  suffixWithStop: RegExp
  /** an organisation's word anywhere in a name */
  organisation: RegExp
  /** a place's word at the end of a name */
  placeEnd: RegExp
  /** a place, venue or event word anywhere in a name: no person is named so */
  notPerson: RegExp
  /** a place whose name takes "the" */
  takesThe: RegExp
  /** a full stop after an abbreviation or suffix, which ends no sentence */
  abbreviation: string
  shortFormHead: RegExp
  generic: Set<string>
}

const compiled = new WeakMap<Lexicon, NamePatterns>()

export function namePatterns(lexicon: Lexicon): NamePatterns {
  return memo(compiled, lexicon, () => {
    const suffixes = alternation(lexicon.companySuffixes)
    const suffixOrGroup = alternation([...lexicon.companySuffixes, ...lexicon.groupSuffixes])
    return {
      corporate: new RegExp(`\\b${suffixes}\\.?$|\\(${alternation(lexicon.groupSuffixes)}\\)`),
      companyEnd: new RegExp(`\\b${suffixOrGroup}\\b\\.?\\)?$`),
      suffixWithStop: new RegExp(`\\b${suffixes}\\.$`),
      organisation: new RegExp(
        `\\b${alternation([...lexicon.companySuffixes, ...lexicon.groupSuffixes, ...lexicon.organisationHeads])}\\b`,
      ),
      placeEnd: new RegExp(`\\b${alternation(lexicon.placeHeads)}$`),
      notPerson: new RegExp(
        `\\b${alternation([...lexicon.placeHeads, ...lexicon.venueWords, ...lexicon.eventWords])}\\b`,
      ),
      takesThe: new RegExp(`\\b${alternation(lexicon.placesTakingThe)}\\b`),
      abbreviation: alternation([...lexicon.companySuffixes, ...lexicon.abbreviations]),
      shortFormHead: new RegExp(`^${alternation(lexicon.shortFormHeads)}$`),
      generic: new Set(lexicon.genericNameWords),
    }
  })
}
