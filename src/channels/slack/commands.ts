/** The slash command: a form post answered at once with an ephemeral Block Kit message. */
import type { Context } from 'hono'
import { answered } from '../../http/answered'
import type { AppDeps } from '../../http/deps'
import { answerMessage, tooLongMessage, usageMessage } from './blocks'
import type { SlackEnv } from './signed'
import { channelSessionId, readRequest, slackToPlain } from './text'

/** `ephemeral` shows the answer to the asker only; `in_channel` would post it for everyone */
export const commandResponseType = 'ephemeral'

export async function handleCommand(c: Context<SlackEnv>, deps: AppDeps) {
  const form = new URLSearchParams(c.get('rawBody'))
  // Slack's periodic certificate check: it wants a 200 and nothing else
  if (form.get('ssl_check') === '1') return c.body(null, 200)
  const request = readRequest(slackToPlain(form.get('text') ?? ''))
  const reply = (message: object) => c.json({ response_type: commandResponseType, ...message })

  if (request.kind === 'help')
    return reply(usageMessage(deps.service.knowledge, form.get('command') || '/citable'))
  if (request.kind === 'too_long') return reply(tooLongMessage(request.length))

  // one conversation per person per channel, so follow-ups in a channel pick up where they left off
  const sessionId = channelSessionId(
    'slack',
    form.get('team_id') ?? undefined,
    form.get('channel_id') ?? undefined,
    form.get('user_id') ?? undefined,
  )
  // the core answers in milliseconds, well inside Slack's 3-second window, so no deferral is needed
  const result = await answered(deps, { question: request.question, sessionId }, 'slack')
  c.set('answer', result)
  c.set('questionLength', request.question.length)
  return reply(answerMessage(result))
}
