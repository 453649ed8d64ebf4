/**
 * The JSON API's zod schemas: the same objects validate each request and describe it in the OpenAPI
 * document (GET /openapi.json). Response schemas only describe; the core's types are what is sent.
 */
import { z } from '@hono/zod-openapi'
import { analysedLength } from '../../core/nlu/bound'
import { httpErrors } from '../errors'
import { answerQueryExamples, documentExamples } from './examples'

const sessionIdPattern = /^[A-Za-z0-9_-]{1,128}$/

/** a question named as the request names it (`question` in a body, `q` in a query string) */
function questionField(name: string) {
  return (
    z
      .string({
        error: (issue) =>
          `${name} ${issue.input === undefined ? 'is required' : 'must be a string'}`,
      })
      .trim()
      .min(1, `${name} must not be empty`)
      .max(1000, `${name} must be at most 1000 characters`)
      // the limit holds for the text that is analysed, after NFKC ("℁" becomes "a/s")
      .refine((q) => analysedLength(q) <= 1000, `${name} must be at most 1000 characters`)
  )
}

export const questionSchema = questionField('question').openapi({
  description: 'the question, 1 to 1000 characters after trimming',
  example: 'How many pilots did MOHURD run?',
})

export const sessionIdSchema = z
  .string({ error: 'sessionId must be a string' })
  .regex(sessionIdPattern, `sessionId must match ${sessionIdPattern.source}`)
  .openapi({
    description:
      'the conversation this turn belongs to; when absent a new one is made and returned',
    example: 'demo1',
  })

export const answerRequestSchema = z
  .object({ question: questionSchema, sessionId: sessionIdSchema.optional() })
  .openapi('AnswerRequest')

export const answerQuerySchema = z.object({
  q: questionField('q').openapi({
    description: 'the question, as in the JSON body',
    param: { examples: answerQueryExamples.q },
  }),
  // a link built from a form leaves the field empty rather than out: empty means absent
  sessionId: z
    .string({ error: 'sessionId must be a string' })
    .optional()
    .transform((id) => (id === '' ? undefined : id))
    .pipe(sessionIdSchema.optional())
    .openapi({
      description: 'the conversation; empty or absent starts a new one',
      pattern: sessionIdPattern.source,
      param: { examples: answerQueryExamples.sessionId },
    }),
})

export const docIdParamsSchema = z.object({
  docId: z.string().openapi({
    description: 'the file name of the article, without extension',
    param: { examples: documentExamples.params },
  }),
})

const citationSchema = z
  .object({
    docId: z.string(),
    title: z.string(),
    passageId: z.string(),
    quote: z.string().openapi({ description: 'exactly `text.slice(start, end)` of the document' }),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .openapi('Citation')

// loose: fields outside the contract (reason, and later ones) may be added without breaking a client
export const answerResponseSchema = z
  .looseObject({
    answer: z.string().openapi({ description: 'plain text, never HTML' }),
    abstained: z
      .boolean()
      .openapi({ description: 'true when the articles do not support an answer' }),
    kind: z.enum(['fact', 'list', 'computed', 'passage', 'none']),
    value: z.union([z.number(), z.string(), z.array(z.string())]).optional(),
    unit: z.string().optional(),
    intent: z.string().optional(),
    confidence: z.number().min(0).max(1),
    citations: z
      .array(citationSchema)
      .openapi({ description: 'what backs every claim of `answer`; empty only when abstained' }),
    followUps: z
      .array(z.string())
      .optional()
      .openapi({ description: 'next questions, each checked by answering it' }),
    reason: z
      .string()
      .optional()
      .openapi({ description: 'why the answer abstained, for logs; not part of the contract' }),
    sessionId: z.string(),
  })
  .openapi('Answer')

export const healthSchema = z
  .object({
    ok: z.literal(true),
    documents: z.number().int(),
    passages: z.number().int(),
    facts: z.number().int(),
  })
  .openapi('Health')

export const documentSchema = z
  .object({
    docId: z.string(),
    title: z.string(),
    author: z.string().optional(),
    published: z.string().optional(),
    source: z.string().optional(),
    text: z.string(),
  })
  .openapi('Document')

const errorCodes = Object.keys(httpErrors) as [
  keyof typeof httpErrors,
  ...(keyof typeof httpErrors)[],
]

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).openapi({ description: 'one code per HTTP status it is sent with' }),
      message: z.string().openapi({ description: 'what is wrong with the request, in words' }),
    }),
  })
  .openapi('Error')
