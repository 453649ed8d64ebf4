/** Sessions stay in their channel: the API cannot read or continue a webhook, Slack or other origin's conversation. */
import { describe, expect, it } from 'vitest'
import { newSessionId } from '../../src/http/sessions'
import { json, testApp } from './helpers'

const { app } = testApp()

interface Answered {
  answer: string
  abstained: boolean
  sessionId: string
  citations: { quote: string }[]
}

async function api(body: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await app.request('/api/answer', json(body, headers))
  expect(res.status).toBe(200)
  return (await res.json()) as Answered
}

/** a turn through the outgoing webhook, as team T0001's user U555 in channel C777 */
async function hook(text: string): Promise<string> {
  const res = await app.request('/hooks/outgoing', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: 'test-webhook-token',
      team_id: 'T0001',
      channel_id: 'C777',
      user_id: 'U555',
      text,
    }).toString(),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { text: string }).text
}

describe('sessions by channel', () => {
  it('does not let the API read or steer a webhook conversation by its derivable id', async () => {
    await hook('Who is Walter Fang?')
    const sessionless = await api({ question: 'source?' })
    const probe = await api({ question: 'source?', sessionId: 'hook-T0001-C777-U555' })
    // the API sees a conversation of its own under that name: no quote of the hook user's answer
    expect(probe.answer).toBe(sessionless.answer)
    expect(probe.citations).toEqual(sessionless.citations)
    expect(probe.sessionId).toBe('hook-T0001-C777-U555')
    await api({ question: 'How many pilots did MOHURD run?', sessionId: 'hook-T0001-C777-U555' })
    // the hook user's follow-up still means Walter Fang
    expect(await hook('where did he speak?')).toContain('Singapore')
  })

  it('continues an API conversation under the id the client named', async () => {
    const first = await api({ question: 'How many pilots did MOHURD run?', sessionId: 'demo1' })
    expect(first.sessionId).toBe('demo1')
    const next = await app.request('/api/answer?q=and+the+NDRC%3F&sessionId=demo1')
    const answer = (await next.json()) as Answered
    expect(answer.sessionId).toBe('demo1')
    expect(answer.answer).toMatch(/National Development and Reform Commission/)
  })

  it("keeps a widget's conversation to its origin", async () => {
    const page = { Origin: 'https://allowed.example' }
    const first = await api({ question: 'Who is Walter Fang?', sessionId: 'w1' }, page)
    expect(first.abstained).toBe(false)
    const same = await api({ question: 'where did he speak?', sessionId: 'w1' }, page)
    expect(same.answer).toContain('Singapore')
    const fresh = await api({ question: 'where did he speak?' })
    for (const other of [{ Origin: 'https://other.example' }, {}] as Record<string, string>[]) {
      const probe = await api({ question: 'where did he speak?', sessionId: 'w1' }, other)
      expect(probe.answer).toBe(fresh.answer)
    }
  })

  it('makes session ids of 128 random bits', async () => {
    const { sessionId } = await api({ question: 'How many pilots did MOHURD run?' })
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/)
    const ids = new Set(Array.from({ length: 1000 }, newSessionId))
    expect(ids.size).toBe(1000)
  })
})
