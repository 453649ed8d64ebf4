/** Browser source: one POST to /api/answer, and every way it can fail turned into a message a person can act on. */

/** the words the widget shows when no answer comes back; `{name}` is filled in by `fill` */
export const errorMessages = {
  unreachable:
    "Can't reach the answer service at {host}. It may be down, or this site may not be allowed to use it.",
  timeout: 'The answer service took too long to reply. Please try again.',
  rateLimited: 'Too many questions in a short time. Try again in {wait}.',
  rateLimitedNoWait: 'Too many questions in a short time. Please wait a minute and try again.',
  rejected: 'The service could not take that question: {detail}',
  failed: 'The answer service ran into a problem (HTTP {status}). Please try again in a moment.',
  unreadable: "The answer service sent a reply the widget can't read.",
}

export type ErrorMessage = keyof typeof errorMessages

/** the same filling as the browser's, for tests */
export function fill(name: ErrorMessage, values: Record<string, string> = {}): string {
  return errorMessages[name].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}

const browserMessages = String.raw`
var messages = ${JSON.stringify(errorMessages)}
function fill(name, values) {
  return messages[name].replace(/\{(\w+)\}/g, function (_, key) { return values && key in values ? String(values[key]) : '' })
}
`

export const transportSource =
  browserMessages +
  String.raw`
var TIMEOUT_MS = 30000

// Retry-After is either seconds or an HTTP date
function retryAfterSeconds(header) {
  if (!header) return undefined
  var value = header.trim()
  if (/^\d{1,9}$/.test(value)) return Math.max(1, parseInt(value, 10))
  var at = Date.parse(value)
  return isNaN(at) ? undefined : Math.max(1, Math.ceil((at - Date.now()) / 1000))
}

function isAnswer(body) {
  return !!body && typeof body === 'object' && typeof body.answer === 'string' &&
    typeof body.sessionId === 'string' && Array.isArray(body.citations)
}

// resolves to {answer} or {error, retry}; never rejects
async function askService(endpoint, question, sessionId) {
  var controller = new AbortController()
  var timer = setTimeout(function () { controller.abort() }, TIMEOUT_MS)
  try {
    var response = await fetch(endpoint + '/api/answer', {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(sessionId ? { question: question, sessionId: sessionId } : { question: question }),
      signal: controller.signal,
    })
    var body = await response.json().catch(function () { return null })
    if (response.ok) return isAnswer(body) ? { answer: body } : { error: fill('unreadable'), retry: true }
    if (response.status === 429) {
      var wait = retryAfterSeconds(response.headers.get('retry-after'))
      if (wait === undefined) return { error: fill('rateLimitedNoWait') }
      return { error: fill('rateLimited', { wait: wait === 1 ? '1 second' : wait + ' seconds' }) }
    }
    if (response.status >= 400 && response.status < 500) {
      var detail = body && body.error && typeof body.error.message === 'string'
        ? body.error.message : 'HTTP ' + response.status
      return { error: fill('rejected', { detail: detail }) }
    }
    return { error: fill('failed', { status: response.status }), retry: true }
  } catch (error) {
    if (controller.signal.aborted) return { error: fill('timeout'), retry: true }
    return { error: fill('unreachable', { host: new URL(endpoint).host }), retry: true }
  } finally {
    clearTimeout(timer)
  }
}
`
