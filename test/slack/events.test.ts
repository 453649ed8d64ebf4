import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerMessage } from '../../src/channels/slack/blocks'
import { ask } from '../../src/core/conversation/ask'
import {
  answerable,
  botToken,
  config,
  mentionEnvelope,
  recordingSessions,
  sharedService,
  signedHeaders,
  startSlackStandIn,
  testApp,
} from './helpers'

let slack: Awaited<ReturnType<typeof startSlackStandIn>>
beforeAll(async () => {
  slack = await startSlackStandIn()
})
afterAll(() => slack.close())

/** an app talking to the stand-in, each test counting only its own calls */
function eventsApp(overrides: Parameters<typeof testApp>[0] = {}) {
  const before = slack.calls.length
  const t = testApp({ config: config({ apiBase: slack.apiBase }), ...overrides })
  const post = (payload: unknown, headers: Record<string, string> = {}) => {
    const body = JSON.stringify(payload)
    return t.app.request('/slack/events', {
      method: 'POST',
      headers: { ...signedHeaders(body, 'json'), ...headers },
      body,
    })
  }
  return { ...t, post, calls: () => slack.calls.slice(before) }
}

describe('POST /slack/events: url_verification', () => {
  it('echoes the challenge', async () => {
    const { post } = eventsApp()
    const res = await post({
      token: 't',
      type: 'url_verification',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    })
  })

  it('refuses a url_verification without a challenge with 400', async () => {
    const { post } = eventsApp()
    const res = await post({ type: 'url_verification' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'url_verification needs a "challenge" string' },
    })
  })

  it('refuses a signed body that is not JSON with 400', async () => {
    const { app } = eventsApp()
    const body = '{"type":'
    const res = await app.request('/slack/events', {
      method: 'POST',
      headers: signedHeaders(body, 'json'),
      body,
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: { code: 'invalid_json', message: 'the body is not valid JSON' },
    })
  })
})

