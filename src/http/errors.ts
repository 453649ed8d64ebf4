/** The contract's JSON error shape and the one table of HTTP error codes. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export const httpErrors = {
  bad_request: 400,
  invalid_json: 400,
  invalid_question: 400,
  invalid_session: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
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
