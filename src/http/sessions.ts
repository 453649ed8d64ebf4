/**
 * Sessions stay in the channel that made them. The JSON API keys a client's session id as
 * `api:<id>`, and a browser's (a request with an Origin, the widget) as `widget:<origin>:<id>`,
 * so neither reaches the other's conversations, another origin's, or a Slack or webhook one
 * (`slack-...` and `hook-...` keys, which never hold a colon). The client sees its own id.
 */
import type { Context } from 'hono'
import { type AskRequest, type AskResult, ask, type Service } from '../core/conversation/ask'

/** 128 random bits as 32 hex digits, from Web Crypto (Node and Workers alike): not guessable */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let id = ''
  for (const b of bytes) id += b.toString(16).padStart(2, '0')
  return id
}

// an origin is scheme://host[:port]; anything else a client sends as Origin shares one namespace
const originPattern = /^https?:\/\/[A-Za-z0-9.\-[\]:]{1,253}$/

/** the key prefix of the channel a request comes from: a browser page's origin, or the bare API */
export function sessionScope(c: Context): string {
  const origin = c.req.header('Origin')
  if (origin === undefined) return 'api:'
  return `widget:${originPattern.test(origin) ? origin.toLowerCase() : 'null'}:`
}

/** one turn for the JSON API: the session is looked up in this channel's namespace only */
export async function askInChannel(
  c: Context,
  service: Service,
  request: AskRequest,
): Promise<AskResult> {
  const scope = sessionScope(c)
  // a first turn gets an id made here, so the service never sees an unscoped one
  const scoped: Service = { ...service, newId: () => scope + newSessionId() }
  const result = await ask(scoped, {
    question: request.question,
    sessionId: request.sessionId === undefined ? undefined : scope + request.sessionId,
  })
  return { ...result, sessionId: result.sessionId.slice(scope.length) }
}
