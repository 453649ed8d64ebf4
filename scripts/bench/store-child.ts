/**
 * One size of the store benchmark in a fresh process: a store holding `size` generated articles,
 * then articles added one at a time through the living corpus (each read into the live knowledge
 * incrementally and committed, as `PUT /api/documents/:docId` does) while questions are
 * answered in a loop beside them.
 */
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { ask, type Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import { buildPack } from '../../src/core/knowledge/pack'
import type { ArticleChange } from '../../src/core/store'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { buildThread } from '../../src/runtime/node/store/build-thread'
import { openNodeStore, storeUrl } from '../../src/runtime/node/store/libsql'
import { buildKey } from '../../src/runtime/node/store/start'
import { startLivingCorpus } from '../../src/store/living'
import { isMain } from './child'
import { generateArticle, generateCorpus, sampleQuestions } from './corpus-gen'
import { median, percentile } from './stats'

export interface StoreIngest {
  /** PUT to acknowledged, as the route waits for it: stage + commit + apply, ms */
  totalMs: number
  /** reading the article into a staged change of the live knowledge (main thread) */
  stageMs: number
  /** writing the article in one transaction (answering goes on meanwhile) */
  commitMs: number
  /** changing the indexes and swapping the knowledge in (main thread) */
  applyMs: number
}

export interface AnswerTimes {
  samples: number
  p50: number
  p99: number
  max: number
}

export interface StorePoint {
  articles: number
  /** building the pack of the whole store once and committing it (the first start of such a store) */
  seedBuildMs: number
  seedCommitMs: number
  snapshotGzipBytes: number
  /** opening the store, reading the articles and loading the snapshot, in process */
  loadSnapshotMs: number
  /** reading the corpus-wide counts the first change needs, in slices beside answering */
  prepareMs: number
  ingests: StoreIngest[]
  /** answers in a loop with nothing else going on, then while the articles were being added */
  idle: AnswerTimes
  duringIngest: AnswerTimes
  /** building the snapshot of the store after the additions, on the build thread, and storing it */
  snapshotBuildMs: number
}

/** where the child keeps a copy of the store as it was before the last snapshot: 30 additions to apply */
export const replayDir = (dataDir: string) => join(dataDir, 'replay')

export const storeMarker = 'STORE_RESULT '

function times(samples: number[]): AnswerTimes {
  return {
    samples: samples.length,
    p50: median(samples),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  }
}

export async function measureStore(
  size: number,
  ingests: number,
  dataDir: string,
): Promise<StorePoint> {
  const corpus = generateCorpus(size)
  const language = readLanguage('intents')
  const key = buildKey(language)
  const seeds = readCorpus('corpus')
  const store = await openNodeStore({ dataDir })

  // the store as an owner who added `size` articles would have it (corpus/ stays its seed)
  let t = performance.now()
  const pack = buildPack([...seeds, ...corpus.docs], language)
  const seedBuildMs = performance.now() - t
  const changes: ArticleChange[] = [
    ...seeds.map((document) => ({ kind: 'put' as const, document, origin: 'seed' as const })),
    ...corpus.docs.map((document) => ({ kind: 'put' as const, document, origin: 'api' as const })),
  ]
  t = performance.now()
  await store.commit((await store.corpus()).revision, changes, { key, pack })
  const seedCommitMs = performance.now() - t
  const stored = await openNodeStore({ dataDir })
  await store.close()

  const thread = buildThread()
  const service: Service = {
    knowledge: undefined as unknown as Service['knowledge'],
    sessions: createMemoryStore(),
    newId: () => 'bench',
    now: () => Date.now(),
  }
  t = performance.now()
  const started = await startLivingCorpus(service, seeds, {
    store: stored,
    language,
    buildKey: key,
    buildSnapshot: thread.snapshot,
    // the snapshot of the seeded store stays: the start below applies the additions to it
    snapshotAfterMs: 0,
  })
  const loadSnapshotMs = performance.now() - t
  if (started.source !== 'snapshot')
    throw new Error(`expected to start from the snapshot, got ${started.reason}`)

  const questions = sampleQuestions(corpus, 'fact', 50).map((q) => q.question)
  // a question every 5 ms, timed from when it was due: a blocked event loop shows as latency
  const answerLoop = (until: () => boolean) => async () => {
    const samples: number[] = []
    for (let i = 0; !until(); i++) {
      const due = performance.now() + 5
      await new Promise((done) => setTimeout(done, 5))
      await ask(service, { question: questions[i % questions.length]! })
      samples.push(performance.now() - due)
    }
    return samples
  }
  // the first change waits for the corpus-wide counts, read in slices after the start; timed apart
  t = performance.now()
  await started.corpus.refresh()
  const prepareMs = performance.now() - t
  let idleCount = 0
  const idle = await answerLoop(() => idleCount++ >= 300)()

  let adding = true
  const during = answerLoop(() => !adding)()
  const done: StoreIngest[] = []
  for (let i = 0; i < ingests; i++) {
    const { doc } = generateArticle(size + i)
    const start = performance.now()
    const result = await started.corpus.put(doc)
    done.push({
      totalMs: performance.now() - start,
      stageMs: result.stageMs,
      commitMs: result.commitMs,
      applyMs: result.applyMs,
    })
  }
  adding = false
  const duringSamples = await during
  // a copy of the store as a restart right now finds it (the snapshot older than the additions),
  // then the snapshot of the current articles, as the service makes it once changes stop
  const copy = createClient({ url: storeUrl({ dataDir }) })
  await copy.execute(`VACUUM INTO '${join(replayDir(dataDir), 'citable.db')}'`)
  copy.close()
  t = performance.now()
  await started.corpus.saveSnapshot()
  const snapshotBuildMs = performance.now() - t
  await thread.close()
  await stored.close()
  const db = createClient({ url: storeUrl({ dataDir }) })
  const snapshotGzipBytes = Number(
    (await db.execute('SELECT length(pack) AS n FROM pack_snapshot')).rows[0]?.n,
  )
  db.close()
  return {
    articles: size,
    seedBuildMs,
    seedCommitMs,
    snapshotGzipBytes,
    loadSnapshotMs,
    prepareMs,
    ingests: done,
    idle: times(idle),
    duringIngest: times(duringSamples),
    snapshotBuildMs,
  }
}

if (isMain(import.meta.url)) {
  const [size, ingests, dataDir] = process.argv.slice(2)
  measureStore(Number(size), Number(ingests), dataDir!)
    .then((point) => process.stdout.write(`${storeMarker}${JSON.stringify(point)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`)
      process.exit(1)
    })
}
