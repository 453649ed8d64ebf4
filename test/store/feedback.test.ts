/** answerId on every answer, POST /api/feedback, Slack's feedback buttons, and the question log with its switch. */
import { describe, expect, it } from 'vitest'
import { feedbackButtons } from '../../src/channels/slack/interactions'
import { recordsOf } from '../../src/http/answered'
import { signedHeaders } from '../slack/helpers'
import { storeApp } from './helpers'

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

async function expectError(res: Response, status: number, code: string, message: string) {
  expect(res.status).toBe(status)
  expect(await res.json()).toEqual({ error: { code, message } })
}

describe('POST /api/feedback', () => {
  it('keeps feedback with the question, the answer, its citations and the reason', async () => {
    const { app, store, deps } = await storeApp()
    const res = await app.request(
      '/api/answer',
      post({ question: 'How many pilots did MOHURD run?' }),
    )
    const answer = (await res.json()) as {
      answerId: string
      answer: string
      citations: unknown[]
      reason?: string
    }
    expect(answer.answerId).toMatch(/^[a-f0-9]{20}$/)
    const ok = await app.request(
      '/api/feedback',
      post({ answerId: answer.answerId, helpful: false, comment: ' Too short ' }),
    )
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ ok: true })
    const [kept] = await store.unhelpful(10)
    expect(kept).toEqual({
      answerId: answer.answerId,
      at: expect.any(Number),
      helpful: false,
      comment: 'Too short',
      channel: 'api',
      question: 'How many pilots did MOHURD run?',
      answer: answer.answer,
      citations: answer.citations,
      reason: answer.reason,
    })
    // the log has the answer too, with what the owner's page needs
    await recordsOf(deps).settled()
    expect(await store.findAnswer(answer.answerId)).toMatchObject({
      channel: 'api',
      abstained: false,
      kind: 'fact',
    })
  })

  it('refuses feedback it cannot keep with clear 4xx errors', async () => {
    const { app } = await storeApp()
    await expectError(
      await app.request('/api/feedback', post({ answerId: 'nosuchanswer', helpful: true })),
      404,
      'not_found',
      'no answer "nosuchanswer" (answers are kept for feedback for a while only)',
    )
    await expectError(
      await app.request('/api/feedback', post({ helpful: true })),
      400,
      'invalid_feedback',
      'answerId is required',
    )
    await expectError(
      await app.request('/api/feedback', post({ answerId: 'x', helpful: 'yes' })),
      400,
      'invalid_feedback',
      'helpful must be true or false',
    )
    await expectError(
      await app.request('/api/feedback', post({ answerId: '<script>', helpful: true })),
      400,
      'invalid_feedback',
      'answerId must be the answerId of an answer',
    )
    await expectError(
      await app.request('/api/feedback', post('[')),
      400,
      'invalid_json',
      'the body is not valid JSON',
    )
    await expectError(
      await app.request('/api/feedback', { method: 'POST', body: 'helpful' }),
      415,
      'unsupported_media_type',
      'the body must be JSON, sent with Content-Type: application/json',
    )
  })

  it('answers 503 where there is no store', async () => {
    const { app } = await storeApp({}, { store: undefined })
    const { answerId } = (await (await app.request('/api/answer?q=hello')).json()) as {
      answerId: string
    }
    await expectError(
      await app.request('/api/feedback', post({ answerId, helpful: true })),
      503,
      'not_configured',
      'feedback is not kept here: there is no store',
    )
  })
})

describe('the question log', () => {
  it('logs each question with its channel, intent, kind, abstention, reason, confidence and latency', async () => {
    const { app, store, deps } = await storeApp()
    const { answerId } = (await (
      await app.request('/api/answer?q=What+is+the+capital+of+France%3F')
    ).json()) as {
      answerId: string
    }
    await recordsOf(deps).settled()
    expect(await store.findAnswer(answerId)).toEqual({
      answerId,
      at: expect.any(Number),
      channel: 'api',
      question: 'What is the capital of France?',
      answer: "The articles don't say.",
      citations: [],
      intent: expect.any(String),
      kind: 'none',
      abstained: true,
      reason: 'unknown name: France',
      confidence: expect.any(Number),
      latencyMs: expect.any(Number),
    })
  })

  it('keeps nothing with QUESTION_LOG=off, yet takes feedback on a recent answer', async () => {
    const { app, store, deps } = await storeApp({
      questionLog: { enabled: false, retentionDays: 30 },
    })
    const { answerId } = (await (await app.request('/api/answer?q=Who+won+the+cup%3F')).json()) as {
      answerId: string
    }
    await recordsOf(deps).settled()
    expect(await store.findAnswer(answerId)).toBeUndefined()
    expect(await store.refusals(0, 10)).toEqual([])
    expect((await app.request('/api/feedback', post({ answerId, helpful: false }))).status).toBe(
      200,
    )
    expect((await store.unhelpful(10)).map((f) => f.question)).toEqual(['Who won the cup?'])
  })

  it('drops entries older than LOG_RETENTION_DAYS', async () => {
    const now = Date.UTC(2026, 5, 30)
    const { app, store, service, deps } = await storeApp({
      questionLog: { enabled: true, retentionDays: 7 },
    })
    service.now = () => now
    await store.logAnswer({
      answerId: 'old',
      at: now - 8 * 86_400_000,
      channel: 'api',
      question: 'q',
      answer: 'a',
      citations: [],
      kind: 'none',
      abstained: true,
      confidence: 0,
      latencyMs: 0,
    })
    await app.request('/api/answer?q=hello')
    await recordsOf(deps).settled()
    expect(await store.findAnswer('old')).toBeUndefined()
  })
})

describe('POST /slack/interactions', () => {
  const click = (action: string, answerId: string) => {
    const payload = JSON.stringify({
      type: 'block_actions',
      actions: [{ action_id: action, value: answerId }],
    })
    const body = new URLSearchParams({ payload }).toString()
    return { method: 'POST', headers: signedHeaders(body, 'form'), body }
  }

  it('stores a click on "Not helpful" for the answer in the button, and nothing about who clicked', async () => {
    const { app, store } = await storeApp()
    const { answerId } = (await (
      await app.request('/api/answer?q=How+many+pilots+did+MOHURD+run%3F')
    ).json()) as {
      answerId: string
    }
    const [, unhelpful] = feedbackButtons(answerId).elements
    expect(unhelpful).toMatchObject({ action_id: 'citable_unhelpful', value: answerId })
    const res = await app.request('/slack/interactions', click('citable_unhelpful', answerId))
    expect(res.status).toBe(200)
    const [kept] = await store.unhelpful(10)
    expect(kept?.answerId).toBe(answerId)
    expect(JSON.stringify(kept)).not.toMatch(/U0\w+|user/)
  })

  it('refuses an unsigned click with 401 and keeps nothing', async () => {
    const { app, store } = await storeApp()
    const request = click('citable_unhelpful', 'whatever')
    const res = await app.request('/slack/interactions', {
      ...request,
      headers: { ...request.headers, 'x-slack-signature': 'v0=00' },
    })
    expect(res.status).toBe(401)
    expect(await store.unhelpful(10)).toEqual([])
  })

  it('refuses a body that is not an interaction payload with 400', async () => {
    const { app } = await storeApp()
    const body = 'payload=%7Bnot+json'
    await expectError(
      await app.request('/slack/interactions', {
        method: 'POST',
        headers: signedHeaders(body, 'form'),
        body,
      }),
      400,
      'bad_request',
      'the body is not a Slack interaction payload',
    )
  })
})
