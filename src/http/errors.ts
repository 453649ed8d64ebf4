/** The contract's JSON error shape, the one table of HTTP error codes, and the mapping of anything thrown to it. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export const httpErrors = {
  bad_request: 400,
  invalid_json: 400,
  invalid_question: 400,
  invalid_session: 400,
  invalid_document: 400,
  invalid_feedback: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  not_configured: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type HttpErrorCode = keyof typeof httpErrors

export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export function errorResponse(
  c: Context,
  code: HttpErrorCode,
  message: string,
  headers: Record<string, string> = {},
) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v)
  return c.json({ error: { code, message } }, httpErrors[code])
}

// the first code of the table with a status stands for hono's own HTTPExceptions of that status
const codeByStatus = new Map<number, HttpErrorCode>()
for (const [code, status] of Object.entries(httpErrors) as [HttpErrorCode, number][])
  if (!codeByStatus.has(status)) codeByStatus.set(status, code)

/** an HttpError for what a handler threw, or undefined when it is our own fault (a 500) */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error
  if (error instanceof HTTPException && error.status < 500) {
    // a hono middleware refused the request: keep its status, in our shape
    const code = codeByStatus.get(error.status) ?? 'bad_request'
    return new HttpError(code, error.message || `the request was refused (${error.status})`)
  }
  return undefined
}
