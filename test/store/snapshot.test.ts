/** The chunked snapshot: a round trip gives the knowledge a fresh build gives, and an older snapshot is rebuilt, never misread. */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { stageChanges } from '../../src/core/knowledge/incremental'
import { LazyTermData } from '../../src/core/knowledge/lazy-postings'
import { buildPack, type Knowledge, loadPack } from '../../src/core/knowledge/pack'
import { emptyIndexJson, packIndex, unpackIndex } from '../../src/core/knowledge/packed-index'
import { packRows, unpackRows } from '../../src/core/knowledge/rows'
import { packChunks, readSnapshot } from '../../src/core/knowledge/snapshot'
import { Writer } from '../../src/core/knowledge/varints'
import { loadIndex } from '../../src/core/retrieve/index'
import type { CorpusDocument } from '../../src/core/types'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { decodePack, encodePack } from '../../src/runtime/node/store/encoded'
import { openNodeStore } from '../../src/runtime/node/store/libsql'
import { buildKey } from '../../src/runtime/node/store/start'
import { startLivingCorpus } from '../../src/store/living'
import { answersOf, tempDir } from './helpers'

const language = readLanguage('intents')
const all = readCorpus(['test/fixtures/seed', 'test/fixtures/corpus'])
const sorted = (docs: CorpusDocument[]) => [...docs].sort((a, b) => (a.docId < b.docId ? -1 : 1))
const without = (docId: string) => all.filter((d) => d.docId !== docId)
/** as JSON, the form every stored pack had: a list of item ids keeps a missing one as null */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const pack = asJson(buildPack(sorted(without('kestrel-bay-port')), language))

