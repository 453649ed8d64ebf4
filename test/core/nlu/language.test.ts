/** loadLanguage validates intents/ files with the file and issue path in the message; every utterance reaches its intent. */
import { describe, expect, it } from 'vitest'
import { loadPack } from '../../../src/core/knowledge/pack'
import { type LanguageFile, loadLanguage } from '../../../src/core/nlu/language'
import { understand } from '../../../src/core/nlu/understand'
import { buildPackFromDisk } from '../../../src/runtime/node/files'
import { fixtureCorpus, seedCorpus } from '../../corpora'
import { intentFiles, thrown } from '../helpers'

const intent = (name: string, more: Record<string, unknown> = {}) => ({
  name,
  handler: 'lookup',
  cues: ['how many'],
  utterances: ['How many buses?'],
  ...more,
})
const file = (name: string, content: unknown): LanguageFile => ({
  name,
  content: JSON.stringify(content),
})

describe('loadLanguage', () => {
  it('merges the real intents/ files into intents, entities, units and follow-up words', () => {
    const language = loadLanguage(intentFiles())
    expect(language.intents.map((i) => i.name)).toContain('count')
    expect(language.entities.find((e) => e.id === 'mohurd')?.aliases).toContain('MOHURD')
    expect(language.units.pilot).toContain('pilots')
    expect(language.followUps.openers).toContain('and')
    expect(language.orgWords).toContain('ministry')
  })

  it('names the file and the issue path of a bad intent', () => {
    const error = thrown(() =>
      loadLanguage([file('intents.json', { intents: [intent('count', { cues: [] })] })]),
    )
    expect(error.code).toBe('intents_invalid')
    expect(error.message).toBe(
      'intents/intents.json: intents[0].cues: Too small: expected array to have >=1 items',
    )
    expect(error.file).toBe('intents.json')
    expect(error.path).toEqual(['intents', 0, 'cues'])
  })

  it('names an unknown handler and a bad alias by their paths', () => {
    expect(
      thrown(() =>
        loadLanguage([file('a.json', { intents: [intent('count', { handler: 'guess' })] })]),
      ).message,
    ).toBe(
      'intents/a.json: intents[0].handler: Invalid option: expected one of "lookup"|"list"|"attribute"|"superlative"|"compare"|"computed"|"passage"',
    )
    const alias = thrown(() =>
      loadLanguage([
        file('entities.json', {
          entities: [{ id: 'acme', name: 'Acme', type: 'org', aliases: ['acme co', 3] }],
        }),
      ]),
    )
    expect(alias.message).toBe(
      'intents/entities.json: entities[0].aliases[1]: Invalid input: expected string, received number',
    )
    expect(alias.path).toEqual(['entities', 0, 'aliases', 1])
  })

  it('refuses an unknown top-level key and a file that is not JSON', () => {
    expect(thrown(() => loadLanguage([file('a.json', { intent: [] })])).message).toBe(
      'intents/a.json: (root): Unrecognized key: "intent"',
    )
    const broken = thrown(() => loadLanguage([{ name: 'b.json', content: '{ "intents": [' }]))
    expect(broken.message).toMatch(/^intents\/b\.json: not valid JSON \(.+\)$/)
    expect(broken.file).toBe('b.json')
  })

  it('refuses the same intent name defined twice', () => {
    const error = thrown(() =>
      loadLanguage([
        file('a.json', { intents: [intent('count')] }),
        file('b.json', { intents: [intent('count')] }),
      ]),
    )
    expect(error.code).toBe('intents_invalid')
    expect(error.message).toBe('intents: intent "count" is defined twice')
  })

  it('reads the mood words in lower case and refuses an empty one, naming its path', () => {
    const language = loadLanguage([
      file('a.json', { moods: { planned: ['Plans to', 'will'] } }),
      file('b.json', { moods: { expected: ['expects'] } }),
    ])
    expect(language.moods).toEqual({ planned: ['plans to', 'will'], expected: ['expects'] })
    const error = thrown(() => loadLanguage([file('m.json', { moods: { planned: [''] } })]))
    expect(error.message).toBe(
      'intents/m.json: moods.planned[0]: Too small: expected string to have >=1 characters',
    )
    expect(thrown(() => loadLanguage([file('m.json', { moods: { hoped: [] } })])).message).toBe(
      'intents/m.json: moods: Unrecognized key: "hoped"',
    )
  })

  it('accepts two files with different intents', () => {
    const language = loadLanguage([
      file('a.json', { intents: [intent('count')] }),
      file('b.json', { intents: [intent('amount', { cues: ['how much'] })] }),
    ])
    expect(language.intents.map((i) => i.name)).toEqual(['count', 'amount'])
  })
})

describe('the utterances in intents/', () => {
  const knowledge = loadPack(buildPackFromDisk({ corpus: [seedCorpus, fixtureCorpus] }))

  it('each reaches its own intent through understand()', () => {
    const misses = knowledge.language.intents.flatMap((intent) =>
      intent.utterances
        .map((utterance) => ({
          utterance,
          expected: intent.name,
          got: understand(utterance, knowledge).intent?.name,
        }))
        .filter((r) => r.got !== r.expected),
    )
    expect(misses).toEqual([])
  })

  it('a question with no cue reaches no intent', () => {
    expect(understand('Tell me about the port.', knowledge).intent).toBeUndefined()
  })
})
