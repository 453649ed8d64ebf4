/** Was this answer helpful? One feedback per answer, kept with the answer it is about. */
import { Hono } from 'hono'
import { z } from 'zod'
import { recordsOf } from '../answered'
import type { AppDeps, AppEnv } from '../deps'
import { HttpError } from '../errors'

export const feedbackRequest = z.object({
  answerId: z
    .string({ error: 'answerId must be a string' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'answerId must be the answerId of an answer'),
  helpful: z.boolean({ error: 'helpful must be true or false' }),
  comment: z
    .string({ error: 'comment must be a string' })
    .trim()
    .max(1000, 'comment must be at most 1000 characters')
    .optional(),
})

export function parseFeedback(input: unknown): z.infer<typeof feedbackRequest> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new HttpError(
      'invalid_feedback',
      'the body must be a JSON object with "answerId" and "helpful"',
    )
  const parsed = feedbackRequest.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const field = String(issue.path[0] ?? 'body')
  const missing =
    issue.code === 'invalid_type' && (input as Record<string, unknown>)[field] === undefined
  throw new HttpError('invalid_feedback', missing ? `${field} is required` : issue.message)
}

/** stores feedback; the channel's own errors (unknown answer, no store) as HttpErrors */
export async function storeFeedback(deps: AppDeps, input: z.infer<typeof feedbackRequest>) {
  const outcome = await recordsOf(deps).feedback({
    answerId: input.answerId,
    helpful: input.helpful,
    comment: input.comment || undefined,
    at: deps.service.now(),
  })
  if (outcome === 'no_store')
    throw new HttpError('not_configured', 'feedback is not kept here: there is no store')
  if (outcome === 'unknown_answer')
    throw new HttpError(
      'not_found',
      `no answer "${input.answerId}" (answers are kept for feedback for a while only)`,
    )
}

export function feedbackRoutes(deps: AppDeps) {
  const feedback = new Hono<AppEnv>()
  feedback.post('/api/feedback', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json')
      throw new HttpError(
        'unsupported_media_type',
        'the body must be JSON, sent with Content-Type: application/json',
      )
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      throw new HttpError('invalid_json', 'the body is not valid JSON')
    }
    await storeFeedback(deps, parseFeedback(body))
    return c.json({ ok: true })
  })
  return feedback
}
