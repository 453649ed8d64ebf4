/** citable beside the search-box baseline on the labelled questions, scored by the same evaluator, per category. */
import { ask, type Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import type { Answer } from '../../src/core/types'
import { readLanguage } from '../../src/runtime/node/files'
import type { EvalKit } from './eval-kit'
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
  /** where the questions and the scorer came from */
  source: string
  documents: number
  categories: BaselineCategory[]
  overall: Omit<BaselineCategory, 'category'>
}

interface Tally {
  turns: number
  right: [number, number]
  ms: [number[], number[]]
}

export async function compareWithSearchBox(kit: EvalKit): Promise<BaselineResult> {
  const service: Service = {
    knowledge: loadPack(buildPack(kit.docs, readLanguage('intents'))),
    sessions: createMemoryStore(),
    newId: (() => {
      let n = 0
      return () => `b${n++}`
    })(),
    now: () => Date.now(),
  }
  const box = createSearchBox(kit.docs)
  const tallies = new Map<string, Tally>()
  // one warm pass so the first category does not pay for the JIT
  for (const c of kit.cases.slice(0, 20))
    for (const t of c.turns) await ask(service, { question: t })

  for (const c of kit.cases) {
    const ours: Answer[] = []
    const theirs: Answer[] = []
    const oursMs: number[] = []
    const theirsMs: number[] = []
    let sessionId: string | undefined
    for (const turn of c.turns) {
      let start = performance.now()
      const result = await ask(service, { question: turn, sessionId })
      oursMs.push(performance.now() - start)
      sessionId = result.sessionId
      ours.push(result)
      start = performance.now()
      theirs.push(box.answer(turn))
      theirsMs.push(performance.now() - start)
    }
    const a = kit.score(c, ours)
    const b = kit.score(c, theirs)
    const tally = tallies.get(c.category) ?? { turns: 0, right: [0, 0], ms: [[], []] }
    tally.turns += a.length
    tally.right[0] += a.filter(Boolean).length
    tally.right[1] += b.filter(Boolean).length
    tally.ms[0].push(...oursMs)
    tally.ms[1].push(...theirsMs)
    tallies.set(c.category, tally)
  }

  const summary = (t: Tally) => ({
    turns: t.turns,
    citable: t.right[0] / t.turns,
    searchBox: t.right[1] / t.turns,
    citableMs: median(t.ms[0]),
    searchBoxMs: median(t.ms[1]),
  })
  const all: Tally = { turns: 0, right: [0, 0], ms: [[], []] }
  for (const t of tallies.values()) {
    all.turns += t.turns
    all.right[0] += t.right[0]
    all.right[1] += t.right[1]
    all.ms[0].push(...t.ms[0])
    all.ms[1].push(...t.ms[1])
  }
  return {
    source: kit.source,
    documents: kit.docs.length,
    categories: [...tallies]
      .map(([category, t]) => ({ category, ...summary(t) }))
      .sort((x, y) => x.category.localeCompare(y.category)),
    overall: summary(all),
  }
}
