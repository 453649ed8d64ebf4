/** Request limits checked before any route reads a body: its size, and JSON for the answer endpoint. */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../deps'
import { HttpError } from '../errors'

export interface BodyLimits {
  /** bytes for Slack and outgoing-webhook bodies (Slack sends long forms); defaults to 64 KiB */
  slack?: number
  /** bytes for every other body, /api/answer included; defaults to 16 KiB */
  other?: number
  /** bytes for an article sent to PUT /api/documents/:docId or the admin form; defaults to 1 MiB */
  articles?: number
}
const defaults: Required<BodyLimits> = { slack: 64 * 1024, other: 16 * 1024, articles: 1024 * 1024 }

const articlePaths = /^\/(?:api\/documents\/|admin\/articles$)/

const kib = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`)

function limitTo(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    // hono checks Content-Length when sent, else counts the bytes of a chunked body as they come
    onError: () => {
      throw new HttpError('payload_too_large', `the request body must be at most ${kib(maxSize)}`)
    },
  })
}

/** caps every request body; nothing past the cap is read */
export function limitBodies(options: BodyLimits = {}): MiddlewareHandler<AppEnv> {
  const { slack, other, articles } = { ...defaults, ...options }
  const slackLimit = limitTo(slack)
  const otherLimit = limitTo(other)
  const articleLimit = limitTo(articles)
  return (c, next) =>
    c.req.path.startsWith('/slack/') || c.req.path.startsWith('/hooks/')
      ? slackLimit(c, next)
      : articlePaths.test(c.req.path)
        ? articleLimit(c, next)
        : otherLimit(c, next)
}

/** POST /api/answer takes JSON only: a form or text body is refused before it is read */
export function requireJson(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const type = c.req.header('Content-Type') ?? ''
      const mediaType = type.split(';')[0]!.trim().toLowerCase()
      if (mediaType !== 'application/json')
        throw new HttpError(
          'unsupported_media_type',
          'the body must be JSON, sent with Content-Type: application/json',
        )
    }
    await next()
  }
}
