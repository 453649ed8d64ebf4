/** Incremental changes to a loaded knowledge answer every labelled question as a fresh build of the same articles does. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ask, type Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import { parseCorpusFile } from '../../src/core/corpus/parse'
import { applyChanges, stageChanges } from '../../src/core/knowledge/incremental'
import { layered } from '../../src/core/knowledge/layered'
import { buildPack, type Knowledge, loadPack } from '../../src/core/knowledge/pack'
import type { CorpusDocument } from '../../src/core/types'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { answersOf } from './helpers'

const language = readLanguage('intents')
const all = readCorpus([
  'test/fixtures/seed',
  'test/fixtures/corpus',
  'test/fixtures/unseen',
  'test/fixtures/unseen-2',
  'test/fixtures/unseen-3',
])
const doc = (docId: string) => all.find((d) => d.docId === docId)!
const fresh = (docs: CorpusDocument[]) =>
  loadPack(
    buildPack(
      [...docs].sort((a, b) => (a.docId < b.docId ? -1 : 1)),
      language,
    ),
  )

/** every conversation of the labelled sets, a list of turns each */
const conversations = [
  'test/eval/questions.jsonl',
  'test/fixtures/unseen/questions.jsonl',
  'test/fixtures/unseen-2/questions.jsonl',
  'test/fixtures/unseen-3/questions.jsonl',
].flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { turns: string[] }).turns),
)

const answers = (knowledge: Knowledge) => answersOf(knowledge, conversations)

const ids = (k: Knowledge) => [...k.documents.keys()]
/** the entities by id, each with its aliases in order: an added article's come after the others' */
const entities = (k: Knowledge) =>
  k.entities
    .map((e) => ({ ...e, aliases: [...e.aliases].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))

describe('applyChanges', () => {
  it('answers as a fresh build after articles are added one at a time', async () => {
    let knowledge = fresh([doc('china-smart-cities'), doc('northmark-renewables')])
    for (const docId of [
      'riverside-virtual-wards',
      'chargeworld-expo',
      'kestrel-bay-port',
      'calderwick-water-leakage',
      'porto-verde-bike-share',
    ])
      knowledge = applyChanges(knowledge, [{ kind: 'put', document: doc(docId) }])
    const built = fresh(all)
    expect(ids(knowledge)).toEqual(ids(built))
    expect(knowledge.passages).toEqual(built.passages)
    expect(knowledge.facts).toEqual(built.facts)
    expect(entities(knowledge)).toEqual(entities(built))
    expect(knowledge.sentenceCount).toBe(built.sentenceCount)
    expect(knowledge.df).toEqual(built.df)
    expect(knowledge.properWords).toEqual(built.properWords)
    expect(await answers(knowledge)).toEqual(await answers(built))
  })

  it('answers as a fresh build after articles are removed and one is replaced', async () => {
    const changed = parseCorpusFile(
      'kestrel-bay-port.md',
      readFileSync('test/fixtures/corpus/kestrel-bay-port.md', 'utf8').replace(
        /handled [\d,.]+ (million )?TEU/,
        'handled 9.9 million TEU',
      ),
    )
    expect(changed.text).not.toBe(doc('kestrel-bay-port').text)
    const knowledge = applyChanges(fresh(all), [
      { kind: 'delete', docId: 'riverside-virtual-wards' },
      { kind: 'put', document: changed },
      { kind: 'delete', docId: 'chargeworld-expo' },
    ])
    const rest = all.filter(
      (d) => !['riverside-virtual-wards', 'chargeworld-expo', 'kestrel-bay-port'].includes(d.docId),
    )
    const built = fresh([...rest, changed])
    expect(ids(knowledge)).toEqual(ids(built))
    expect(knowledge.facts.map((f) => f.id)).toEqual(built.facts.map((f) => f.id))
    expect(knowledge.sentenceCount).toBe(built.sentenceCount)
    expect(knowledge.df).toEqual(built.df)
    expect(await answers(knowledge)).toEqual(await answers(built))
  })

  it('leaves the knowledge it was given answering from the articles it had', async () => {
    const before = fresh([doc('china-smart-cities')])
    const question = 'How many TEU did Kestrel Bay handle?'
    const after = applyChanges(before, [{ kind: 'put', document: doc('kestrel-bay-port') }])
    expect((await ask(service(after), { question })).citations[0]?.docId).toBe('kestrel-bay-port')
    // the older knowledge shares the indexes, and still finds only its own article in them
    expect(before.documents.has('kestrel-bay-port')).toBe(false)
    expect((await ask(service(before), { question })).abstained).toBe(true)
    const cited = (await answers(before)).flatMap((a) =>
      (a as { citations: { docId: string }[] }).citations.map((c) => c.docId),
    )
    expect(cited.length).toBeGreaterThan(0)
    expect(new Set(cited)).toEqual(new Set(['china-smart-cities']))
  })

  it('changes nothing when an article cannot be read, and a staged change only once applied', () => {
    const before = fresh([doc('china-smart-cities')])
    const broken = { ...doc('kestrel-bay-port'), text: undefined } as unknown as CorpusDocument
    expect(() => stageChanges(before, [{ kind: 'put', document: broken }])).toThrow()
    const staged = stageChanges(before, [{ kind: 'put', document: doc('kestrel-bay-port') }])
    // staged, not applied: the shared index has not got the article yet
    expect(before.index.search('TEU').length).toBe(0)
    const after = staged.apply()
    expect(after.index.search('TEU').length).toBeGreaterThan(0)
    expect(before.index.search('TEU').length).toBe(0)
    expect(() => staged.apply()).toThrow('a staged change is applied once')
  })
})

function service(knowledge: Knowledge): Service {
  return { knowledge, sessions: createMemoryStore(), newId: () => 'x', now: () => 0 }
}

describe('layered', () => {
  const base = new Map([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ])

  it('reads the older map through the changes made to it', () => {
    const next = layered(
      base,
      [
        ['b', 20],
        ['d', 4],
      ],
      ['c', 'x'],
    )
    expect([next.get('a'), next.get('b'), next.get('c'), next.get('d')]).toEqual([
      1,
      20,
      undefined,
      4,
    ])
    expect([next.has('c'), next.has('d'), next.size]).toEqual([false, true, 3])
    expect(new Map(next)).toEqual(
      new Map([
        ['a', 1],
        ['b', 20],
        ['d', 4],
      ]),
    )
    // the older map is as it was
    expect(base.get('c')).toBe(3)
  })

  it('flattens deep layers into a plain map with the same entries', () => {
    let map: Map<string, number> = base
    for (let i = 0; i < 40; i++) map = layered(map, [[`k${i}`, i]], i % 2 ? [`k${i - 1}`] : [])
    expect(map.size).toBe(3 + 20)
    expect(map.get('k39')).toBe(39)
    expect(map.has('k38')).toBe(false)
    expect(map.get('a')).toBe(1)
  })

  it('refuses to be changed', () => {
    const next = layered(base, [], [])
    expect(() => next.set('a', 2)).toThrow('a layered map is read-only')
  })
})
