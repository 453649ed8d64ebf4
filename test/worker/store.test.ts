/** The store on the Worker: the same migrations on a local D1, answers logged, feedback kept, /admin, and no article writes. */
import { beforeAll, describe, expect, it } from 'vitest'
import { readMigrations, statements } from '../../src/runtime/node/store/migrate'
import { useWorker } from './helpers'

const adminToken = 'worker-admin-token-0123456789'
const auth = { authorization: `Bearer ${adminToken}` }
const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0', ADMIN_TOKEN: adminToken })

/** what `wrangler d1 migrations apply` does, on Miniflare's in-memory D1 */
beforeAll(async () => {
  const db = await worker.local.mf.getD1Database('DB')
  for (const migration of readMigrations())
    await db.batch(statements(migration.sql).map((sql) => db.prepare(sql)))
})

async function rows(sql: string) {
  const db = await worker.local.mf.getD1Database('DB')
  return (await db.prepare(sql).all()).results as Record<string, unknown>[]
}

/** the log is written after the response, in waitUntil: wait for it */
async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waited 10 s and the condition never held')
    await new Promise((done) => setTimeout(done, 25))
  }
}

describe('the store on D1', () => {
  it('logs each answer and keeps feedback on it', async () => {
    const res = await worker.post('/api/answer', { question: 'What is the capital of France?' })
    const { answerId } = (await res.json()) as { answerId: string }
    expect(answerId).toMatch(/^[a-f0-9]{20}$/)
    await until(async () => (await rows('SELECT answer_id FROM question_log')).length > 0)
    expect(await rows('SELECT channel, question, abstained, kind FROM question_log')).toEqual([
      { channel: 'api', question: 'What is the capital of France?', abstained: 1, kind: 'none' },
    ])
    const feedback = await worker.post('/api/feedback', {
      answerId,
      helpful: false,
      comment: 'on D1',
    })
    expect(feedback.status).toBe(200)
    expect(await rows('SELECT answer_id, helpful, comment FROM feedback')).toEqual([
      { answer_id: answerId, helpful: 0, comment: 'on D1' },
    ])
  })

  it('shows the owner page with the refused question', async () => {
    const page = await (await worker.fetch('/admin', { headers: auth })).text()
    expect(page).toContain('<p class="q">What is the capital of France?</p>')
    expect(page).toContain('“on D1”')
    // the articles are the deployed pack's, and cannot be changed here
    expect(page).toContain('<a href="/documents/china-smart-cities">china-smart-cities</a>')
    expect(page).not.toContain('action="/admin/articles')
  })

  it('refuses article writes with 503: the corpus is the deployed pack', async () => {
    const res = await worker.fetch('/api/documents/x', {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/markdown' },
      body: '# X\n\nText.',
    })
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      error: {
        code: 'not_configured',
        message:
          'articles cannot be changed here: this service answers from the pack it was deployed with',
      },
    })
  })
})