describe('POST /slack/events: answering in the thread', () => {
  it('acknowledges an app_mention at once and answers it in its thread with the bot token', async () => {
    const { post, settle, calls } = eventsApp()
    const res = await post(
      mentionEnvelope({ eventId: 'Ev-a1', text: `<@UBOT> ${answerable}`, ts: '1700000001.000100' }),
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    await settle()

    expect(calls()).toHaveLength(1)
    const call = calls()[0]!
    // the answer's id rides in its feedback buttons
    const buttons = (call.body.blocks as { elements: { value?: string }[] }[]).at(-1)!
    const answerId = buttons.elements[0]!.value!
    const expected = answerMessage({
      ...(await ask(sharedService(), { question: answerable })),
      answerId,
    })
    expect(call.path).toBe('/api/chat.postMessage')
    expect(call.headers.authorization).toBe(`Bearer ${botToken}`)
    expect(call.headers['content-type']).toBe('application/json; charset=utf-8')
    // the mention is stripped: the reply is the answer to the bare question
    expect(call.body).toEqual({
      channel: 'C0777',
      thread_ts: '1700000001.000100',
      text: expected.text,
      blocks: expected.blocks,
    })
  })

  it('answers a retried event once, however often Slack sends it', async () => {
    const { post, settle, calls } = eventsApp()
    const envelope = mentionEnvelope({
      eventId: 'Ev-r1',
      text: `<@UBOT> ${answerable}`,
      ts: '1700000002.000100',
    })
    expect((await post(envelope)).status).toBe(200)
    for (const retry of ['1', '2', '3'])
      expect(
        (
          await post(envelope, {
            'x-slack-retry-num': retry,
            'x-slack-retry-reason': 'http_timeout',
          })
        ).status,
      ).toBe(200)
    await settle()
    expect(calls()).toHaveLength(1)
  })

  it('answers one message once when it comes as both app_mention and message.im', async () => {
    const { post, settle, calls } = eventsApp()
    const mention = mentionEnvelope({
      eventId: 'Ev-both-1',
      text: `<@UBOT> ${answerable}`,
      ts: '1700000010.000100',
      channel: 'D0002',
    })
    await post(mention)
    await post({
      ...mention,
      event_id: 'Ev-both-2',
      event: { ...mention.event, type: 'message', channel_type: 'im' },
    })
    await settle()
    expect(calls()).toHaveLength(1)
  })

  it('keeps the thread as the session: a reply in the thread continues it, another thread does not', async () => {
    const { service, ids } = recordingSessions(sharedService())
    const { post, settle, calls } = eventsApp({ service })
    await post(
      mentionEnvelope({ eventId: 'Ev-t1', text: `<@UBOT> ${answerable}`, ts: '1700000003.000100' }),
    )
    await post(
      mentionEnvelope({
        eventId: 'Ev-t2',
        text: '<@UBOT> and which ministry ran them?',
        ts: '1700000003.000200',
        threadTs: '1700000003.000100',
        user: 'U0043',
      }),
    )
    await post(
      mentionEnvelope({ eventId: 'Ev-t3', text: `<@UBOT> ${answerable}`, ts: '1700000004.000100' }),
    )
    await settle()
    expect(ids).toEqual([
      'slack-T0001-C0777-1700000003_000100',
      'slack-T0001-C0777-1700000003_000100',
      'slack-T0001-C0777-1700000004_000100',
    ])
    // replies are posted as each answer finishes, so their order is not the order of the events
    expect(
      calls()
        .map((c) => c.body.thread_ts)
        .sort(),
    ).toEqual(['1700000003.000100', '1700000003.000100', '1700000004.000100'])
  })

  it('answers a direct message (message.im)', async () => {
    const { post, settle, calls } = eventsApp()
    const envelope = mentionEnvelope({
      eventId: 'Ev-im1',
      text: answerable,
      ts: '1700000005.000100',
      channel: 'D0001',
    })
    await post({ ...envelope, event: { ...envelope.event, type: 'message', channel_type: 'im' } })
    await settle()
    expect(calls().map((c) => [c.body.channel, c.body.thread_ts])).toEqual([
      ['D0001', '1700000005.000100'],
    ])
  })

  it('answers a mention without a question with usage', async () => {
    const { post, settle, calls } = eventsApp()
    await post(mentionEnvelope({ eventId: 'Ev-h1', text: '<@UBOT>', ts: '1700000006.000100' }))
    await settle()
    expect(calls()[0]?.body.text).toBe(
      'Ask me a question about the news articles, like `@citable your question`. ' +
        'I answer only from the articles and quote the sentences each answer comes from.',
    )
  })
})

describe('POST /slack/events: what gets no reply', () => {
  const base = mentionEnvelope({ eventId: 'x', text: answerable, ts: '1700000007.000100' })
  const ignored = {
    'the bot’s own message': { ...base.event, type: 'message', channel_type: 'im', user: 'UBOT' },
    'a message with a bot_id': {
      ...base.event,
      type: 'message',
      channel_type: 'im',
      bot_id: 'B0001',
    },
    'a message_changed edit': {
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'D0001',
      ts: '1700000007.000300',
      message: { text: answerable, user: 'U0042', ts: '1700000007.000100' },
    },
    'a bot_message': { ...base.event, type: 'message', channel_type: 'im', subtype: 'bot_message' },
    'a message in a channel, not a mention': {
      ...base.event,
      type: 'message',
      channel_type: 'channel',
    },
  }

  for (const [name, event] of Object.entries(ignored))
    it(`ignores ${name}`, async () => {
      const { post, settle, calls, logs } = eventsApp()
      const res = await post({ ...base, event_id: `Ev-ignored-${name}`, event })
      expect(res.status).toBe(200)
      await settle()
      expect(calls()).toHaveLength(0)
      expect(logs.some((l) => l.slack === 'ignored')).toBe(true)
    })

  it('acknowledges events without SLACK_BOT_TOKEN and logs that replies are off', async () => {
    const { post, settle, calls, logs } = eventsApp({
      config: config({ apiBase: slack.apiBase, botToken: undefined }),
    })
    const res = await post(
      mentionEnvelope({
        eventId: 'Ev-nt1',
        text: `<@UBOT> ${answerable}`,
        ts: '1700000008.000100',
      }),
    )
    expect(res.status).toBe(200)
    await settle()
    expect(calls()).toHaveLength(0)
    expect(logs.map((l) => l.msg)).toContain(
      'SLACK_BOT_TOKEN is not set: replies to Slack events are off',
    )
  })

  it('logs a reply Slack refuses instead of failing the request', async () => {
    const refusing = await startSlackStandIn(() => ({ ok: false, error: 'channel_not_found' }))
    try {
      const { post, settle, logs } = eventsApp({ config: config({ apiBase: refusing.apiBase }) })
      const res = await post(
        mentionEnvelope({
          eventId: 'Ev-f1',
          text: `<@UBOT> ${answerable}`,
          ts: '1700000009.000100',
        }),
      )
      expect(res.status).toBe(200)
      await settle()
      expect(refusing.calls).toHaveLength(1)
      expect(logs.find((l) => l.slack === 'reply failed')?.error).toBe(
        'Error: chat.postMessage failed: channel_not_found',
      )
    } finally {
      await refusing.close()
    }
  })
})
