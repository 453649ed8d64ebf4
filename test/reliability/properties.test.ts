/** Property tests over every route: random and adversarial input never gives a 5xx, always the documented shape, never HTML back. */
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testApp, testService } from '../http/helpers'
import { adversarialString, echoedTags, sessionish, wellFormed } from './inputs'
import { allText, checkAnswer, readChecked } from './shapes'

// the issue asks for at least 1,000 runs per property; app.request() keeps each run in-process
const runs = { numRuns: 1000 }
const timeout = 180_000

const { app } = testApp()
const knowledge = testService().knowledge

const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      undefined,
    ),
  },
)

/** a request body: a JSON value, an answer request with odd fields, or text that is not JSON */
const answerBody = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.jsonValue().map((v) => ({ raw: JSON.stringify(v) ?? '', input: '' })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          question: fc.oneof({ weight: 5, arbitrary: adversarialString }, fc.jsonValue()),
          sessionId: sessionish,
          extra: fc.jsonValue(),
        },
        { requiredKeys: ['question'] },
      )
      .map((body) => ({ raw: JSON.stringify(body), input: allText(body) })),
  },
  { weight: 1, arbitrary: adversarialString.map((s) => ({ raw: s, input: s })) },
)

/** checks a /api/answer response: an answer for a valid request, else an error; no HTML echoed */
async function checkAnswerResponse(res: Response, input: string, sessionId?: unknown) {
  const { status, body, text } = await readChecked(res)
  expect(echoedTags(input, text)).toEqual([])
  if (status !== 200) return
  const answer = checkAnswer(body, knowledge)
  if (typeof sessionId === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(sessionId))
    expect(answer.sessionId).toBe(sessionId)
}

const slackSecret = 'test-signing-secret'
function slackHeaders(body: string, signed: boolean, type: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000))
  const signature = signed
    ? `v0=${createHmac('sha256', slackSecret).update(`v0:${ts}:${body}`).digest('hex')}`
    : 'v0=0000'
  return {
    'Content-Type': type,
    'X-Slack-Request-Timestamp': ts,
    'X-Slack-Signature': signature,
  }
}

