/** The one Slack Web API call citable makes: chat.postMessage, with the bot token. */
import type { Block } from './blocks'

export interface WebApiOptions {
  /** e.g. https://slack.com/api; tests point it at a local stand-in */
  apiBase: string
  token: string
  fetch: typeof fetch
}

export interface ThreadReply {
  channel: string
  /** the thread to answer in: the parent message's ts */
  thread_ts: string
  text: string
  blocks: Block[]
}

/** posts a reply; throws with Slack's reason when the call fails, as Slack answers 200 with ok:false */
export async function postMessage(options: WebApiOptions, reply: ThreadReply): Promise<void> {
  const send = options.fetch
  const response = await send(`${options.apiBase.replace(/\/+$/, '')}/chat.postMessage`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.token}`,
      'content-type': 'application/json; charset=utf-8',
    },
    body: JSON.stringify(reply),
  })
  if (!response.ok) throw new Error(`chat.postMessage answered HTTP ${response.status}`)
  const body = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string }
  if (body.ok !== true)
    throw new Error(`chat.postMessage failed: ${body.error ?? 'no ok in reply'}`)
}
