/** One size of the scale benchmark in a fresh process (`node --expose-gc`), so its memory figures are its own. */
import { gzipSync } from 'node:zlib'
import { ask, type Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import type { KnowledgePack } from '../../src/core/knowledge/types'
import { terms } from '../../src/core/nlu/nlp'
import { readLanguage } from '../../src/runtime/node/files'
import { isMain } from './child'
import { type GeneratedQuestion, generateCorpus, sampleQuestions } from './corpus-gen'
import { median } from './stats'
import { elapsed, type Latency, timeGroups } from './timing'

export interface ScalePoint {
  articles: number
  words: number
  passages: number
  facts: number
  /** median over `builds` builds, ms */
  buildMs: number
  builds: number
  packBytes: number
  packGzipBytes: number
  /** JSON.parse + loadPack, ms */
  loadMs: number
  /** after the pack is loaded and the garbage collected, bytes */
  heapUsed: number
  rss: number
  /** the same before the corpus existed (wink model loaded), bytes */
  baseHeapUsed: number
  baseRss: number
  fact: Latency
  freeText: Latency
  /**
   * fact questions about sentences in the template's shapes answered with the figure or name the
   * article states (and, where the answer gives a value, that figure as its value), 0..1
   */
  factRight: number
  /** the same for sentences in shapes the extractor's rules were not written from (corpus-gen.ts) */
  factRightNovel: number
  /** the share of the corpus's fact sentences written in those shapes */
  novelShare: number
  /** free-text questions citing an article about their subject, 0..1 */
  freeTextRightDoc: number
}

export const resultMarker = 'SCALE_RESULT '

const gc = () => (globalThis as { gc?: () => void }).gc?.()

function memory() {
  gc()
  gc()
  const m = process.memoryUsage()
  return { heapUsed: m.heapUsed, rss: m.rss }
}

async function share(
  service: Service,
  questions: GeneratedQuestion[],
  right: (q: GeneratedQuestion, a: Awaited<ReturnType<typeof ask>>) => boolean,
): Promise<number> {
  let ok = 0
  for (const q of questions) if (right(q, await ask(service, { question: q.question }))) ok++
  return questions.length ? ok / questions.length : 0
}

export async function measureSize(size: number, quick: boolean): Promise<ScalePoint> {
  terms('load the model before measuring the base')
  const base = memory()
  const corpus = generateCorpus(size)
  const language = readLanguage('intents')
  // builds of the small corpora are quick: take the median of a few
  const builds = quick || size >= 10_000 ? 1 : size >= 1000 ? 2 : 3
  const buildTimes: number[] = []
  let pack: KnowledgePack | undefined
  for (let b = 0; b < builds; b++) {
    pack = undefined
    gc()
    const start = performance.now()
    pack = buildPack(corpus.docs, language)
    buildTimes.push(performance.now() - start)
  }
  let json: string | undefined = JSON.stringify(pack)
  const counts = { passages: pack!.passages.length, facts: pack!.facts.length }
  pack = undefined
  const packBytes = Buffer.byteLength(json)
  const packGzipBytes = gzipSync(json).length
  const words = corpus.docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0)
  corpus.docs.length = 0
  gc()
  const loadStart = performance.now()
  const knowledge = loadPack(JSON.parse(json) as KnowledgePack)
  const loadMs = performance.now() - loadStart
  json = undefined
  const after = memory()

  const service: Service = {
    knowledge,
    sessions: createMemoryStore(),
    newId: (() => {
      let n = 0
      return () => `s${n++}`
    })(),
    now: () => Date.now(),
  }
  const huge = size >= 10_000
  // answers over 10,000 articles may take tens of ms or more: a time budget keeps the run short
  const perKind = quick ? 20 : huge ? 40 : 100
  const rounds = quick
    ? { warmup: 20, rounds: 3, perRound: 40 }
    : {
        warmup: huge ? 10 : 100,
        rounds: huge ? 3 : 5,
        perRound: 200,
        budgetMs: huge ? 45_000 : 60_000,
      }
  // timed: fact questions of both shapes, as they come in the corpus
  const facts = sampleQuestions(corpus, 'fact', perKind)
  const freeText = sampleQuestions(corpus, 'free-text', perKind)
  const group = (qs: GeneratedQuestion[]) => (i: number) =>
    elapsed(() => ask(service, { question: qs[i % qs.length]!.question }))
  const latency = await timeGroups({ fact: group(facts), freeText: group(freeText) }, rounds)
  const factIsRight = (q: GeneratedQuestion, a: Awaited<ReturnType<typeof ask>>) =>
    !a.abstained &&
    a.answer.includes(q.expect ?? '\u0000') &&
    (typeof a.value !== 'number' || q.expectValue === undefined || a.value === q.expectValue)
  const factRight = await share(
    service,
    sampleQuestions(corpus, 'fact', perKind, 'template'),
    factIsRight,
  )
  const factRightNovel = await share(
    service,
    sampleQuestions(corpus, 'fact', perKind, 'novel'),
    factIsRight,
  )
  const novelShare =
    corpus.factSentences.novel / (corpus.factSentences.novel + corpus.factSentences.template)
  const freeTextRightDoc = await share(service, freeText, (q, a) =>
    a.citations.some((c) => corpus.subjects.get(c.docId)?.has(q.subject ?? '') ?? false),
  )
  return {
    articles: size,
    words,
    ...counts,
    buildMs: median(buildTimes),
    builds,
    packBytes,
    packGzipBytes,
    loadMs,
    ...after,
    baseHeapUsed: base.heapUsed,
    baseRss: base.rss,
    fact: latency.fact,
    freeText: latency.freeText,
    factRight,
    factRightNovel,
    novelShare,
    freeTextRightDoc,
  }
}

// run as a child: `node --expose-gc --import tsx scale-child.ts <size> [--quick]`
if (isMain(import.meta.url)) {
  const size = Number(process.argv[2])
  measureSize(size, process.argv.includes('--quick')).then(
    (point) => process.stdout.write(`${resultMarker}${JSON.stringify(point)}\n`),
    (error: Error) => {
      process.stderr.write(`scale ${size}: ${error.stack ?? error.message}\n`)
      process.exit(1)
    },
  )
}
