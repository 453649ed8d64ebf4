/** The JSON API: health, answers (POST and GET) and documents. */
import { Hono } from 'hono'
import { z } from 'zod'
import { answered } from '../answered'
import type { AppDeps, AppEnv } from '../deps'
import { HttpError } from '../errors'

export const questionSchema = z
  .string({ error: 'question must be a string' })
  .trim()
  .min(1, 'question must not be empty')
  .max(1000, 'question must be at most 1000 characters')

export const sessionIdSchema = z
  .string({ error: 'sessionId must be a string' })
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'sessionId must match ^[A-Za-z0-9_-]{1,128}$')

const answerRequest = z.object({ question: questionSchema, sessionId: sessionIdSchema.optional() })

/** validates an answer request; the first problem becomes a 400 naming the field */
export function parseAnswerRequest(input: unknown): z.infer<typeof answerRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new HttpError('bad_request', 'the body must be a JSON object with a "question"')
  const parsed = answerRequest.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const field = String(issue.path[0] ?? 'body')
  const message =
    issue.code === 'invalid_type' && (input as Record<string, unknown>)[field] === undefined
      ? `${field} is required`
      : issue.message
  throw new HttpError(field === 'sessionId' ? 'invalid_session' : 'invalid_question', message)
}

export function apiRoutes(deps: AppDeps) {
  const api = new Hono<AppEnv>()
  const { service } = deps

  api.get('/healthz', (c) =>
    c.json({
      ok: true,
      documents: service.knowledge.documents.size,
      passages: service.knowledge.passages.length,
      facts: service.knowledge.facts.length,
    }),
  )

  api.post('/api/answer', async (c) => {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      throw new HttpError('invalid_json', 'the body is not valid JSON')
    }
    const request = parseAnswerRequest(body)
    c.set('questionLength', request.question.length)
    const result = await answered(deps, request, 'api')
    c.set('answer', result)
    return c.json(result)
  })

  api.get('/api/answer', async (c) => {
    const request = parseAnswerRequest({
      question: c.req.query('q'),
      sessionId: c.req.query('sessionId'),
    })
    c.set('questionLength', request.question.length)
    const result = await answered(deps, request, 'api')
    c.set('answer', result)
    return c.json(result)
  })

  api.get('/api/documents/:docId', (c) => {
    const doc = service.knowledge.documents.get(c.req.param('docId'))
    if (!doc) throw new HttpError('not_found', `no document "${c.req.param('docId')}"`)
    return c.json(doc)
  })

  return api
}
