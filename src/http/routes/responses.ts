/** The OpenAPI responses of the JSON API: a JSON body with named examples, and the errors each route sends. */
import type { ZodType } from 'zod'
import { type HttpErrorCode, httpErrors } from '../errors'
import { type Examples, errorExamples } from './examples'
import { errorSchema } from './schemas'

/** a JSON response with its named examples */
export function json(schema: ZodType, description: string, examples?: Examples) {
  return { description, content: { 'application/json': { schema, ...(examples && { examples }) } } }
}

/** one status of error, naming the codes it is sent with */
function refusal(codes: HttpErrorCode[], description: string, examples?: Examples) {
  const list = codes.map((c) => `\`${c}\``).join(', ')
  return { [httpErrors[codes[0]!]]: json(errorSchema, `${description} (${list})`, examples) }
}

const rateLimited = refusal(
  ['rate_limited'],
  'too many answer requests from this client; `Retry-After` says how many seconds to wait',
)
const internal = refusal(['internal'], 'a fault of the service, with the request id to report')

/** the error responses of each route of the API */
export const errorResponses = {
  post: {
    ...refusal(
      ['invalid_question', 'invalid_session', 'invalid_json', 'bad_request'],
      'not a question the service can take',
      errorExamples.body,
    ),
    ...refusal(['payload_too_large'], 'the body is over 16 KiB'),
    ...refusal(['unsupported_media_type'], 'the body is not sent as `application/json`'),
    ...rateLimited,
    ...internal,
  },
  get: {
    ...refusal(
      ['invalid_question', 'invalid_session'],
      'not a question the service can take',
      errorExamples.query,
    ),
    ...rateLimited,
    ...internal,
  },
  document: refusal(['not_found'], 'no such document', errorExamples.document),
}
