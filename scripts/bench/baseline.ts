/** citable beside the search-box baseline on the labelled set, run and scored by the evaluator's own code. */
import { readFileSync } from 'node:fs'
import { ask } from '../../src/core/conversation/ask'
import { readCorpus } from '../../src/runtime/node/files'
import { defaultArgs } from '../eval/args'
import { type Summary, summarise } from '../eval/report'
import { type Asker, type ItemResult, runSet } from '../eval/run'
import { parseSet } from '../eval/schema'
import { evalService } from '../eval/service'
import { createSearchBox } from './search-box'
import { median } from './stats'

export interface BaselineCategory {
  category: string
  /** scored turns */
  turns: number
  /** share of turns scored right, 0..1 */
  citable: number
  searchBox: number
  /** median ms per turn */
  citableMs: number
  searchBoxMs: number
}

export interface BaselineResult {
  /** the labelled set and the corpus folders */
  set: string
  corpus: string[]
  items: number
  documents: number
  categories: BaselineCategory[]
  overall: Omit<BaselineCategory, 'category'>
  /** abstention precision and recall of citable (the search box never abstains) */
  abstention: Pick<Summary, 'precision' | 'recall'>
}

const msByCategory = (results: ItemResult[]) => {
  const out = new Map<string, number[]>()
  for (const r of results) {
    const list = out.get(r.item.category) ?? []
    list.push(...r.turns.map((t) => t.ms))
    out.set(r.item.category, list)
  }
  return out
}

export async function compareWithSearchBox(
  set = defaultArgs.set,
  corpus = defaultArgs.corpus,
): Promise<BaselineResult> {
  const items = parseSet(readFileSync(set, 'utf8'), set)
  const service = evalService(corpus)
  const box = createSearchBox(readCorpus(corpus))
  const options = { documents: service.knowledge.documents }
  const citable: Asker = (request) => ask(service, request)
  const searchBox: Asker = async ({ question }) => box.answer(question)
  // one untimed pass each, so neither pays for the JIT in its first category
  await runSet(items, citable, options)
  await runSet(items, searchBox, options)
  const ours = await runSet(items, citable, options)
  const theirs = await runSet(items, searchBox, options)

  const a = summarise(ours)
  const b = summarise(theirs)
  const aMs = msByCategory(ours)
  const bMs = msByCategory(theirs)
  const share = (t?: { right: number; total: number }) => (t?.total ? t.right / t.total : 0)
  const categories = Object.keys(a.categories)
    .sort()
    .map((category) => ({
      category,
      turns: a.categories[category]!.total,
      citable: share(a.categories[category]),
      searchBox: share(b.categories[category]),
      citableMs: median(aMs.get(category) ?? []),
      searchBoxMs: median(bMs.get(category) ?? []),
    }))
  return {
    set,
    corpus,
    items: items.length,
    documents: service.knowledge.documents.size,
    categories,
    overall: {
      turns: a.turns.total,
      citable: share(a.turns),
      searchBox: share(b.turns),
      citableMs: median([...aMs.values()].flat()),
      searchBoxMs: median([...bMs.values()].flat()),
    },
    abstention: { precision: a.precision, recall: a.recall },
  }
}
