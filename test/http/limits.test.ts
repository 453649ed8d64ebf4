/** Each request limit answers with the contract's error shape and its exact message. */
import { describe, expect, it } from 'vitest'
import { json, testApp } from './helpers'

const { app } = testApp()

async function expectError(res: Response, status: number, code: string, message: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  expect(await res.json()).toEqual({ error: { code, message } })
}

/** a body the client streams in chunks, with no Content-Length: hono must count as it reads */
function chunked(parts: string[]): RequestInit {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of parts) controller.enqueue(encoder.encode(p))
      controller.close()
    },
  })
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit
}

describe('body size', () => {
  it('refuses an /api/answer body over 16 KiB by its Content-Length, before reading it', async () => {
    // the declared length alone decides: the short body is never read
    const res = await app.request(
      '/api/answer',
      json({ question: 'hi' }, { 'Content-Length': String(16 * 1024 + 1) }),
    )
    await expectError(res, 413, 'payload_too_large', 'the request body must be at most 16 KiB')
  })

  it('refuses a chunked /api/answer body once it passes 16 KiB', async () => {
    const res = await app.request('/api/answer', chunked(Array(20).fill('x'.repeat(1024))))
    await expectError(res, 413, 'payload_too_large', 'the request body must be at most 16 KiB')
  })

  it('reads a chunked body under the cap', async () => {
    const res = await app.request('/api/answer', chunked(['{"question":', '"What is a pilot?"}']))
    expect(res.status).toBe(200)
  })

  it('lets Slack bodies reach 64 KiB but no further', async () => {
    const form = (n: number) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `text=${'a'.repeat(n)}`,
    })
    const under = await app.request('/slack/commands', form(40 * 1024))
    expect(under.status).not.toBe(413)
    const over = await app.request('/slack/commands', form(65 * 1024))
    await expectError(over, 413, 'payload_too_large', 'the request body must be at most 64 KiB')
    const hook = await app.request('/hooks/outgoing', form(65 * 1024))
    await expectError(hook, 413, 'payload_too_large', 'the request body must be at most 64 KiB')
  })
})

describe('question', () => {
  it('answers a question of 1000 characters after trimming', async () => {
    const res = await app.request('/api/answer', json({ question: `  ${'a'.repeat(1000)}\n ` }))
    expect(res.status).toBe(200)
  })

  it('refuses a question of 1001 characters', async () => {
    const res = await app.request('/api/answer', json({ question: 'a'.repeat(1001) }))
    await expectError(res, 400, 'invalid_question', 'question must be at most 1000 characters')
  })

  it('counts the length after NFKC, the text that is analysed', async () => {
    // U+2101 is one character as sent and three ("a/s") once normalised
    const expanding = await app.request('/api/answer', json({ question: '\u2101'.repeat(334) }))
    await expectError(
      expanding,
      400,
      'invalid_question',
      'question must be at most 1000 characters',
    )
    const fits = await app.request('/api/answer', json({ question: '\u2101'.repeat(333) }))
    expect(fits.status).toBe(200)
  })

  it('refuses a too long question on GET too', async () => {
    const res = await app.request(`/api/answer?q=${'a'.repeat(1001)}`)
    await expectError(res, 400, 'invalid_question', 'q must be at most 1000 characters')
  })

  it('refuses a missing, blank or non-string question', async () => {
    await expectError(
      await app.request('/api/answer', json({})),
      400,
      'invalid_question',
      'question is required',
    )
    await expectError(
      await app.request('/api/answer', json({ question: ' \n\t ' })),
      400,
      'invalid_question',
      'question must not be empty',
    )
    await expectError(
      await app.request('/api/answer', json({ question: 42 })),
      400,
      'invalid_question',
      'question must be a string',
    )
    await expectError(await app.request('/api/answer'), 400, 'invalid_question', 'q is required')
    await expectError(
      await app.request('/api/answer?question=hi'),
      400,
      'invalid_question',
      'q is required (question is not read here)',
    )
    await expectError(
      await app.request('/api/answer', json({ q: 'hi' })),
      400,
      'invalid_question',
      'question is required (q is not read here)',
    )
  })

  it('refuses a bad sessionId', async () => {
    const res = await app.request('/api/answer', json({ question: 'hi', sessionId: 'a b' }))
    await expectError(res, 400, 'invalid_session', 'sessionId must match ^[A-Za-z0-9_-]{1,128}$')
  })
})

describe('body format', () => {
  it('refuses a POST /api/answer that is not JSON with 415', async () => {
    const message = 'the body must be JSON, sent with Content-Type: application/json'
    const form = await app.request('/api/answer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'question=hi',
    })
    await expectError(form, 415, 'unsupported_media_type', message)
    const none = await app.request('/api/answer', { method: 'POST', body: '{"question":"hi"}' })
    await expectError(none, 415, 'unsupported_media_type', message)
  })

  it('accepts JSON with a charset', async () => {
    const res = await app.request(
      '/api/answer',
      json({ question: 'hi' }, { 'Content-Type': 'Application/JSON; charset=utf-8' }),
    )
    expect(res.status).toBe(200)
  })

  it('refuses bad JSON with 400', async () => {
    const res = await app.request('/api/answer', json('{"question": "hi"'))
    await expectError(res, 400, 'invalid_json', 'the body is not valid JSON')
  })

  it('refuses JSON that is not an object', async () => {
    const res = await app.request('/api/answer', json('["hi"]'))
    await expectError(res, 400, 'bad_request', 'the body must be a JSON object with a "question"')
  })
})

describe('routes and methods', () => {
  it('answers an unknown path with 404', async () => {
    await expectError(await app.request('/nope'), 404, 'not_found', 'no route for GET /nope')
  })

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await app.request('/api/answer', { method: 'DELETE' })
    expect(res.headers.get('Allow')).toBe('GET, HEAD, POST')
    await expectError(
      res,
      405,
      'method_not_allowed',
      'DELETE is not allowed on /api/answer; use GET, HEAD, POST',
    )
    const doc = await app.request('/api/documents/china-smart-cities', { method: 'POST' })
    expect(doc.headers.get('Allow')).toBe('DELETE, GET, HEAD, PUT')
    expect(doc.status).toBe(405)
  })

  it('answers a wrong method on a Slack route with 405 before checking any signature', async () => {
    for (const path of ['/slack/commands', '/slack/events']) {
      const res = await app.request(path)
      expect(res.headers.get('Allow')).toBe('POST')
      await expectError(res, 405, 'method_not_allowed', `GET is not allowed on ${path}; use POST`)
    }
    // a POST without a signature is still refused
    const unsigned = await app.request('/slack/commands', { method: 'POST', body: 'x=1' })
    expect(unsigned.status).toBe(401)
  })

  it('keeps a 404 for an unknown document, not 405', async () => {
    const res = await app.request('/api/documents/nope')
    await expectError(res, 404, 'not_found', 'no document "nope"')
  })
})
