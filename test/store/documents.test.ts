/** PUT, DELETE and GET /api/documents: the owner's token, clear refusals, and articles answered at once. */
import { beforeAll, describe, expect, it } from 'vitest'
import { adminToken, bearer, fixture, storeApp } from './helpers'

type App = Awaited<ReturnType<typeof storeApp>>['app']

async function expectError(res: Response, status: number, code: string, message: string) {
  expect(res.status).toBe(status)
  expect(await res.json()).toEqual({ error: { code, message } })
}

const markdown = (body: string, token = adminToken): RequestInit => ({
  method: 'PUT',
  headers: { ...bearer(token), 'content-type': 'text/markdown; charset=utf-8' },
  body,
})

const ask = async (app: App, q: string) =>
  (await (await app.request(`/api/answer?q=${encodeURIComponent(q)}`)).json()) as {
    abstained: boolean
    answer: string
    citations: { docId: string }[]
    answerId: string
  }

describe('the owner routes without ADMIN_TOKEN', () => {
  it('answer 503 not_configured, whatever token is sent', async () => {
    const { app } = await storeApp({ adminToken: undefined })
    const message = "the owner's routes are not configured: set ADMIN_TOKEN"
    await expectError(
      await app.request('/api/documents/x', markdown('# T\n\nText.')),
      503,
      'not_configured',
      message,
    )
    await expectError(
      await app.request('/api/documents/x', { method: 'DELETE', headers: bearer() }),
      503,
      'not_configured',
      message,
    )
    await expectError(await app.request('/api/documents'), 503, 'not_configured', message)
    await expectError(await app.request('/admin'), 503, 'not_configured', message)
    await expectError(
      await app.request('/admin', { headers: bearer() }),
      503,
      'not_configured',
      message,
    )
    // reading one document stays open to anyone
    expect((await app.request('/api/documents/china-smart-cities')).status).toBe(200)
  })
})

