/** An answer as one chat message: the answer, then its citations as a numbered footnote list. */
import type { AskResult } from '../../core/conversation/ask'
import { abstainedPrefix } from '../slack/blocks'

/**
 * `answer\n\n[1] “quote” (Title)`. `toMarkup` makes text safe for the chat's markup:
 * Slack reads `&`, `<` and `>` as markup, Mattermost's Markdown does not.
 */
export function footnoteText(result: AskResult, toMarkup: (text: string) => string): string {
  const answer = toMarkup(result.answer)
  if (result.abstained) return `${abstainedPrefix} ${answer}`
  const notes = result.citations.map(
    (c, i) => `[${i + 1}] “${toMarkup(c.quote)}” (${toMarkup(c.title)})`,
  )
  return notes.length > 0 ? `${answer}\n\n${notes.join('\n')}` : answer
}
