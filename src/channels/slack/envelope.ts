/** The Events API envelope as citable reads it, and which events deserve a reply. */
import { z } from 'zod'

// loose objects: Slack adds fields over time, and citable reads only these
const messageEvent = z.looseObject({
  type: z.string(),
  subtype: z.string().optional(),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
})

export const envelopeSchema = z.looseObject({
  type: z.string(),
  challenge: z.string().optional(),
  team_id: z.string().optional(),
  event_id: z.string().optional(),
  event: messageEvent.optional(),
  authorizations: z
    .array(z.looseObject({ user_id: z.string().optional(), is_bot: z.boolean().optional() }))
    .optional(),
})

export type Envelope = z.infer<typeof envelopeSchema>
export type MessageEvent = z.infer<typeof messageEvent>

/** a message citable answers: it has a place to reply in and words to read */
export type Answerable = MessageEvent & { channel: string; ts: string; text: string }

/** the bot's own user ids, from the envelope's authorizations */
export function botUserIds(envelope: Envelope): string[] {
  return (envelope.authorizations ?? [])
    .filter((a) => a.is_bot !== false && a.user_id)
    .map((a) => a.user_id as string)
}

/**
 * Why an event gets no reply, or undefined when it gets one. Anything a bot wrote,
 * edits and other subtypes are ignored, so citable never answers itself (no loops).
 */
export function ignoreReason(envelope: Envelope): string | undefined {
  const event = envelope.event
  if (!event) return 'no event'
  const wanted =
    event.type === 'app_mention' || (event.type === 'message' && event.channel_type === 'im')
  if (!wanted) return `not a mention or a direct message (${event.type})`
  if (event.bot_id) return 'written by a bot'
  if (event.subtype) return `a ${event.subtype} event`
  if (event.user && botUserIds(envelope).includes(event.user)) return 'the bot’s own message'
  if (!event.channel || !event.ts || event.text === undefined) return 'no channel, ts or text'
  return undefined
}

export function isAnswerable(event: MessageEvent | undefined): event is Answerable {
  return Boolean(event?.channel && event.ts && event.text !== undefined)
}
