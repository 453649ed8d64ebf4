/** The shared example questions, asked over HTTP through the app as a user would, each scored by the evaluator. */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreReply } from '../../scripts/eval/match'
import { parseSet } from '../../scripts/eval/schema'
import { createApp } from '../../src/http/app'
import { seedService } from '../corpora'

// the project's copy of the examples (ex-*) in the labelled set; CI also has ../shared beside the clone
const shared = '../shared/examples/questions.jsonl'
const items = existsSync(shared)
  ? readFileSync(shared, 'utf8')
      .trim()
      .split('\n')
      .map((line, i) => ({ id: `ex-${i + 1}`, ...JSON.parse(line) }))
  : parseSet(readFileSync('test/eval/questions.jsonl', 'utf8'), 'questions.jsonl').filter((i) =>
      i.id.startsWith('ex-'),
    )

const app = createApp({
  service: seedService(),
  config: { allowedOrigins: [], rateLimitPerMinute: 0, slack: { apiBase: 'http://127.0.0.1:9' } },
})

async function post(question: string, sessionId: string) {
  const res = await app.request('/api/answer', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question, sessionId }),
  })
  expect(res.status).toBe(200)
  return res.json()
}

describe('the shared examples over HTTP', () => {
  it('has examples to ask', () => {
    expect(items.length).toBeGreaterThanOrEqual(17)
  })

  for (const item of items) {
    it(`answers ${item.id}: ${item.turns.join(' / ')}`, async () => {
      for (const [turn, question] of (item.turns as string[]).entries()) {
        const reply = await post(question, `examples-${item.id}`)
        const score = scoreReply(item.expect[turn], reply)
        expect(score.failures, `${question} -> ${reply.answer}`).toEqual([])
      }
    })
  }
})
