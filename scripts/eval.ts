/** `npm run eval`: runs the labelled set through the answering core and prints the report. */
import { readFileSync } from 'node:fs'
import { ask } from '../src/core/conversation/ask'
import { parseArgs, UsageError, usage } from './eval/args'
import { benchMain } from './eval/bench/main'
import { renderInvalidCitations, renderMisses, renderSummary } from './eval/markdown'
import { invalidCitations, misses, summarise } from './eval/report'
import { runSet } from './eval/run'
import { parseSet, SetError } from './eval/schema'
import { evalService } from './eval/service'

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  if (args.help) {
    console.log(usage)
    return 0
  }
  if (args.bench) return benchMain({ ...args.bench, json: args.json })
  const all = parseSet(readFileSync(args.set, 'utf8'), args.set)
  const items = args.categories.length
    ? all.filter((item) => args.categories.includes(item.category))
    : all
  const service = evalService(args.corpus)
  const results = await runSet(items, (request) => ask(service, request), {
    documents: service.knowledge.documents,
  })
  const summary = summarise(results)
  const missed = misses(results)
  const invalid = invalidCitations(results)
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          set: args.set,
          corpus: args.corpus,
          summary,
          misses: missed,
          invalidCitations: invalid,
          results,
        },
        null,
        2,
      ),
    )
    return 0
  }
  const header = `# citable eval\n\nset \`${args.set}\` (${items.length} items), corpus ${args.corpus.map((d) => `\`${d}\``).join(', ')}\n`
  console.log(
    args.missesOnly
      ? renderMisses(missed)
      : [
          header,
          renderSummary(summary),
          '',
          renderInvalidCitations(invalid),
          '',
          renderMisses(missed),
        ].join('\n'),
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof SetError) {
      console.error(`the labelled set is malformed:\n${error.message}`)
      process.exitCode = 1
    } else if (error instanceof UsageError) {
      console.error(`${error.message}\n${usage}`)
      process.exitCode = 2
    } else {
      console.error(error)
      process.exitCode = 1
    }
  },
)
