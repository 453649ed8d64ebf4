/**
 * The OpenAPI document's examples and error responses. An example of a request and one of a response
 * with the same name go together: test/http/openapi.test.ts sends each request to the app and checks
 * the reply against the response of that name. Answers are those of the seed article; a query or path
 * example is the value of each parameter that carries an example of that name.
 */
import type { HttpErrorCode } from '../errors'

export type Examples = Record<string, { summary?: string; value: unknown }>

const error = (code: HttpErrorCode, message: string) => ({ value: { error: { code, message } } })

const seed = {
  docId: 'china-smart-cities',
  title: 'World Reports: How China is Developing Sustainable Smart Cities',
}

const pilots = 'How many pilots did MOHURD run?'
const pilotsAnswer = {
  answer: 'The Ministry of Housing and Urban-Rural Development has 286 smart city pilots.',
  abstained: false,
  kind: 'fact',
  value: 286,
  unit: 'pilot',
  intent: 'count',
  confidence: 0.92,
  citations: [
    {
      ...seed,
      passageId: 'china-smart-cities#p19',
      quote: '286 smart city pilots of Ministry of Housing and Urban-Rural Development',
      start: 2405,
      end: 2477,
    },
  ],
  followUps: ['Who has the most pilots?'],
  sessionId: '76e556bc095c40f8a0af',
}
const outOfScope = 'What is the capital of France?'
const outOfScopeAnswer = {
  answer: "The articles don't say.",
  abstained: true,
  kind: 'none',
  intent: 'figure',
  confidence: 0.9,
  citations: [],
  reason: 'unknown name: France',
  sessionId: '4e1b2b460b9d47cab456',
}

export const answerExamples = {
  post: {
    requests: {
      pilots: { summary: 'a figure', value: { question: pilots } },
      outOfScope: { summary: 'nothing in the articles', value: { question: outOfScope } },
      missing: { summary: 'no question', value: { sessionId: 'demo1' } },
      empty: { summary: 'a blank question', value: { question: '  ' } },
      notText: { summary: 'a question that is not text', value: { question: 42 } },
      badSession: {
        summary: 'a malformed sessionId',
        value: { question: pilots, sessionId: 'a b' },
      },
      notObject: { summary: 'JSON that is not an object', value: [pilots] },
    } satisfies Examples,
    answers: {
      pilots: { value: pilotsAnswer },
      outOfScope: { value: outOfScopeAnswer },
    } satisfies Examples,
  },
  get: {
    answers: {
      pilots: { value: pilotsAnswer },
      emptySession: { summary: 'an empty sessionId is no sessionId', value: pilotsAnswer },
    } satisfies Examples,
  },
}

/** the examples of each query parameter of GET /api/answer, by example name */
export const answerQueryExamples = {
  q: {
    pilots: { value: pilots },
    emptySession: { value: pilots },
    empty: { value: '' },
    badSession: { value: pilots },
  },
  sessionId: { emptySession: { value: '' }, badSession: { value: 'a b' } },
}

export const healthExample: Examples = {
  ready: { value: { ok: true, documents: 1, passages: 35, facts: 28 } },
}

export const documentExamples = {
  params: { seed: { value: seed.docId }, unknown: { value: 'no-such-doc' } },
  found: {
    seed: {
      summary: 'the text is shortened here',
      value: {
        ...seed,
        author: 'Zia Askari',
        published: '2017-06',
        source: 'Smart Cities Spotlight',
        text: '...',
      },
    },
  } satisfies Examples,
}

export const errorExamples = {
  body: {
    missing: error('invalid_question', 'question is required'),
    empty: error('invalid_question', 'question must not be empty'),
    notText: error('invalid_question', 'question must be a string'),
    badSession: error('invalid_session', 'sessionId must match ^[A-Za-z0-9_-]{1,128}$'),
    notObject: error('bad_request', 'the body must be a JSON object with a "question"'),
  } satisfies Examples,
  query: {
    missing: error('invalid_question', 'q is required'),
    empty: error('invalid_question', 'q must not be empty'),
    badSession: error('invalid_session', 'sessionId must match ^[A-Za-z0-9_-]{1,128}$'),
  } satisfies Examples,
  document: { unknown: error('not_found', 'no document "no-such-doc"') } satisfies Examples,
}
