/** Conversations on the Worker: turns sent as separate requests share one Durable Object session; idle ones expire. */
import { describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

interface StoredSession {
  turns: number
  lastQuestion?: string
}

interface SessionStub {
  read(): Promise<StoredSession | undefined>
}

/** the session as its Durable Object holds it, read over RPC */
async function storedSession(worker: ReturnType<typeof useWorker>, id: string) {
  const namespace = await worker.local.mf.getDurableObjectNamespace('SESSIONS')
  // the JSON API keeps its sessions under api:<id> (src/http/sessions.ts)
  const stub = namespace.get(namespace.idFromName(`api:${id}`)) as unknown as SessionStub
  const state = await stub.read()
  return state && { turns: state.turns, lastQuestion: state.lastQuestion }
}

describe('sessions on the Worker', () => {
  const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0' })

  it('reads a follow-up against the first turn although each arrives as a separate request', async () => {
    const first = await worker.post('/api/answer', { question: 'How many pilots did MOHURD run?' })
    const { sessionId, value } = (await first.json()) as { sessionId: string; value?: number }
    expect(value).toBe(286)
    expect((await storedSession(worker, sessionId))?.turns).toBe(1)

    const second = await worker.post('/api/answer', { question: 'And the NDRC?', sessionId })
    expect(second.status).toBe(200)
    const followUp = (await second.json()) as { sessionId: string; value?: number }
    expect(followUp.sessionId).toBe(sessionId)
    expect(followUp.value).toBe(80)
    expect((await storedSession(worker, sessionId))?.turns).toBe(2)
  })

  it('cannot read a follow-up without the turn before it', async () => {
    const alone = await worker.post('/api/answer', { question: 'And the NDRC?' })
    expect(((await alone.json()) as { abstained: boolean }).abstained).toBe(true)
  })

  it('keeps conversations apart: another session id starts afresh', async () => {
    await worker.post('/api/answer', { question: 'Who is Walter Fang?', sessionId: 'conv-a' })
    await worker.post('/api/answer', { question: 'Where did he speak?', sessionId: 'conv-a' })
    await worker.post('/api/answer', { question: 'Where did he speak?', sessionId: 'conv-b' })
    expect((await storedSession(worker, 'conv-a'))?.turns).toBe(2)
    expect((await storedSession(worker, 'conv-b'))?.turns).toBe(1)
  })

  it('refuses a malformed session id with 400', async () => {
    const response = await worker.post('/api/answer', { question: 'Hi', sessionId: 'no spaces' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_session',
        message: 'sessionId must match ^[A-Za-z0-9_-]{1,128}$',
      },
    })
  })
})

describe('idle sessions on the Worker', () => {
  const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0', SESSION_IDLE_SECONDS: '1' })

  it('forgets a conversation idle longer than SESSION_IDLE_SECONDS', async () => {
    await worker.post('/api/answer', { question: 'Who is Walter Fang?', sessionId: 'idle' })
    expect((await storedSession(worker, 'idle'))?.turns).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(await storedSession(worker, 'idle')).toBeUndefined()
    await worker.post('/api/answer', { question: 'Where did he speak?', sessionId: 'idle' })
    expect((await storedSession(worker, 'idle'))?.turns).toBe(1)
  })
})
