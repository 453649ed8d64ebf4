/** Text across the Slack boundary: Slack's markup in a question to plain words, plain answers to safe mrkdwn. */

/** the longest question the core takes (the contract's limit for /api/answer) */
export const maxQuestionLength = 1000

/** Slack reads `&`, `<` and `>` as markup (links, @channel pings), so answer text escapes them */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Turns Slack's wire text into what the user typed: the bot's own mention goes,
 * other mentions, channels and links become their labels, entities are unescaped.
 */
export function slackToPlain(text: string, botUserIds: readonly string[] = []): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2)
      if (target.startsWith('@')) {
        const id = target.slice(1)
        return botUserIds.includes(id) ? ' ' : `@${label ?? id}`
      }
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`
      // <!here>, <!channel>, <!subteam^ID|@team>
      if (target.startsWith('!')) return label ?? `@${target.slice(1)}`
      return label ?? target
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** what a message asks for: usage, a refusal for length, or a question for the core */
export type Request =
  | { kind: 'help' }
  | { kind: 'too_long'; length: number }
  | { kind: 'question'; question: string }

export function readRequest(plain: string): Request {
  const text = plain.trim()
  if (text === '' || /^help[.!?]?$/i.test(text)) return { kind: 'help' }
  if (text.length > maxQuestionLength) return { kind: 'too_long', length: text.length }
  return { kind: 'question', question: text }
}

/** FNV-1a: a short stable fingerprint, so long keys stay distinct after truncation */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/**
 * A sessionId (`^[A-Za-z0-9_-]{1,128}$`) from channel parts, e.g. `slack-T1-C2-U3`:
 * the same parts always give the same id, other characters become `_`.
 */
export function channelSessionId(prefix: string, ...parts: (string | undefined)[]): string {
  const id = [prefix, ...parts.map((p) => p || 'none')].join('-').replace(/[^A-Za-z0-9_-]/g, '_')
  return id.length <= 128 ? id : `${id.slice(0, 120)}-${fingerprint(id)}`.slice(0, 128)
}
