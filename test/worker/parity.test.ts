/** Node and the Worker give identical answers and citations to the same questions. */
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app'
import { nodeService } from '../../src/runtime/node/service'
import { useWorker } from './helpers'
import { parityQuestions } from './questions'

const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0' })
const questions = parityQuestions(40)

let node: ReturnType<typeof createApp>
beforeAll(() => {
  node = createApp({
    service: nodeService(),
    config: { allowedOrigins: [], rateLimitPerMinute: 0, slack: { apiBase: 'http://127.0.0.1:9' } },
  })
})

/** the answer minus what differs by design: the new session's id */
function comparable(body: Record<string, unknown>) {
  const { sessionId: _, ...rest } = body
  return rest
}

describe('parity between Node and the Worker', () => {
  it('asks at least 40 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40)
  })

  it.each(questions)('answers %j identically', async (question) => {
    const onNode = await node.request('/api/answer', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    })
    const onWorker = await worker.post('/api/answer', { question })
    expect(onWorker.status).toBe(onNode.status)
    expect(comparable(await onWorker.json())).toEqual(comparable(await onNode.json()))
  })
})
