/** One turn of a conversation: resolve it against the session, answer it through answer/, and keep the focus for the next turn. */

import { uniqueCitations } from '../answer/cite'
import { decide } from '../answer/decide'
import type { Query } from '../answer/query'
import { expectedType } from '../answer/typed/expected'
import type { Knowledge } from '../knowledge/types'
import { isEnglish } from '../nlu/english'
import { findMentions } from '../nlu/mentions'
import { nameKey } from '../nlu/normalize'
import type { Answer, Fact } from '../types'
import { resolveTurn } from './followup'
import { answerMeta } from './meta'
import type { Focus, SessionState } from './session'
import { newSession } from './session'
import { splitQuestion } from './split'
import { suggest } from './suggest'

export interface AnswerContext {
  knowledge: Knowledge
  /** the conversation so far; a fresh one when absent */
  session?: SessionState
  /** the clock, for the session's timestamp */
  now?: number
  /** offer follow-up questions; defaults to true */
  suggest?: boolean
}

export interface Turn {
  answer: Answer
  /** the conversation after this turn, for the caller to store */
  session: SessionState
}

/** the person a "who" answer names: the entity standing for them (whatever type it was given), or the name */
function answeredPerson(
  knowledge: Knowledge,
  query: Query,
  answer: Answer,
): { id?: string; name: string } | undefined {
  if (answer.abstained || typeof answer.value !== 'string') return undefined
  if (expectedType(query.text, knowledge.language.answerTypes) !== 'person') return undefined
  const name = answer.value
  const mention = findMentions(knowledge.aliases, name).find((m) => m.text === nameKey(name))
  if (mention) return { id: mention.entityIds[0], name }
  return /^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}$/.test(name) ? { name } : undefined
}

function nextFocus(
  knowledge: Knowledge,
  query: Query,
  answer: Answer,
  facts: Fact[],
  previous?: Focus,
): Focus {
  const asked = query.ownerIds
  // the entities the answer brought in: a fact's owner, subject and object, then the names its quotes say
  // ("chief medical officer of Riverside Health": "that group" is Riverside Health)
  const answered = [
    ...facts.flatMap((f) => [
      f.ownerId,
      f.kind === 'attribute' ? f.subjectId : undefined,
      f.kind === 'attribute' ? f.objectId : undefined,
    ]),
    ...answer.citations.flatMap((c) =>
      findMentions(knowledge.aliases, c.quote).flatMap((m) => m.entityIds.slice(0, 1)),
    ),
  ]
  // "it" after an answer means what the answer named, before what the question named
  const ids = [...answered.filter((id) => id && !asked.includes(id)), ...asked].filter(
    (id): id is string => id !== undefined,
  )
  const ofType = (type: string) => ids.find((id) => knowledge.entityById.get(id)?.type === type)
  const person = answeredPerson(knowledge, query, answer)
  const lastPerson = person?.id ?? ofType('person')
  return {
    intent: query.intent?.name,
    entityIds: asked.length
      ? asked
      : [...new Set(facts.map((f) => f.ownerId).filter((id): id is string => id !== undefined))],
    recentIds: [...new Set([...asked, ...(previous?.recentIds ?? [])])].slice(0, 4),
    thingTerms: query.thingTerms,
    years: query.years,
    lastPerson: lastPerson ?? previous?.lastPerson,
    // a person named this turn replaces the one named before; no one named keeps them
    lastPersonName:
      person && !person.id ? person.name : lastPerson ? undefined : previous?.lastPersonName,
    lastOrg: ofType('org') ?? (ofType('event') ? undefined : previous?.lastOrg),
    lastPlace: ofType('place') ?? previous?.lastPlace,
    docIds: answer.abstained
      ? previous?.docIds
      : [...new Set(answer.citations.map((c) => c.docId))],
  }
}

export function answerQuestion(question: string, context: AnswerContext): Turn {
  // a question in another language is not guessed at: it is told what is understood
  if (!isEnglish(context.knowledge, question)) {
    const session = context.session ?? newSession(context.now ?? 0)
    return {
      answer: {
        answer: 'I can only understand questions in English.',
        abstained: true,
        kind: 'none',
        confidence: 0.9,
        citations: [],
        reason: 'not English',
      },
      session: {
        ...session,
        turns: session.turns + 1,
        updatedAt: context.now ?? session.updatedAt,
      },
    }
  }
  // "how many fast chargers did Ostra Energy order, and how many wind farms does it own?": one answer per part
  const parts = splitQuestion(question)
  if (parts.length > 1) return answerParts(parts, context)
  return answerOne(question, context)
}

/** each part answered in turn, in the same conversation, and the answers joined */
function answerParts(parts: string[], context: AnswerContext): Turn {
  const turns: Turn[] = []
  let session = context.session
  for (const part of parts) {
    const turn = answerOne(part, { ...context, session, suggest: false })
    turns.push(turn)
    session = turn.session
  }
  const answers = turns.map((t) => t.answer)
  const citations = uniqueCitations(answers.flatMap((a) => a.citations))
  const abstained = answers.every((a) => a.abstained)
  const last = turns.at(-1)!
  return {
    answer: {
      answer: answers.map((a) => a.answer).join(' '),
      abstained,
      kind: abstained ? 'none' : 'list',
      value: answers.filter((a) => !a.abstained).map((a) => a.answer),
      confidence: Math.min(...answers.map((a) => a.confidence)),
      citations,
    },
    session: {
      ...last.session,
      lastAnswer: {
        text: answers.map((a) => a.answer).join(' '),
        abstained,
        citations,
        factIds: turns.flatMap((t) => t.session.lastAnswer?.factIds ?? []),
      },
    },
  }
}

// how many of the session's questions are kept to keep them out of the suggestions
const askedKept = 20

function answerOne(question: string, context: AnswerContext): Turn {
  const { knowledge } = context
  const now = context.now ?? 0
  const session = context.session ?? newSession(now)
  const resolved = resolveTurn(question, knowledge, session)
  const after = (answer: Answer, facts: Fact[], focus: Focus | undefined): Turn => ({
    answer: { ...answer, confidence: Math.round(answer.confidence * 100) / 100 },
    session: {
      turns: session.turns + 1,
      focus,
      lastQuestion: resolved.query.text,
      asked: [...(session.asked ?? []), question, resolved.query.text].slice(-askedKept),
      lastAnswer: {
        text: answer.answer,
        abstained: answer.abstained,
        citations: answer.citations,
        factIds: facts.map((f) => f.id),
      },
      updatedAt: now,
    },
  })
  if (resolved.meta) {
    const answer = answerMeta(knowledge, resolved.meta, session, resolved.topic, question)
    // a meta turn leaves the focus and the answer it talks about in place
    const turn = after(answer, [], session.focus)
    if (resolved.meta !== 'else') turn.session.lastAnswer = session.lastAnswer
    return turn
  }
  const { answer, facts } = decide(knowledge, resolved.query)
  if (!answer.abstained && context.suggest !== false) {
    const followUps = suggest(
      knowledge,
      {
        answer,
        facts,
        entityIds: resolved.query.ownerIds,
        question: resolved.query.text,
        asked: [...(session.asked ?? []), question],
      },
      (q) => answerOne(q, { knowledge, suggest: false }).answer,
    )
    if (followUps.length) answer.followUps = followUps
  }
  // an abstention keeps the earlier focus, so "and the NDRC?" still attaches to the last real answer
  const focus =
    answer.abstained && resolved.followUp
      ? session.focus
      : nextFocus(knowledge, resolved.query, answer, facts, session.focus)
  return after(answer, facts, focus)
}
