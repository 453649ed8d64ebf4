/** One turn of a conversation for any channel: load the session, answer, store the session. */

import type { Knowledge } from '../knowledge/types'
import { boundQuestion } from '../nlu/bound'
import type { Answer } from '../types'
import type { SessionStore } from './session'
import { answerQuestion } from './turn'

export interface Service {
  knowledge: Knowledge
  sessions: SessionStore
  /** makes a new session id */
  newId: () => string
  now: () => number
}

export interface AskRequest {
  question: string
  sessionId?: string
}

export type AskResult = Answer & { sessionId: string }

export async function ask(service: Service, request: AskRequest): Promise<AskResult> {
  const question = boundQuestion(request.question)
  const sessionId = request.sessionId ?? service.newId()
  const session = request.sessionId ? await service.sessions.get(sessionId) : undefined
  const turn = answerQuestion(question, {
    knowledge: service.knowledge,
    session,
    now: service.now(),
  })
  await service.sessions.set(sessionId, turn.session)
  return { ...turn.answer, sessionId }
}
