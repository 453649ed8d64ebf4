/**
 * Where a start from the stored snapshot spends its time, phase by phase, in process:
 * `tsx scripts/bench/store-phases.ts DATA_DIR` (a store the store bench made). Each phase is the
 * thread's CPU time and the wall time; garbage collection is counted apart.
 */
import { PerformanceObserver } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { knowledgeOf, type PackParts } from '../../src/core/knowledge/pack'
import { emptyIndexJson, unpackIndex } from '../../src/core/knowledge/packed-index'
import { unpackRows } from '../../src/core/knowledge/rows'
import { unpackSentences } from '../../src/core/knowledge/snapshot'
import { loadIndex, type PassageIndex } from '../../src/core/retrieve/index'
import { loadSentenceIndex, type SentenceIndex } from '../../src/core/retrieve/sentence-index'
import type { Passage } from '../../src/core/types'
import { storeUrl } from '../../src/runtime/node/store/libsql'

let gcMs = 0
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration
}).observe({ entryTypes: ['gc'] })

const rows: [string, number, number, number][] = []
function phase<T>(name: string, work: () => T): T {
  const cpu = process.cpuUsage()
  const gc = gcMs
  const t = performance.now()
  const out = work()
  const used = process.cpuUsage(cpu)
  rows.push([name, performance.now() - t, (used.user + used.system) / 1000, gcMs - gc])
  return out
}

const dataDir = process.argv[2]!
const db = createClient({ url: storeUrl({ dataDir }) })
const row = (await db.execute('SELECT pack FROM pack_snapshot WHERE id = 1')).rows[0]!
const bytes = Buffer.from(row.pack as ArrayBuffer)
db.close()
const head = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32BE(4))) as {
  chunks: [string, number, number][]
}
const chunks = phase('gunzip (all chunks, one thread)', () => {
  const out = new Map<string, Buffer>()
  let at = 8 + bytes.readUInt32BE(4)
  for (const [name, length] of head.chunks) {
    out.set(name, gunzipSync(bytes.subarray(at, at + length)))
    at += length
  }
  return out
})
const text = (name: string) => new TextDecoder().decode(chunks.get(name)!)
const { format: _, ...meta } = phase('meta', () => JSON.parse(text('meta')))
const documents = phase('documents', () => JSON.parse(text('documents')))
const passages = phase('passages', () => unpackRows<Passage>(chunks.get('passages')!))
const facts = phase('facts', () => unpackRows<PackParts['facts'][number]>(chunks.get('facts')!))
const sentences = phase('sentence table', () => unpackSentences(chunks.get('sentences')!, passages))
const sentenceTerms = phase('sentence terms', () => JSON.parse(text('sentenceTerms')))
const index = phase('passage index', () =>
  unpackIndex(chunks.get('index')!, loadIndex(emptyIndexJson)),
) as PassageIndex
const sentenceIndex = phase('sentence index', () =>
  unpackIndex(chunks.get('sentenceIndex')!, loadSentenceIndex(emptyIndexJson)),
) as SentenceIndex
const knowledge = phase('knowledgeOf (maps, lexicon, aliases)', () =>
  knowledgeOf(
    { ...meta, documents, passages, facts, sentences, sentenceTerms },
    index,
    sentenceIndex,
  ),
)
phase('first search of each index', () => [
  knowledge.index.search('port cargo volume'),
  knowledge.sentenceIndex.search('port cargo volume'),
])
process.stdout.write(
  `${facts.length} facts, ${passages.length} passages, ${sentences.length} sentences\n`,
)
process.stdout.write(
  '| phase | wall ms | CPU ms | of which GC ms |\n| --- | ---: | ---: | ---: |\n',
)
for (const [name, wall, cpu, gc] of rows)
  process.stdout.write(`| ${name} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${gc.toFixed(0)} |\n`)
