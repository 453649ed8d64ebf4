/** The path of one question: understand it, resolve it against the conversation, answer it grounded or abstain. */
import type { SessionState } from '../conversation/session'
import { newSession } from '../conversation/session'
import type { Knowledge } from '../knowledge/pack'
import { understand } from '../nlu/understand'
import type { Answer } from '../types'
import { answerFromPassages } from './passage'

export interface AnswerContext {
  knowledge: Knowledge
  /** the conversation so far; a fresh one when absent */
  session?: SessionState
  /** the clock, for the session's timestamp */
  now?: number
}

export interface Turn {
  answer: Answer
  /** the conversation after this turn, for the caller to store */
  session: SessionState
}

export function answerQuestion(question: string, context: AnswerContext): Turn {
  const now = context.now ?? 0
  const session = context.session ?? newSession(now)
  const understanding = understand(question, context.knowledge)
  const answer = answerFromPassages(context.knowledge, understanding)
  return {
    answer,
    session: {
      ...session,
      turns: session.turns + 1,
      lastQuestion: understanding.text,
      lastAnswer: {
        text: answer.answer,
        abstained: answer.abstained,
        citations: answer.citations,
        factIds: [],
      },
      updatedAt: now,
    },
  }
}