describe('every route under random input', () => {
  it(
    'POST /api/answer: an answer or a 4xx error, never HTML back',
    async () => {
      await fc.assert(
        fc.asyncProperty(answerBody, contentTypes, async ({ raw, input }, type) => {
          const headers: Record<string, string> = type ? { 'Content-Type': type } : {}
          const res = await app.request('/api/answer', { method: 'POST', headers, body: raw })
          const sent = (() => {
            try {
              return JSON.parse(raw)?.sessionId
            } catch {
              return undefined
            }
          })()
          await checkAnswerResponse(res, input, sent)
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'GET /api/answer: an answer or a 4xx error, never HTML back',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.option(adversarialString, { nil: undefined }),
          fc.option(
            sessionish.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
            { nil: undefined },
          ),
          async (q, sessionId) => {
            const params = new URLSearchParams()
            if (q !== undefined) params.set('q', wellFormed(q))
            if (sessionId !== undefined) params.set('sessionId', wellFormed(sessionId))
            const res = await app.request(`/api/answer?${params}`)
            await checkAnswerResponse(res, q ?? '', sessionId)
          },
        ),
        runs,
      )
    },
    timeout,
  )

  it(
    'GET /api/documents/:docId: a document or a 4xx error',
    async () => {
      const ids = fc.oneof(fc.constantFrom(...knowledge.documents.keys()), adversarialString)
      await fc.assert(
        fc.asyncProperty(ids, async (id) => {
          const res = await app.request(`/api/documents/${encodeURIComponent(wellFormed(id))}`)
          const { status, body } = await readChecked(res)
          if (status === 200) expect(body).toEqual(knowledge.documents.get(wellFormed(id)))
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'POST /slack/commands: signed or not, a reply or a 4xx error, never HTML back',
    async () => {
      const form = fc.record({
        text: adversarialString,
        user_id: fc.oneof(fc.constant('U123'), adversarialString),
        channel_id: fc.oneof(fc.constant('C123'), adversarialString),
        team_id: fc.oneof(fc.constant('T123'), adversarialString),
        command: fc.constantFrom('/citable', '/ask'),
      })
      await fc.assert(
        fc.asyncProperty(form, fc.boolean(), async (fields, signed) => {
          const body = new URLSearchParams(
            Object.entries(fields).map(([k, v]) => [k, wellFormed(v)]),
          ).toString()
          const headers = slackHeaders(body, signed, 'application/x-www-form-urlencoded')
          const res = await app.request('/slack/commands', { method: 'POST', headers, body })
          const { text } = await readChecked(res)
          expect(echoedTags(fields.text, text)).toEqual([])
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'POST /slack/events: signed or not, a reply or a 4xx error',
    async () => {
      const event = fc.oneof(
        fc.jsonValue(),
        fc.record({
          type: fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited'),
          challenge: adversarialString,
          event_id: fc.string(),
          team_id: fc.constant('T123'),
          event: fc.record({
            type: fc.constantFrom('app_mention', 'message'),
            channel_type: fc.constantFrom('im', 'channel'),
            text: adversarialString,
            user: fc.constant('U123'),
            channel: fc.constant('D123'),
            ts: fc.constant('1700000000.000100'),
          }),
        }),
      )
      await fc.assert(
        fc.asyncProperty(event, fc.boolean(), async (value, signed) => {
          const body = JSON.stringify(value) ?? ''
          const headers = slackHeaders(body, signed, 'application/json')
          await readChecked(await app.request('/slack/events', { method: 'POST', headers, body }))
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'POST /hooks/outgoing: {"text"} for the right token, else a 4xx error; never HTML back',
    async () => {
      const fields = fc.record({
        token: fc.oneof(fc.constant('test-webhook-token'), adversarialString),
        text: adversarialString,
        trigger_word: fc.option(adversarialString, { nil: undefined }),
      })
      await fc.assert(
        fc.asyncProperty(fields, fc.boolean(), async (f, asJson) => {
          const clean = Object.fromEntries(
            Object.entries(f)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, wellFormed(v!)]),
          )
          const body = asJson ? JSON.stringify(clean) : new URLSearchParams(clean).toString()
          const type = asJson ? 'application/json' : 'application/x-www-form-urlencoded'
          const res = await app.request('/hooks/outgoing', {
            method: 'POST',
            headers: { 'Content-Type': type },
            body,
          })
          const { status, body: reply, text } = await readChecked(res)
          expect(echoedTags(f.text, text)).toEqual([])
          if (status === 200) expect(reply).toEqual({ text: expect.any(String) })
        }),
        runs,
      )
    },
    timeout,
  )

  it(
    'the pages and the script, and paths we do not serve: never a 5xx, errors in shape',
    async () => {
      const paths = fc.oneof(
        fc.constantFrom('/', '/widget.js', '/widget/demo.js', '/widget/page.css', '/healthz'),
        // percent-encoding that does not decode
        fc.constantFrom('/%', '/%ZZ', '/api/documents/%E0%A4%A', '/documents/%', '//api/answer'),
        fc.constantFrom(...knowledge.documents.keys()).map((id) => `/documents/${id}`),
        adversarialString.map((s) => `/${encodeURIComponent(wellFormed(s))}`),
        adversarialString.map((s) => `/documents/${encodeURIComponent(wellFormed(s))}`),
        adversarialString.map((s) => `/api/${encodeURIComponent(wellFormed(s))}`),
      )
      const query = fc.dictionary(
        fc.constantFrom('start', 'end', 'q', 'x'),
        fc.oneof(fc.nat().map(String), adversarialString.map(wellFormed)),
      )
      const method = fc.constantFrom(
        'GET',
        'GET',
        'HEAD',
        'POST',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
      )
      const accept = fc.constantFrom('text/html', 'application/json', '*/*', undefined)
      await fc.assert(
        fc.asyncProperty(paths, query, method, accept, async (path, q, m, a) => {
          const search = new URLSearchParams(q).toString()
          const res = await app.request(`${path}${search ? `?${search}` : ''}`, {
            method: m,
            headers: a ? { Accept: a } : {},
          })
          await readChecked(res)
        }),
        runs,
      )
    },
    timeout,
  )
})
