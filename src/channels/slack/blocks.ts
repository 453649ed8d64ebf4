/** Answers, usage and refusals as Slack messages: Block Kit blocks plus the plain `text` notifications show. */
import type { AskResult } from '../../core/conversation/ask'
import type { Knowledge } from '../../core/knowledge/pack'
import { exampleQuestions } from '../examples'
import { type FeedbackButtons, feedbackButtons } from './interactions'
import { escapeMrkdwn, maxQuestionLength } from './text'

interface Mrkdwn {
  type: 'mrkdwn'
  text: string
}
export type Block =
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | FeedbackButtons

export interface SlackMessage {
  /** the fallback for notifications and old clients; mrkdwn like the blocks */
  text: string
  blocks: Block[]
}

/** marks an answer the articles do not support, so it never reads like one they do */
export const abstainedPrefix = ':grey_question:'

// Slack caps a context block at 10 elements and a text object at 3000 characters
const maxElements = 10
const maxText = 3000

const mrkdwn = (text: string): Mrkdwn => ({
  type: 'mrkdwn',
  text: text.length <= maxText ? text : `${text.slice(0, maxText - 1)}…`,
})

/** `1. “quote” (Title)` with Slack's markup escaped */
export function citationLine(citation: AskResult['citations'][number], index: number): string {
  return `${index + 1}. “${escapeMrkdwn(citation.quote)}” (${escapeMrkdwn(citation.title)})`
}

export function answerMessage(result: AskResult & { answerId?: string }): SlackMessage {
  const answer = escapeMrkdwn(result.answer)
  const text = result.abstained ? `${abstainedPrefix} ${answer}` : answer
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(text) }]
  // an abstention asserts nothing, so it carries nothing to cite
  const lines = result.abstained ? [] : result.citations.map(citationLine)
  if (lines.length > 0) {
    const head = lines.slice(0, maxElements - 1)
    const rest = lines.slice(maxElements - 1)
    if (rest.length > 0) head.push(rest.join('\n'))
    blocks.push({ type: 'context', elements: head.map(mrkdwn) })
  }
  if (result.followUps?.length) {
    const tries = result.followUps.map((q) => `“${escapeMrkdwn(q)}”`).join(' · ')
    blocks.push({ type: 'context', elements: [mrkdwn(`Try: ${tries}`)] })
  }
  if (result.answerId) blocks.push(feedbackButtons(result.answerId))
  return { text, blocks }
}

/** a few of the demo page's questions: generated from the corpus's facts and verified by answering them */
export function helpExamples(knowledge: Knowledge, count = 3): string[] {
  return exampleQuestions(knowledge, { limit: count }).map((e) => e.question)
}

/** how to ask: `how` is what goes before a question (`/citable`, `@citable`), or empty in a direct message */
export function usageMessage(knowledge: Knowledge, how = ''): SlackMessage {
  const prefix = how ? `${how} ` : ''
  const examples = helpExamples(knowledge).map((q) => `• ${escapeMrkdwn(prefix + q)}`)
  const text =
    `Ask me a question about the news articles${how ? `, like \`${escapeMrkdwn(how)} your question\`` : ''}. ` +
    'I answer only from the articles and quote the sentences each answer comes from.'
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(text) },
      { type: 'section', text: mrkdwn(`*For example:*\n${examples.join('\n')}`) },
    ],
  }
}

export function tooLongMessage(length: number): SlackMessage {
  const text = `:warning: A question can be at most ${maxQuestionLength} characters; this one has ${length}.`
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] }
}
