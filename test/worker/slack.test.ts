/** Slack on the Worker: a signed slash command answered in workerd, and an event answered once however often Slack retries. */
import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

const secret = 'worker-signing-secret'

/** Slack's signature, computed here rather than by the code under test */
function signed(body: string, contentType: string, key = secret) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = createHmac('sha256', key).update(`v0:${timestamp}:${body}`).digest('hex')
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': `v0=${signature}`,
  }
}

// a stand-in Slack Web API on 127.0.0.1 that records chat.postMessage calls
const posted: { path: string; body: Record<string, unknown> }[] = []
const slackApi = createServer((req, res) => {
  let raw = ''
  req.on('data', (chunk) => {
    raw += chunk
  })
  req.on('end', () => {
    posted.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') })
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ ok: true, ts: '1700000999.000100' }))
  })
})
await new Promise<void>((resolve) => slackApi.listen(0, '127.0.0.1', resolve))
afterAll(() => new Promise<void>((resolve) => slackApi.close(() => resolve())))

const worker = useWorker({
  RATE_LIMIT_PER_MINUTE: '0',
  SLACK_SIGNING_SECRET: secret,
  SLACK_BOT_TOKEN: 'xoxb-worker-test',
  SLACK_API_BASE: `http://127.0.0.1:${(slackApi.address() as AddressInfo).port}/api`,
})

function slashCommand(text: string, key?: string) {
  const body = new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0777',
    user_id: 'U0042',
    command: '/citable',
    text,
  }).toString()
  const headers = signed(body, 'application/x-www-form-urlencoded', key)
  return worker.fetch('/slack/commands', { method: 'POST', headers, body })
}

describe('Slack on the Worker', () => {
  beforeAll(() => {
    posted.length = 0
  })

  it('answers a signed slash command with an ephemeral Block Kit answer and its citations', async () => {
    const response = await slashCommand('How much does Wuxi invest in smart cities per year?')
    expect(response.status).toBe(200)
    const reply = (await response.json()) as {
      response_type: string
      blocks: { type: string; elements?: { text: string }[] }[]
    }
    expect(reply.response_type).toBe('ephemeral')
    expect(reply.blocks[0]?.type).toBe('section')
    const context = reply.blocks.find((b) => b.type === 'context')
    expect(context?.elements?.some((e) => e.text.includes('Wuxi'))).toBe(true)
  })

  it('refuses a slash command signed with another secret with 401', async () => {
    const response = await slashCommand('How many pilots did MOHURD run?', 'not-the-secret')
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
  })

  it('answers an app_mention once in its thread although Slack delivers it three times', async () => {
    const envelope = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0001',
      event_id: 'Ev-worker-1',
      authorizations: [{ user_id: 'UBOT', is_bot: true }],
      event: {
        type: 'app_mention',
        user: 'U0042',
        text: '<@UBOT> How much does Wuxi invest in smart cities per year?',
        ts: '1700000000.000200',
        channel: 'C0777',
      },
    })
    for (const retry of [undefined, '1', '2']) {
      const headers = signed(envelope, 'application/json')
      const response = await worker.fetch('/slack/events', {
        method: 'POST',
        headers: retry ? { ...headers, 'x-slack-retry-num': retry } : headers,
        body: envelope,
      })
      expect(response.status).toBe(200)
    }
    // the reply runs in waitUntil after the ack: poll for it, then give a repeat time to show up
    const deadline = Date.now() + 5_000
    while (posted.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(posted).toHaveLength(1)
    expect(posted[0]?.path).toBe('/api/chat.postMessage')
    expect(posted[0]?.body).toMatchObject({ channel: 'C0777', thread_ts: '1700000000.000200' })
    // the event id is held by its Durable Object, shared by every isolate and location
    const dedupe = await worker.local.mf.getDurableObjectNamespace('DEDUPE')
    const stub = dedupe.get(dedupe.idFromName('event:Ev-worker-1')) as unknown as {
      claim(): Promise<boolean>
    }
    expect(await stub.claim()).toBe(false)
  })
})
