import { describe, expect, it } from 'vitest'
import { exampleQuestions } from '../../src/channels/examples'
import { footnoteText } from '../../src/channels/outgoing/format'
import { stripTrigger } from '../../src/channels/outgoing/routes'
import { escapeMrkdwn } from '../../src/channels/slack/text'
import { ask } from '../../src/core/conversation/ask'
import {
  answerable,
  config,
  hookToken,
  recordingSessions,
  sharedService,
  testApp,
  unanswerable,
} from './helpers'

type App = ReturnType<typeof testApp>['app']

function slackLegacy(app: App, fields: Record<string, string>) {
  return app.request('/hooks/outgoing', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: hookToken,
      team_id: 'T0001',
      channel_id: 'C0777',
      user_id: 'U0042',
      service_id: '123',
      ...fields,
    }).toString(),
  })
}

function mattermost(app: App, fields: Record<string, unknown>) {
  return app.request('/hooks/outgoing', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: hookToken,
      team_id: 'team1',
      channel_id: 'chan1',
      user_id: 'user1',
      post_id: 'post1',
      ...fields,
    }),
  })
}

const fresh = async (question: string) => ask(sharedService(), { question })

describe('POST /hooks/outgoing', () => {
  it('answers a Slack-legacy webhook with the answer and numbered footnotes', async () => {
    const { app } = testApp()
    const res = await slackLegacy(app, { text: `citable ${answerable}`, trigger_word: 'citable' })
    expect(res.status).toBe(200)
    const { text } = (await res.json()) as { text: string }
    const result = await fresh(answerable)
    expect(result.citations.length).toBeGreaterThan(0)
    const [answer, notes] = text.split('\n\n')
    expect(answer).toBe(escapeMrkdwn(result.answer))
    const first = result.citations[0]!
    expect(notes?.split('\n')[0]).toBe(
      `[1] “${escapeMrkdwn(first.quote)}” (${escapeMrkdwn(first.title)})`,
    )
    expect(
      sharedService().knowledge.documents.get(first.docId)?.text.slice(first.start, first.end),
    ).toBe(first.quote)
  })

  it('answers a Mattermost JSON webhook, stripping the trigger word', async () => {
    const { app } = testApp()
    const res = await mattermost(app, { text: `@citable: ${answerable}`, trigger_word: '@citable' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ text: footnoteText(await fresh(answerable), (t) => t) })
  })

  it('marks an abstention and lists no footnotes', async () => {
    const { app } = testApp()
    const res = await slackLegacy(app, { text: unanswerable })
    const { text } = (await res.json()) as { text: string }
    expect(text).toBe(`:grey_question: ${escapeMrkdwn((await fresh(unanswerable)).answer)}`)
  })

  it('answers the trigger word alone with usage', async () => {
    const { app } = testApp()
    const res = await slackLegacy(app, { text: 'citable', trigger_word: 'citable' })
    const { text } = (await res.json()) as { text: string }
    const examples = exampleQuestions(sharedService().knowledge, { limit: 3 })
    expect(examples.length).toBeGreaterThan(0)
    expect(text.split('\n')).toEqual([
      'Ask me a question about the news articles, for example:',
      ...examples.map((e) => `• citable ${e.question}`),
    ])
  })

  it('keeps one session per channel and user', async () => {
    const { service, ids } = recordingSessions(sharedService())
    const { app } = testApp({ service })
    await slackLegacy(app, { text: answerable })
    await mattermost(app, { text: answerable })
    await mattermost(app, { text: answerable, user_id: 'user2' })
    expect(ids).toEqual([
      'hook-T0001-C0777-U0042',
      'hook-team1-chan1-user1',
      'hook-team1-chan1-user2',
    ])
  })

  it('refuses a wrong token with 401', async () => {
    const { app } = testApp()
    const res = await slackLegacy(app, { token: 'guess', text: answerable })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'the token does not match OUTGOING_WEBHOOK_TOKEN' },
    })
  })

  it('refuses a missing token with 401', async () => {
    const { app } = testApp()
    const res = await mattermost(app, { token: undefined, text: answerable })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'the token does not match OUTGOING_WEBHOOK_TOKEN' },
    })
  })

  it('answers 503 when OUTGOING_WEBHOOK_TOKEN is unset', async () => {
    const { app } = testApp({ config: config({}, { outgoingWebhookToken: undefined }) })
    const res = await slackLegacy(app, { text: answerable })
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      error: {
        code: 'not_configured',
        message: 'outgoing webhooks are not configured: set OUTGOING_WEBHOOK_TOKEN',
      },
    })
  })

  it('refuses a body that is neither a form nor JSON with 415', async () => {
    const { app } = testApp()
    const res = await app.request('/hooks/outgoing', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: `token=${hookToken}`,
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toEqual({
      error: {
        code: 'unsupported_media_type',
        message: 'the body must be application/x-www-form-urlencoded or application/json',
      },
    })
  })

  it('refuses broken JSON with 400', async () => {
    const { app } = testApp()
    const res = await app.request('/hooks/outgoing', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"token":',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: { code: 'invalid_json', message: 'the body is not valid JSON' },
    })
  })
})

describe('stripTrigger', () => {
  it('drops the trigger word and the punctuation after it, in any case', () => {
    expect(stripTrigger('citable how many?', 'citable')).toBe('how many?')
    expect(stripTrigger('  Citable: how many?', 'citable')).toBe('how many?')
    expect(stripTrigger('@citable, how many?', '@citable')).toBe('how many?')
  })

  it('leaves text that does not start with the trigger word', () => {
    expect(stripTrigger('how many citable things?', 'citable')).toBe('how many citable things?')
    expect(stripTrigger(' how many? ', undefined)).toBe('how many?')
  })
})
