/** The evaluator's command line: options with their defaults beside them. */

import type { BenchName } from './bench/load'
import { benchesNamed } from './bench/main'
import { type Category, categories } from './schema'

export interface EvalArgs {
  /** the labelled set; defaults to test/eval/questions.jsonl */
  set: string
  /** corpus folders the knowledge is built from; defaults to corpus and test/fixtures/corpus */
  corpus: string[]
  /** only these categories; defaults to all */
  categories: Category[]
  /** print machine-readable results instead of markdown */
  json: boolean
  /** print only the list of misses */
  missesOnly: boolean
  /** run public benchmarks of ../shared/benchmarks instead of the own set */
  bench?: { benches: BenchName[]; limit?: number; out?: string }
  help: boolean
}

export const defaultArgs: EvalArgs = {
  set: 'test/eval/questions.jsonl',
  corpus: ['corpus', 'test/fixtures/corpus'],
  categories: [],
  json: false,
  missesOnly: false,
  help: false,
}

export const usage = `usage: npm run eval -- [options]
  --json               machine-readable results
  --category X[,Y]     only these categories (repeatable)
  --misses-only        print only the misses
  --set FILE           the labelled set (default ${defaultArgs.set})
  --corpus DIR[,DIR]   corpus folders (default ${defaultArgs.corpus.join(',')})
  --unseen             the never-seen article and its questions (test/fixtures/unseen)
  --bench NAME         public benchmarks: news, squad (dev, dev2, train), dev, dev2, train or all
  --limit N            with --bench: at most N questions of each SQuAD folder (every k-th)
  --out FILE           with --bench: every turn's record as JSON lines
  --help               this text`

export class UsageError extends Error {}

function isCategory(value: string): value is Category {
  return (categories as readonly string[]).includes(value)
}

export function parseArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = { ...defaultArgs, corpus: [...defaultArgs.corpus], categories: [] }
  const value = (index: number, flag: string) => {
    const v = argv[index + 1]
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    if (flag === '--json') args.json = true
    else if (flag === '--misses-only') args.missesOnly = true
    else if (flag === '--help' || flag === '-h') args.help = true
    else if (flag === '--unseen') {
      args.set = 'test/fixtures/unseen/questions.jsonl'
      args.corpus = [...defaultArgs.corpus, 'test/fixtures/unseen']
    } else if (flag === '--bench') {
      const name = value(i++, flag)
      try {
        args.bench = { ...args.bench, benches: benchesNamed(name) }
      } catch (error) {
        throw new UsageError((error as Error).message)
      }
    } else if (flag === '--limit') {
      const n = Number(value(i++, flag))
      if (!Number.isInteger(n) || n < 1)
        throw new UsageError('--limit needs a whole number above 0')
      args.bench = { benches: [], ...args.bench, limit: n }
    } else if (flag === '--out') args.bench = { benches: [], ...args.bench, out: value(i++, flag) }
    else if (flag === '--set') args.set = value(i++, flag)
    else if (flag === '--corpus') args.corpus = value(i++, flag).split(',').filter(Boolean)
    else if (flag === '--category') {
      for (const name of value(i++, flag).split(',').filter(Boolean)) {
        if (!isCategory(name))
          throw new UsageError(`unknown category "${name}"; one of: ${categories.join(', ')}`)
        args.categories.push(name)
      }
    } else throw new UsageError(`unknown option "${flag}"`)
  }
  if (args.bench && args.bench.benches.length === 0)
    throw new UsageError('--limit and --out go with --bench')
  return args
}
