/** GET /openapi.json: every route and error code of the contract, and each documented example true of the live app. */
import { describe, expect, it } from 'vitest'
import { httpErrors } from '../../src/http/errors'
import { answerResponseSchema, documentSchema, healthSchema } from '../../src/http/routes/schemas'
import { testApp } from './helpers'

interface Example {
  value: unknown
}
interface Operation {
  parameters?: { name: string; in: 'query' | 'path'; examples?: Record<string, Example> }[]
  requestBody?: { content: Record<string, { examples?: Record<string, Example> }> }
  responses: Record<string, { content?: Record<string, { examples?: Record<string, Example> }> }>
}

const { app } = testApp()
const document = (await (await app.request('/openapi.json')).json()) as {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Record<string, unknown>> }
}

/** the request an example names: its parameters filled in, its body sent as JSON */
function requestFor(
  path: string,
  method: string,
  op: Operation,
  name: string,
): [string, RequestInit] {
  let url = path
  const query = new URLSearchParams()
  for (const p of op.parameters ?? []) {
    const example = p.examples?.[name]
    if (!example) continue
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(example.value)))
    else query.set(p.name, String(example.value))
  }
  if (query.size > 0) url += `?${query}`
  const body = op.requestBody?.content['application/json']?.examples?.[name]
  const init: RequestInit = { method: method.toUpperCase() }
  if (body) {
    init.headers = { 'content-type': 'application/json' }
    init.body = JSON.stringify(body.value)
  }
  return [url, init]
}

// the wording, confidence and suggestions of an answer are the core's to change; what it answers and cites is not
const cited = (body: Record<string, unknown>) => ({
  abstained: body.abstained,
  kind: body.kind,
  value: body.value,
  citations: (body.citations as Record<string, unknown>[]).map(({ docId, quote, start, end }) => ({
    docId,
    quote,
    start,
    end,
  })),
})

/** compares a reply with the documented example of the same name */
function expectLike(
  path: string,
  status: number,
  actual: Record<string, unknown>,
  example: Record<string, unknown>,
) {
  if (status >= 400) return expect(actual).toEqual(example)
  if (path === '/healthz') {
    healthSchema.parse(actual)
    return expect(Object.keys(actual)).toEqual(Object.keys(example))
  }
  if (path.startsWith('/api/documents/')) {
    documentSchema.parse(actual)
    return expect({ ...actual, text: '...' }).toEqual(example)
  }
  answerResponseSchema.parse(actual)
  expect(cited(actual)).toEqual(cited(example))
  // every field the example shows is sent; fields outside the contract may be added
  expect(Object.keys(actual)).toEqual(expect.arrayContaining(Object.keys(example)))
}

const examples = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).flatMap(([method, op]) =>
    Object.entries(op.responses).flatMap(([status, response]) =>
      Object.entries(response.content?.['application/json']?.examples ?? {}).map(
        ([name, example]) => ({ path, method, op, status: Number(status), name, example }),
      ),
    ),
  ),
)

describe('GET /openapi.json', () => {
  it('Should be an OpenAPI 3.1 document of every route of the contract', () => {
    expect(document.openapi).toBe('3.1.0')
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(routes.sort()).toEqual(
      [
        'GET /healthz',
        'POST /api/answer',
        'GET /api/answer',
        'GET /api/documents/{docId}',
        'POST /slack/commands',
        'POST /slack/events',
        'POST /hooks/outgoing',
        'GET /',
        'GET /widget.js',
        'GET /documents/{docId}',
      ].sort(),
    )
  })

  it('Should describe the request with the schema that validates it', () => {
    const request = document.components.schemas.AnswerRequest!
    expect(request.required).toEqual(['question'])
    expect(request.properties).toMatchObject({
      question: { type: 'string', minLength: 1, maxLength: 1000 },
      sessionId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
    })
    const answer = document.components.schemas.Answer!
    expect(answer.required).toEqual(
      expect.arrayContaining([
        'answer',
        'abstained',
        'kind',
        'confidence',
        'citations',
        'sessionId',
      ]),
    )
  })

  it('Should list every error code', () => {
    const error = document.components.schemas.Error as {
      properties: { error: { properties: { code: { enum: string[] } } } }
    }
    expect(error.properties.error.properties.code.enum).toEqual(Object.keys(httpErrors))
  })

  it('Should have an example for every outcome of the JSON API', () => {
    const named = (path: string, method: string) =>
      examples
        .filter((e) => e.path === path && e.method === method)
        .map((e) => `${e.status} ${e.name}`)
    expect(named('/api/answer', 'post').sort()).toEqual(
      [
        '200 pilots',
        '200 outOfScope',
        '400 missing',
        '400 empty',
        '400 notText',
        '400 badSession',
        '400 notObject',
      ].sort(),
    )
    expect(named('/api/answer', 'get').sort()).toEqual(
      ['200 pilots', '200 emptySession', '400 missing', '400 empty', '400 badSession'].sort(),
    )
    expect(named('/api/documents/{docId}', 'get').sort()).toEqual(['200 seed', '404 unknown'])
    expect(named('/healthz', 'get')).toEqual(['200 ready'])
  })

  it.each(examples.map((e) => [`${e.method.toUpperCase()} ${e.path} ${e.name}`, e] as const))(
    'Should give what the example %s documents',
    async (_, { path, method, op, status, name, example }) => {
      const res = await app.request(...requestFor(path, method, op, name))
      expect(res.status).toBe(status)
      expectLike(path, status, await res.json(), example.value as Record<string, unknown>)
    },
  )

  it('Should compare a reply with its example for real', () => {
    const pilots = examples.find((e) => e.method === 'post' && e.name === 'pilots')!
    const example = pilots.example.value as Record<string, unknown>
    expect(() => expectLike('/api/answer', 200, { ...example, value: 287 }, example)).toThrow()
    const { unit: _, ...withoutUnit } = example
    expect(() => expectLike('/api/answer', 200, withoutUnit, example)).toThrow()
    // a field outside the contract (an answer id, say) is allowed
    expect(() =>
      expectLike('/api/answer', 200, { ...example, answerId: 'a1' }, example),
    ).not.toThrow()
  })
})