const conversations = readFileSync('test/eval/questions.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { turns: string[] }).turns)

const answers = (knowledge: Knowledge) => answersOf(knowledge, conversations)

/** the parts of a knowledge a snapshot stores, as plain data */
const tables = (k: Knowledge) => ({
  documents: [...k.documents.values()],
  passages: k.passages,
  facts: k.facts,
  entities: k.entities,
  sentences: k.sentences,
  sentenceTerms: k.sentenceTerms,
  df: k.df,
  counts: k.counts,
  properWords: k.properWords,
  index: k.index.toJSON(),
  sentenceIndex: k.sentenceIndex.toJSON(),
})

describe('the chunked snapshot', () => {
  it('loads the knowledge loadPack gives, table by table and answer by answer', async () => {
    const fromPack = loadPack(pack)
    const fromSnapshot = await decodePack(encodePack(pack)).load()
    expect(tables(fromSnapshot)).toEqual(tables(fromPack))
    expect(await answers(fromSnapshot)).toEqual(await answers(fromPack))
  })

  it('takes an added article as a fresh build of the same articles does', async () => {
    const loaded = await readSnapshot(async (name) => packChunks(pack)[name]).load()
    const added = stageChanges(loaded, [
      { kind: 'put', document: all.find((d) => d.docId === 'kestrel-bay-port')! },
    ]).apply()
    const fresh = loadPack(buildPack(sorted(all), language))
    expect([...added.documents.keys()].sort()).toEqual([...fresh.documents.keys()].sort())
    expect(added.sentenceCount).toBe(fresh.sentenceCount)
    expect(added.df).toEqual(fresh.df)
    expect(await answers(added)).toEqual(await answers(fresh))
  })

  it('reads the articles alone without decoding the rest', async () => {
    const asked: string[] = []
    const chunks = packChunks(pack)
    const stored = readSnapshot(async (name) => {
      asked.push(name)
      return chunks[name]
    })
    expect((await stored.documents()).map((d) => d.docId)).toEqual(
      pack.documents.map((d) => d.docId),
    )
    expect(asked).toEqual(['documents'])
  })
})

describe('packIndex', () => {
  it('keeps an index with removed documents, holes and all, as its JSON has it', () => {
    const index = loadPack(pack).index
    const root = Object.getPrototypeOf(index) as typeof index
    const indexed = pack.passages.filter((p) => p.kind !== 'heading')
    for (const p of [indexed[3]!, indexed[7]!]) root.discard(p.id)
    const json = root.toJSON()
    expect(json.dirtCount).toBe(2)
    const back = unpackIndex(packIndex(json), loadIndex(emptyIndexJson))
    // the radix tree's term order depends on the order terms went in: compare them sorted
    const byTerm = (j: typeof json) => ({
      ...j,
      index: [...j.index].sort(([a], [b]) => (a < b ? -1 : 1)),
    })
    expect(byTerm(back.toJSON())).toEqual(byTerm(json))
    expect(back.search('smart city pilots')).toEqual(root.search('smart city pilots'))
  })
})

describe('LazyTermData', () => {
  // one term: field 0 has documents 3 (frequency 1) and 5 (frequency 2), field 2 has document 4
  const bytes = () => {
    const w = new Writer()
    for (const n of [2, 0, 2, 3, 1, 2, 2, 2, 1, 4, 7]) w.uint(n)
    return w.done()
  }
  const plain = () =>
    new Map([
      [
        0,
        new Map([
          [3, 1],
          [5, 2],
        ]),
      ],
      [2, new Map([[4, 7]])],
    ])
  type Touch = (m: Map<number, Map<number, number>>) => unknown
  const touches: [string, Touch][] = [
    ['get', (m) => m.get(0)],
    ['has', (m) => [m.has(2), m.has(1)]],
    ['size', (m) => m.size],
    ['keys', (m) => [...m.keys()]],
    ['values', (m) => [...m.values()]],
    ['entries', (m) => [...m.entries()]],
    ['iteration', (m) => [...m]],
    [
      'forEach',
      (m) => {
        const seen: number[] = []
        m.forEach((_, k) => {
          seen.push(k)
        })
        return seen
      },
    ],
    ['set', (m) => [...m.set(1, new Map([[9, 9]])).keys()]],
    ['delete', (m) => [m.delete(0), [...m.keys()]]],
  ]
  it.each(touches)('reads the postings before %s, then behaves as a Map', (_, touch) => {
    const lazy = new LazyTermData(bytes(), 0)
    const map = plain()
    expect(touch(lazy)).toEqual(touch(map))
    // and after it, holds what the plain map holds after the same touch
    expect(new Map(lazy)).toEqual(map)
  })
  it('holds exactly the postings it was packed with', () => {
    expect(new Map(new LazyTermData(bytes(), 0))).toEqual(plain())
  })
})

describe('packRows', () => {
  it('writes repeated strings once and reads every field back', () => {
    const rows = [
      { id: 'a', terms: ['x', 'y'], n: 1, mixed: 'text' },
      { id: 'b', terms: ['y'], n: 2, mixed: 3, list: [{ start: 1 }], empty: [], other: ['x', 'y'] },
      { id: 'c', n: 3, title: 'Café “quoted”' },
    ]
    const packed = packRows(rows)
    const json = new TextDecoder().decode(
      packed.subarray(4, 4 + new DataView(packed.buffer).getUint32(0)),
    )
    expect(JSON.parse(json).strings).toEqual(['a', 'x', 'y', 'b', 'c', 'Café “quoted”'])
    // each distinct list once, after the JSON, which holds the row's list number
    expect(JSON.parse(json).rows.map((r: { terms?: number }) => r.terms)).toEqual([0, 1, undefined])
    expect(/^[\x00-\x7f]*$/.test(json)).toBe(true)
    expect(unpackRows(packed)).toEqual(rows)
  })
})

describe('a stored snapshot of an older format', () => {
  async function storeWith(blob: Uint8Array, key: string) {
    const dataDir = tempDir()
    const store = await openNodeStore({ dataDir })
    const seeds = readCorpus('test/fixtures/seed')
    await startLivingCorpus(undefined, seeds, { store, language, buildKey: key })
    await store.close()
    const db = createClient({ url: `file:${dataDir}/citable.db` })
    await db.execute({ sql: 'UPDATE pack_snapshot SET pack = ?, build_key = ?', args: [blob, key] })
    db.close()
    return { dataDir, seeds }
  }

  it('is rebuilt when only its bytes are old (one gzipped JSON document), not misread', async () => {
    const seedPack = buildPack(readCorpus('test/fixtures/seed'), language)
    const key = buildKey(language)
    const { dataDir, seeds } = await storeWith(gzipSync(JSON.stringify(seedPack)), key)
    const store = await openNodeStore({ dataDir })
    const started = await startLivingCorpus(undefined, seeds, { store, language, buildKey: key })
    expect([started.source, started.reason]).toEqual([
      'rebuilt',
      'the stored snapshot is in an older format (one JSON document)',
    ])
    expect(asJson(started.knowledge.facts)).toEqual(asJson(seedPack.facts))
    // and the rebuild is stored in the current format
    expect((await (await store.snapshot())!.load()).facts).toHaveLength(seedPack.facts.length)
    await store.close()
  })

  it('is rebuilt when its key names an older pack format', async () => {
    const seedPack = buildPack(readCorpus('test/fixtures/seed'), language)
    const old = buildKey(language).replace(/^pack\d+\.snapshot\d+/, 'pack5')
    const { dataDir, seeds } = await storeWith(gzipSync(JSON.stringify(seedPack)), old)
    const store = await openNodeStore({ dataDir })
    const started = await startLivingCorpus(undefined, seeds, {
      store,
      language,
      buildKey: buildKey(language),
    })
    expect([started.source, started.reason]).toEqual([
      'rebuilt',
      'the language or pack format changed',
    ])
    await store.close()
  })
})
