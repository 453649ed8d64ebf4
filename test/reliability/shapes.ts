/** The documented response shapes, as zod schemas, and one check every response must pass. */
import { expect } from 'vitest'
import { z } from 'zod'
import type { Knowledge } from '../../src/core/knowledge/types'
import { httpErrors } from '../../src/http/errors'

export const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(httpErrors) as [keyof typeof httpErrors]),
    message: z.string().min(1),
  }),
})

const citation = z.object({
  docId: z.string().min(1),
  title: z.string().min(1),
  passageId: z.string().min(1),
  quote: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
})

/** the contract's POST /api/answer response */
export const answerShape = z.object({
  answer: z.string().min(1),
  abstained: z.boolean(),
  kind: z.enum(['fact', 'list', 'computed', 'passage', 'none']),
  value: z.union([z.number(), z.string(), z.array(z.string())]).optional(),
  unit: z.string().optional(),
  intent: z.string().optional(),
  confidence: z.number().min(0).max(1),
  citations: z.array(citation),
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  followUps: z.array(z.string()).optional(),
})

export type AnswerBody = z.infer<typeof answerShape>

/** every string anywhere in a JSON value, joined: what a client could end up showing */
export function allText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(allText).join('\n')
  if (value && typeof value === 'object') return Object.values(value).map(allText).join('\n')
  return ''
}

/** status < 500; an error is the contract's shape with the status its code stands for */
export async function readChecked(
  res: Response,
): Promise<{ status: number; body: unknown; text: string }> {
  expect(res.status).toBeLessThan(500)
  const text = await res.text()
  // a HEAD response has the headers of its GET and no body
  const isJson =
    (res.headers.get('Content-Type') ?? '').startsWith('application/json') && text !== ''
  const body = isJson ? JSON.parse(text) : undefined
  if (res.status >= 400 && isJson) {
    const error = errorShape.parse(body)
    expect(httpErrors[error.error.code]).toBe(res.status)
  }
  return { status: res.status, body, text }
}

/** an answer in the contract's shape whose citations are exact slices of their documents */
export function checkAnswer(body: unknown, knowledge: Knowledge): AnswerBody {
  const answer = answerShape.parse(body)
  if (!answer.abstained) expect(answer.citations.length).toBeGreaterThan(0)
  for (const c of answer.citations) {
    const doc = knowledge.documents.get(c.docId)
    expect(doc, `cited document ${c.docId}`).toBeDefined()
    expect(doc!.text.slice(c.start, c.end)).toBe(c.quote)
    expect(c.title).toBe(doc!.title)
  }
  // plain text: no tag at all, whatever the question held
  expect(allText({ ...answer, citations: [] })).not.toMatch(/<[A-Za-z]/)
  return answer
}
