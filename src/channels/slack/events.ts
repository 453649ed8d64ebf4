/** The Events API: the URL check, and mentions and direct messages acknowledged at once and answered in their thread. */
import type { Context } from 'hono'
import { answered } from '../../http/answered'
import type { AppDeps } from '../../http/deps'
import { HttpError } from '../../http/errors'
import { answerMessage, type SlackMessage, tooLongMessage, usageMessage } from './blocks'
import type { EventDedupe } from './dedupe'
import {
  type Answerable,
  botUserIds,
  type Envelope,
  envelopeSchema,
  ignoreReason,
  isAnswerable,
} from './envelope'
import type { SlackEnv } from './signed'
import { channelSessionId, readRequest, slackToPlain } from './text'
import { postMessage } from './web-api'

export const repliesOffMessage = 'SLACK_BOT_TOKEN is not set: replies to Slack events are off'

function parseEnvelope(raw: string): Envelope {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw new HttpError('invalid_json', 'the body is not valid JSON')
  }
  const parsed = envelopeSchema.safeParse(body)
  if (!parsed.success)
    throw new HttpError('bad_request', 'the body is not a Slack Events API envelope')
  return parsed.data
}

/** what to say to one message: usage, a refusal for length, or the answer */
async function replyFor(
  deps: AppDeps,
  envelope: Envelope,
  event: Answerable,
): Promise<SlackMessage> {
  const { knowledge } = deps.service
  const request = readRequest(slackToPlain(event.text, botUserIds(envelope)))
  if (request.kind === 'help')
    return usageMessage(knowledge, event.type === 'app_mention' ? '@citable' : '')
  if (request.kind === 'too_long') return tooLongMessage(request.length)
  // the thread is the conversation: every message in it continues one session
  const thread = event.thread_ts ?? event.ts
  const sessionId = channelSessionId('slack', envelope.team_id, event.channel, thread)
  const result = await answered(deps, { question: request.question, sessionId }, 'slack')
  deps.log?.({
    level: 'info',
    slack: 'answered',
    eventId: envelope.event_id,
    intent: result.intent,
    abstained: result.abstained,
  })
  return answerMessage(result)
}

async function answerInThread(deps: AppDeps, token: string, envelope: Envelope, event: Answerable) {
  const message = await replyFor(deps, envelope, event)
  await postMessage(
    { apiBase: deps.config.slack.apiBase, token, fetch: deps.fetch ?? fetch },
    { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...message },
  )
}

export async function handleEvent(c: Context<SlackEnv>, deps: AppDeps, dedupe: EventDedupe) {
  const envelope = parseEnvelope(c.get('rawBody'))
  const requestId = c.get('requestId')
  if (envelope.type === 'url_verification') {
    if (!envelope.challenge)
      throw new HttpError('bad_request', 'url_verification needs a "challenge" string')
    return c.json({ challenge: envelope.challenge })
  }
  // Slack waits 3 seconds for this 200; the answer follows in the background
  const ack = c.json({ ok: true })
  if (envelope.type !== 'event_callback') return ack

  const event = envelope.event
  const skip = ignoreReason(envelope)
  if (skip || !isAnswerable(event)) {
    deps.log?.({ level: 'debug', requestId, slack: 'ignored', reason: skip })
    return ack
  }
  // a retry carries the same event_id; one message can also come as both app_mention and message.im
  const fresh =
    (await dedupe.claim(`event:${envelope.event_id ?? `${event.channel}:${event.ts}`}`)) &&
    (await dedupe.claim(`message:${envelope.team_id}:${event.channel}:${event.ts}`))
  if (!fresh) {
    deps.log?.({
      level: 'info',
      requestId,
      slack: 'repeat',
      eventId: envelope.event_id,
      retry: c.req.header('x-slack-retry-num'),
    })
    return ack
  }
  const token = deps.config.slack.botToken
  if (!token) {
    deps.log?.({ level: 'warn', requestId, msg: repliesOffMessage, eventId: envelope.event_id })
    return ack
  }

  const task = answerInThread(deps, token, envelope, event).catch((error: unknown) => {
    deps.log?.({
      level: 'error',
      requestId,
      slack: 'reply failed',
      eventId: envelope.event_id,
      error: String(error),
    })
  })
  if (deps.defer) deps.defer(task)
  return ack
}
