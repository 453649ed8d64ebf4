import { describe, expect, it } from 'vitest'
import { exampleQuestions } from '../../src/channels/examples'
import { abstainedPrefix, answerMessage, type Block } from '../../src/channels/slack/blocks'
import type { AskResult } from '../../src/core/conversation/ask'
import { nodeService } from '../../src/runtime/node/service'
import { fixtureCorpus } from '../corpora'
import {
  answerable,
  recordingSessions,
  sharedService,
  signedHeaders,
  testApp,
  unanswerable,
} from './helpers'

interface SlackReply {
  response_type: string
  text: string
  blocks: Block[]
}

/** the texts of a block: one for a section, one per element for a context */
const texts = (block: Block | undefined) =>
  block === undefined
    ? []
    : block.type === 'section'
      ? [block.text.text]
      : block.type === 'actions'
        ? block.elements.map((e) => e.text.text)
        : block.elements.map((e) => e.text)

function commandBody(text: string, user = 'U0042', channel = 'C0777') {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    channel_id: channel,
    user_id: user,
    command: '/citable',
    text,
    response_url: 'https://hooks.slack.invalid/commands/1',
  }).toString()
}

async function command(
  app: ReturnType<typeof testApp>['app'],
  text: string,
  user?: string,
  channel?: string,
) {
  const body = commandBody(text, user, channel)
  const res = await app.request('/slack/commands', {
    method: 'POST',
    headers: signedHeaders(body, 'form'),
    body,
  })
  return { res, json: (await res.json()) as SlackReply }
}

const fromMrkdwn = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

describe('POST /slack/commands', () => {
  it('answers a question as an ephemeral section followed by numbered citations', async () => {
    const { app } = testApp()
    const { res, json } = await command(app, answerable)
    expect(res.status).toBe(200)
    expect(json.response_type).toBe('ephemeral')
    expect(json.blocks[0]?.type).toBe('section')
    expect(texts(json.blocks[0])).toEqual([json.text])
    expect(json.text.startsWith(abstainedPrefix)).toBe(false)

    expect(json.blocks[1]?.type).toBe('context')
    const first = /^1\. “([\s\S]+)” \((.+)\)$/.exec(texts(json.blocks[1])[0] ?? '')
    expect(first).not.toBeNull()
    const [, quote, title] = first!.map(fromMrkdwn)
    const doc = [...sharedService().knowledge.documents.values()].find((d) => d.title === title)
    expect(doc).toBeDefined()
    // the quote is a span of the article, exactly as the API's citation gives it
    const index = doc!.text.indexOf(quote!)
    expect(index).toBeGreaterThanOrEqual(0)
    expect(doc!.text.slice(index, index + quote!.length)).toBe(quote)
  })

  it('marks an abstention and cites nothing', async () => {
    const { app } = testApp()
    const { res, json } = await command(app, unanswerable)
    expect(res.status).toBe(200)
    expect(json.text.startsWith(`${abstainedPrefix} `)).toBe(true)
    expect(json.blocks.filter((b) => b.type === 'context')).toHaveLength(0)
  })

  for (const text of ['', '   ', 'help', 'HELP'])
    it(`answers ${JSON.stringify(text)} with usage and example questions`, async () => {
      const { app } = testApp()
      const { res, json } = await command(app, text)
      expect(res.status).toBe(200)
      expect(json.response_type).toBe('ephemeral')
      expect(json.text).toBe(
        'Ask me a question about the news articles, like `/citable your question`. ' +
          'I answer only from the articles and quote the sentences each answer comes from.',
      )
      const listed = texts(json.blocks[1])[0]!.split('\n').slice(1)
      expect(listed).toEqual(
        exampleQuestions(sharedService().knowledge, { limit: 3 }).map(
          (e) => `• /citable ${e.question}`,
        ),
      )
    })

  it("lists as examples questions the corpus answers, not the language files' utterances", async () => {
    const { app } = testApp()
    const { json } = await command(app, 'help')
    const questions = texts(json.blocks[1])[0]!
      .split('\n')
      .slice(1)
      .map((line) => line.replace('• /citable ', ''))
    expect(questions.length).toBeGreaterThan(0)
    const utterances = sharedService().knowledge.language.intents.flatMap((i) => i.utterances)
    for (const question of questions) {
      expect(utterances).not.toContain(question)
      const answer = await command(app, question)
      expect(answer.json.text.startsWith(abstainedPrefix)).toBe(false)
      expect(answer.json.blocks.some((b) => b.type === 'context')).toBe(true)
    }
  })

  it('takes its examples from every article of another corpus', async () => {
    const service = nodeService({ corpus: fixtureCorpus })
    const { app } = testApp({ service })
    const { json } = await command(app, 'help')
    const listed = texts(json.blocks[1])[0]!.split('\n').slice(1)
    const examples = exampleQuestions(service.knowledge, { limit: 3 })
    expect(new Set(examples.map((e) => e.docId)).size).toBe(3)
    expect(listed).toEqual(examples.map((e) => `• /citable ${e.question}`))
  })

  it('refuses a question over 1000 characters with a message, not an error', async () => {
    const { app } = testApp()
    const { res, json } = await command(app, 'why '.repeat(300))
    expect(res.status).toBe(200)
    expect(json.text).toBe(
      ':warning: A question can be at most 1000 characters; this one has 1199.',
    )
  })

  it('answers Slack’s ssl_check with an empty 200 and asks nothing', async () => {
    const { service, ids } = recordingSessions(sharedService())
    const { app } = testApp({ service })
    const body = 'ssl_check=1&token=legacy'
    const res = await app.request('/slack/commands', {
      method: 'POST',
      headers: signedHeaders(body, 'form'),
      body,
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
    expect(ids).toEqual([])
  })

  it('keeps one session per user and channel', async () => {
    const { service, ids } = recordingSessions(sharedService())
    const { app } = testApp({ service })
    await command(app, answerable, 'U1', 'C1')
    await command(app, 'and in 2015?', 'U1', 'C1')
    await command(app, answerable, 'U2', 'C1')
    await command(app, answerable, 'U1', 'C2')
    expect(ids).toEqual([
      'slack-T0001-C1-U1',
      'slack-T0001-C1-U1',
      'slack-T0001-C1-U2',
      'slack-T0001-C2-U1',
    ])
  })
})

describe('answerMessage', () => {
  const result: AskResult = {
    answer: 'Tom & Jerry <!channel> say > 3',
    abstained: false,
    kind: 'passage',
    confidence: 0.5,
    sessionId: 's',
    citations: [
      { docId: 'd', title: 'A <b> & C', passageId: 'd#p0', quote: '<@U1> & co', start: 0, end: 10 },
    ],
    followUps: ['And <then>?'],
  }

  it('escapes Slack markup in the answer, quotes, titles and follow-ups', () => {
    const message = answerMessage(result)
    expect(message.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Tom &amp; Jerry &lt;!channel&gt; say &gt; 3' },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '1. “&lt;@U1&gt; &amp; co” (A &lt;b&gt; &amp; C)' }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Try: “And &lt;then&gt;?”' }] },
    ])
  })

  it('keeps within 10 context elements however many citations there are', () => {
    const many = { ...result, citations: Array.from({ length: 14 }, () => result.citations[0]!) }
    const context = answerMessage(many).blocks[1]
    expect(context?.type === 'context' && context.elements.length).toBe(10)
  })
})
