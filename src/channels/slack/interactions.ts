/** The two feedback buttons under a Slack answer, and the signed POST /slack/interactions they send. */
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../../http/deps'
import { HttpError } from '../../http/errors'
import { storeFeedback } from '../../http/routes/feedback'
import type { SlackEnv } from './signed'

export const helpfulAction = 'citable_helpful'
export const unhelpfulAction = 'citable_unhelpful'

interface Button {
  type: 'button'
  action_id: string
  text: { type: 'plain_text'; text: string; emoji: true }
  value: string
}

export interface FeedbackButtons {
  type: 'actions'
  block_id: string
  elements: Button[]
}

const button = (action_id: string, text: string, answerId: string): Button => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text, emoji: true },
  value: answerId,
})

/** the answerId rides in the buttons' value: the click tells us which answer, and nothing about who */
export function feedbackButtons(answerId: string): FeedbackButtons {
  return {
    type: 'actions',
    block_id: 'citable_feedback',
    elements: [
      button(helpfulAction, ':thumbsup: Helpful', answerId),
      button(unhelpfulAction, ':thumbsdown: Not helpful', answerId),
    ],
  }
}

const payloadSchema = z.object({
  type: z.string(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).optional(),
  response_url: z.string().optional(),
})

/** Slack's response URLs live on hooks.slack.com; tests point SLACK_API_BASE at a local stand-in */
function trustedResponseUrl(url: string | undefined, apiBase: string): string | undefined {
  if (!url) return undefined
  try {
    const origin = new URL(url).origin
    return origin === 'https://hooks.slack.com' || origin === new URL(apiBase).origin
      ? url
      : undefined
  } catch {
    return undefined
  }
}

export async function handleInteraction(c: Context<SlackEnv>, deps: AppDeps) {
  const raw = new URLSearchParams(c.get('rawBody')).get('payload')
  let payload: z.infer<typeof payloadSchema>
  try {
    payload = payloadSchema.parse(JSON.parse(raw ?? ''))
  } catch {
    throw new HttpError('bad_request', 'the body is not a Slack interaction payload')
  }
  const action = payload.actions?.find(
    (a) => a.action_id === helpfulAction || a.action_id === unhelpfulAction,
  )
  // other interactions (none today) are acknowledged and ignored, as Slack expects a 200
  if (payload.type !== 'block_actions' || !action?.value) return c.body(null, 200)

  const helpful = action.action_id === helpfulAction
  await storeFeedback(deps, { answerId: action.value, helpful })
  deps.log?.({ level: 'info', requestId: c.get('requestId'), slack: 'feedback', helpful })
  const responseUrl = trustedResponseUrl(payload.response_url, deps.config.slack.apiBase)
  if (responseUrl) {
    const send = deps.fetch ?? fetch
    const thanks = send(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        response_type: 'ephemeral',
        replace_original: false,
        text: helpful
          ? 'Thanks, glad it helped.'
          : 'Thanks: the owner will see that this answer did not help.',
      }),
    })
    const task = thanks.catch((error) =>
      deps.log?.({ level: 'warn', msg: 'slack feedback reply failed', error: String(error) }),
    )
    if (deps.defer) deps.defer(task)
  }
  return c.body(null, 200)
}
