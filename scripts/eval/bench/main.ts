/** `npm run eval -- --bench news|squad|dev|dev2|train|all`: the public benchmarks, citable beside the search box. */
import { writeFileSync } from 'node:fs'
import { modelOf } from '../../../src/core/answer/typed/model'
import { type Bench, type BenchName, loadNews, loadSquad, sample } from './load'
import {
  type BenchSummary,
  curveOf,
  renderCurve,
  renderSide,
  summariseNews,
  summariseSquad,
} from './report'
import { type ItemRecord, type Peers, peersFor, type Replier, runNews, runSquad } from './run'

export interface BenchArgs {
  benches: BenchName[]
  /** at most this many questions of each SQuAD folder (every k-th); all when absent */
  limit?: number
  json: boolean
  /** write every turn's record here, for reading the misses */
  out?: string
}

export function benchesNamed(name: string): BenchName[] {
  if (name === 'all') return ['news', 'dev', 'dev2', 'train']
  if (name === 'squad') return ['dev', 'dev2', 'train']
  if (name === 'news' || name === 'dev' || name === 'dev2' || name === 'train') return [name]
  throw new Error(`unknown benchmark "${name}"; one of: news, squad, dev, dev2, train, all`)
}

export interface BenchResult {
  name: BenchName
  questions: number
  buildMs: number
  citable: BenchSummary
  box: BenchSummary
  records: ItemRecord[]
  /** the answer model's threshold the run answered at */
  threshold: number
}

/** one benchmark through citable and the search box, on one fresh service, with one scorer */
async function both<T>(
  name: BenchName,
  bench: Bench<T>,
  run: (bench: Bench<T>, replier: Replier, documents: Peers['documents']) => Promise<ItemRecord[]>,
  summarise: (records: ItemRecord[]) => BenchSummary,
): Promise<BenchResult> {
  const peers = peersFor(bench.documents)
  const records = await run(bench, peers.citable, peers.documents)
  const boxed = await run(bench, peers.box, peers.documents)
  return {
    name,
    questions: bench.items.length,
    buildMs: peers.buildMs,
    citable: summarise(records),
    box: summarise(boxed),
    records,
    threshold: modelOf({ language: peers.language }).threshold,
  }
}

export async function runBench(name: BenchName, limit?: number): Promise<BenchResult> {
  if (name === 'news') return both(name, loadNews(), runNews, summariseNews)
  const full = loadSquad(name)
  return both(name, { ...full, items: sample(full.items, limit) }, runSquad, summariseSquad)
}

export async function benchMain(args: BenchArgs): Promise<number> {
  const results: BenchResult[] = []
  for (const name of args.benches) results.push(await runBench(name, args.limit))
  if (args.out)
    writeFileSync(
      args.out,
      results
        .flatMap((r) => r.records.flatMap((i) => i.turns))
        .map((t) => JSON.stringify(t))
        .join('\n'),
    )
  if (args.json) {
    console.log(
      JSON.stringify(
        results.map(({ records, ...r }) => r),
        null,
        2,
      ),
    )
    return 0
  }
  console.log('# citable on the public benchmarks\n')
  for (const r of results) {
    console.log(
      `${renderSide(`${r.name} (${r.questions} ${r.name === 'news' ? 'items' : 'questions'}, built in ${(r.buildMs / 1000).toFixed(1)} s)`, r.citable, r.box)}\n`,
    )
    console.log(`${renderCurve(r.name, curveOf(r.records, r.threshold))}\n`)
  }
  return 0
}
