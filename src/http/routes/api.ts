/** The JSON API: health, answers (POST and GET), documents, and the OpenAPI document that describes them. */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { answered } from '../answered'
import type { AppDeps, AppEnv } from '../deps'
import { HttpError } from '../errors'
import { askInChannel, sessionScope } from '../sessions'
import { answerExamples, documentExamples, healthExample } from './examples'
import { describeOtherRoutes, openApiInfo } from './openapi'
import { errorResponses, json } from './responses'
import {
  answerQuerySchema,
  answerRequestSchema,
  answerResponseSchema,
  docIdParamsSchema,
  documentSchema,
  healthSchema,
} from './schemas'

export { questionSchema, sessionIdSchema } from './schemas'

/** the first problem of a request becomes a 400 that names the field as the request named it */
export function requestError(error: z.ZodError, input?: unknown, fields: string[] = []): HttpError {
  const issue = error.issues[0]!
  const field = issue.path[0]
  if (field === undefined)
    return new HttpError('bad_request', 'the body must be a JSON object with a "question"')
  const code = field === 'sessionId' ? 'invalid_session' : 'invalid_question'
  // a missing field beside one this route does not read ("q" in a body, "question" in a query)
  const unread = Object.keys(input && typeof input === 'object' ? input : {}).find(
    (k) => !fields.includes(k),
  )
  if (issue.code === 'invalid_type' && issue.input === undefined && unread !== undefined)
    return new HttpError(code, `${issue.message} (${unread} is not read here)`)
  return new HttpError(code, issue.message)
}

/** the fields each kind of request has, for naming one it does not */
const fieldsOf: Record<string, string[]> = {
  json: Object.keys(answerRequestSchema.shape),
  query: Object.keys(answerQuerySchema.shape),
}

/** reads the JSON body once (the validator reuses it), so bad JSON is told apart from a bad field */
const readJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    await c.req.json()
  } catch {
    throw new HttpError('invalid_json', 'the body is not valid JSON')
  }
  await next()
}

const health = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Ready to answer',
  responses: { 200: json(healthSchema, 'the corpus is indexed', healthExample) },
})

const postAnswer = createRoute({
  method: 'post',
  path: '/api/answer',
  summary: 'Answer a question',
  description:
    'A turn of a conversation: send the `sessionId` of the previous answer back for follow-ups.',
  middleware: [readJson],
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: answerRequestSchema,
          examples: answerExamples.post.requests,
        },
      },
    },
  },
  responses: {
    200: json(answerResponseSchema, 'the answer, or an abstention', answerExamples.post.answers),
    ...errorResponses.post,
  },
})

const getAnswer = createRoute({
  method: 'get',
  path: '/api/answer',
  summary: 'Answer a question (for links and curl)',
  request: { query: answerQuerySchema },
  responses: {
    200: json(answerResponseSchema, 'the answer, or an abstention', answerExamples.get.answers),
    ...errorResponses.get,
  },
})

const getDocument = createRoute({
  method: 'get',
  path: '/api/documents/{docId}',
  summary: 'One article of the corpus',
  description: "Every citation's `quote` is `text.slice(start, end)` of its document's `text`.",
  request: { params: docIdParamsSchema },
  responses: {
    200: json(documentSchema, 'the article', documentExamples.found),
    ...errorResponses.document,
  },
})

/** the question log's channel: a browser page (the widget) or the bare API */
const channelOf = (c: Context) => (sessionScope(c).startsWith('widget:') ? 'widget' : 'api')

export function apiRoutes(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return
      // @hono/zod-validator passes the input as `data` on failure too; its type leaves it out
      const { data } = result as { data?: unknown }
      throw requestError(result.error, data, fieldsOf[result.target])
    },
  })
  const { service } = deps

  api.openapi(health, (c) =>
    c.json(
      {
        ok: true as const,
        documents: service.knowledge.documents.size,
        passages: service.knowledge.passages.length,
        facts: service.knowledge.facts.length,
      },
      200,
    ),
  )

  api.openapi(postAnswer, async (c) => {
    const request = c.req.valid('json')
    c.set('questionLength', request.question.length)
    const result = await answered(deps, request, channelOf(c), (r) => askInChannel(c, service, r))
    c.set('answer', result)
    return c.json(result, 200)
  })

  api.openapi(getAnswer, async (c) => {
    const { q, sessionId } = c.req.valid('query')
    c.set('questionLength', q.length)
    const result = await answered(deps, { question: q, sessionId }, channelOf(c), (r) =>
      askInChannel(c, service, r),
    )
    c.set('answer', result)
    return c.json(result, 200)
  })

  api.openapi(getDocument, (c) => {
    const { docId } = c.req.valid('param')
    const doc = service.knowledge.documents.get(docId)
    if (!doc) throw new HttpError('not_found', `no document "${docId}"`)
    return c.json(doc, 200)
  })

  describeOtherRoutes(api.openAPIRegistry)
  let document: unknown
  api.get('/openapi.json', (c) => {
    document ??= api.getOpenAPI31Document(openApiInfo)
    return c.json(document)
  })

  return api
}
