/** Outgoing webhooks, Slack-legacy (form) and Mattermost-style (JSON or form): token checked, answered with `{"text": ...}`. */
import { type Context, Hono } from 'hono'
import { answered } from '../../http/answered'
import type { AppDeps, AppEnv } from '../../http/deps'
import { HttpError } from '../../http/errors'
import { helpExamples } from '../slack/blocks'
import { constantTimeEqual } from '../slack/signature'
import {
  channelSessionId,
  escapeMrkdwn,
  maxQuestionLength,
  readRequest,
  slackToPlain,
} from '../slack/text'
import { footnoteText } from './format'

type Fields = Record<string, string | undefined>

async function readFields(c: Context<AppEnv>): Promise<Fields> {
  const type = c.req.header('content-type') ?? ''
  const raw = await c.req.text()
  if (/^application\/x-www-form-urlencoded\b/i.test(type))
    return Object.fromEntries(new URLSearchParams(raw))
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(
      'unsupported_media_type',
      'the body must be application/x-www-form-urlencoded or application/json',
    )
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw new HttpError('invalid_json', 'the body is not valid JSON')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError('bad_request', 'the body must be a JSON object')
  // only strings matter here (token, text, ids); anything else counts as absent
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
  )
}

/** the words after the trigger word ("citable: how many pilots?" -> "how many pilots?") */
export function stripTrigger(text: string, trigger: string | undefined): string {
  const t = trigger?.trim()
  if (!t || !text.trimStart().toLowerCase().startsWith(t.toLowerCase())) return text.trim()
  return text
    .trimStart()
    .slice(t.length)
    .replace(/^[\s:,]+/, '')
    .trim()
}

export function outgoingRoutes(deps: AppDeps) {
  const hooks = new Hono<AppEnv>()
  const expected = deps.config.outgoingWebhookToken

  // the app's body limit (src/http/middleware/limits.ts) caps this route's body at 64 KiB
  hooks.post('/hooks/outgoing', async (c) => {
    if (!expected)
      throw new HttpError(
        'not_configured',
        'outgoing webhooks are not configured: set OUTGOING_WEBHOOK_TOKEN',
      )
    const fields = await readFields(c)
    if (!constantTimeEqual(fields.token ?? '', expected))
      throw new HttpError('unauthorized', 'the token does not match OUTGOING_WEBHOOK_TOKEN')

    // Mattermost sends a post_id and plain Markdown; Slack escapes & < > and wraps mentions in <...>
    const slack = fields.post_id === undefined
    const typed = stripTrigger(fields.text ?? '', fields.trigger_word)
    const request = readRequest(slack ? slackToPlain(typed) : typed)
    const toMarkup = slack ? escapeMrkdwn : (text: string) => text

    if (request.kind === 'help') {
      const how = fields.trigger_word?.trim() ? `${fields.trigger_word.trim()} ` : ''
      const examples = helpExamples(deps.service.knowledge).map((q) => `• ${how}${q}`)
      return c.json({
        text: toMarkup(
          `Ask me a question about the news articles, for example:\n${examples.join('\n')}`,
        ),
      })
    }
    if (request.kind === 'too_long')
      return c.json({
        text: `A question can be at most ${maxQuestionLength} characters; this one has ${request.length}.`,
      })

    const sessionId = channelSessionId('hook', fields.team_id, fields.channel_id, fields.user_id)
    const result = await answered(deps, { question: request.question, sessionId }, 'outgoing')
    c.set('answer', result)
    c.set('questionLength', request.question.length)
    return c.json({ text: footnoteText(result, toMarkup) })
  })
  return hooks
}
