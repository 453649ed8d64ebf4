/** Node and the Worker give identical answers and citations to the labelled set, one turn and several. */
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app'
import { nodeService } from '../../src/runtime/node/service'
import { seedCorpus } from '../corpora'
import { useWorker } from './helpers'
import { conversations, singleTurnQuestions } from './questions'

const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0' })
const questions = singleTurnQuestions(40)
const multiTurn = conversations(10)

let node: ReturnType<typeof createApp>
beforeAll(() => {
  node = createApp({
    service: nodeService({ corpus: seedCorpus }),
    config: { allowedOrigins: [], rateLimitPerMinute: 0, slack: { apiBase: 'http://127.0.0.1:9' } },
  })
})

function askNode(question: string, sessionId?: string) {
  return node.request('/api/answer', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question, sessionId }),
  })
}

/** the answer minus what differs by design: the new session's id and the answer's own id */
function comparable(body: Record<string, unknown>) {
  const { sessionId: _, answerId: __, ...rest } = body
  return rest
}

describe('parity between Node and the Worker', () => {
  it('asks 40 single-turn questions and 10 conversations of the labelled set', () => {
    expect(questions).toHaveLength(40)
    expect(multiTurn).toHaveLength(10)
  })

  it.each(questions)('answers %j identically', async (question) => {
    const onNode = await askNode(question)
    const onWorker = await worker.post('/api/answer', { question })
    expect(onWorker.status).toBe(onNode.status)
    expect(comparable(await onWorker.json())).toEqual(comparable(await onNode.json()))
  })

  // follow-ups read the session: Durable Object sessions must carry what memory sessions carry
  it.each(multiTurn)(
    'follows conversation $id identically, turn by turn',
    async ({ id, turns }) => {
      const sessionId = `parity-${id}`
      for (const question of turns) {
        const onNode = await askNode(question, sessionId)
        const onWorker = await worker.post('/api/answer', { question, sessionId })
        expect(comparable(await onWorker.json())).toEqual(comparable(await onNode.json()))
      }
    },
  )
})
