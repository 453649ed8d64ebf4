/** The own labelled set as a regression check: a floor a little under its figure (README, "Evaluation"). */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { summarise } from '../../scripts/eval/report'
import { runSet } from '../../scripts/eval/run'
import { parseSet } from '../../scripts/eval/schema'
import { evalService } from '../../scripts/eval/service'
import { ask } from '../../src/core/conversation/ask'

// all turns right 92.3% (422/457) when this floor was set
const floor = 90

describe('own labelled set', () => {
  it('keeps every turn of test/eval/questions.jsonl above its floor', async () => {
    const set = 'test/eval/questions.jsonl'
    const items = parseSet(readFileSync(set, 'utf8'), set)
    const service = evalService(['corpus', 'test/fixtures/corpus'])
    const results = await runSet(items, (request) => ask(service, request), {
      documents: service.knowledge.documents,
    })
    const { turns } = summarise(results)
    expect((100 * turns.right) / turns.total).toBeGreaterThanOrEqual(floor)
  }, 120_000)
})