describe('/api/documents', () => {
  let app: App
  beforeAll(async () => {
    ;({ app } = await storeApp())
  })

  it('refuses a missing or wrong token with 401', async () => {
    await expectError(
      await app.request('/api/documents'),
      401,
      'unauthorized',
      'send the admin token as Authorization: Bearer <ADMIN_TOKEN>',
    )
    const wrong = await app.request(
      '/api/documents/x',
      markdown('# T\n\nText.', 'not-the-token-at-all'),
    )
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="citable"')
    await expectError(wrong, 401, 'unauthorized', 'the admin token is wrong')
    // nothing was added
    expect((await app.request('/api/documents/x')).status).toBe(404)
  })

  it('adds a markdown article, answers from it at once, and lists it with its counts', async () => {
    expect((await ask(app, 'How many TEU did Kestrel Bay handle?')).abstained).toBe(true)
    const res = await app.request(
      '/api/documents/kestrel-bay-port',
      markdown(fixture('kestrel-bay-port')),
    )
    expect(res.status).toBe(201)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ docId: 'kestrel-bay-port', created: true, revision: 2 })
    expect(body.passages).toBeGreaterThan(5)
    expect(body.facts).toBeGreaterThan(5)

    const answer = await ask(app, 'How many TEU did Kestrel Bay handle?')
    expect(answer.abstained).toBe(false)
    expect(answer.citations[0]?.docId).toBe('kestrel-bay-port')

    const list = (await (await app.request('/api/documents', { headers: bearer() })).json()) as {
      documents: { docId: string; passages: number; facts: number }[]
    }
    expect(list.documents.map((d) => d.docId)).toEqual(['china-smart-cities', 'kestrel-bay-port'])
    expect(list.documents[1]).toMatchObject({ passages: body.passages, facts: body.facts })
  })

  it('replaces an article with 200 and takes JSON fields', async () => {
    const res = await app.request('/api/documents/kestrel-bay-port', {
      method: 'PUT',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Kestrel Bay in brief',
        text: 'Kestrel Bay Port handled 9 million TEU in 2023.\n',
        author: 'A. Writer',
        published: '2024-02-01',
      }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      docId: 'kestrel-bay-port',
      created: false,
      revision: 3,
    })
    expect(await (await app.request('/api/documents/kestrel-bay-port')).json()).toEqual({
      docId: 'kestrel-bay-port',
      title: 'Kestrel Bay in brief',
      text: 'Kestrel Bay Port handled 9 million TEU in 2023.',
      author: 'A. Writer',
      published: '2024-02-01',
    })
  })

  it('refuses bad articles with 4xx and keeps the corpus as it was', async () => {
    const put = (docId: string, init: RequestInit) => app.request(`/api/documents/${docId}`, init)
    const json = (body: unknown): RequestInit => ({
      method: 'PUT',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    await expectError(
      await put('Bad%20Id', markdown('# T\n\nText.')),
      400,
      'invalid_document',
      'docId must be 1 to 128 lower-case letters, digits, "-" or "_", not starting or ending with "-"',
    )
    await expectError(
      await put('x', markdown('just text, no title')),
      400,
      'invalid_document',
      'the article: no title: add "title:" front matter or a "# " heading',
    )
    await expectError(
      await put('x', markdown('---\ntitle: [unclosed\n---\nText.')),
      400,
      'invalid_document',
      expect.stringMatching(/^the article: bad front matter \(/) as unknown as string,
    )
    await expectError(
      await put('x', markdown('# Only a title\n')),
      400,
      'invalid_document',
      'the article: the article is empty',
    )
    await expectError(
      await put('x', json({ text: 'Text.' })),
      400,
      'invalid_document',
      'title is required',
    )
    await expectError(
      await put('x', json({ title: 'A\nB', text: 'T' })),
      400,
      'invalid_document',
      'title must be one line',
    )
    await expectError(await put('x', json('{')), 400, 'invalid_json', 'the body is not valid JSON')
    await expectError(
      await put('x', {
        method: 'PUT',
        headers: { ...bearer(), 'content-type': 'text/html' },
        body: '<p>',
      }),
      415,
      'unsupported_media_type',
      'send the article as text/markdown (front matter, then the article) or application/json {title, text, author?, published?, source?}',
    )
    expect((await app.request('/api/documents/x')).status).toBe(404)
  })

  it('takes an article larger than the 16 KiB answer limit, up to 1 MiB', async () => {
    const long = `# A long article\n\n${'The Harbour Board met again on Tuesday. '.repeat(600)}`
    expect(long.length).toBeGreaterThan(16 * 1024)
    expect((await app.request('/api/documents/long-one', markdown(long))).status).toBe(201)
    await expectError(
      await app.request('/api/documents/too-long', markdown('x'.repeat(1024 * 1024 + 1))),
      413,
      'payload_too_large',
      'the request body must be at most 1024 KiB',
    )
  })

  it('removes an article: 200, then 404; answers no longer cite it', async () => {
    const res = await app.request('/api/documents/long-one', {
      method: 'DELETE',
      headers: bearer(),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ docId: 'long-one', removed: true })
    await expectError(
      await app.request('/api/documents/long-one', { method: 'DELETE', headers: bearer() }),
      404,
      'not_found',
      'no document "long-one"',
    )
    expect((await app.request('/api/documents/long-one')).status).toBe(404)
  })

  it('refuses to remove the last article with 409', async () => {
    const { app: alone } = await storeApp()
    await expectError(
      await alone.request('/api/documents/china-smart-cities', {
        method: 'DELETE',
        headers: bearer(),
      }),
      409,
      'conflict',
      'the last article cannot be removed: the service needs one to answer from',
    )
  })
})

describe('/api/documents without a living corpus (Workers)', () => {
  it('answers 503 for the write routes, saying the corpus is the deployed pack', async () => {
    const { app } = await storeApp({}, { corpus: undefined })
    await expectError(
      await app.request('/api/documents/x', markdown('# T\n\nText.')),
      503,
      'not_configured',
      'articles cannot be changed here: this service answers from the pack it was deployed with',
    )
  })
})
