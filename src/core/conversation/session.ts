/** What a conversation remembers between turns, and the store interface every runtime implements. */
import type { Citation } from '../types'

/** the slots a follow-up can reuse; plain JSON so any store can keep it */
export interface Focus {
  intent?: string
  /** entity ids the last question was about */
  entityIds: string[]
  /** owners asked about in the last few turns, newest first: "which one has more?" compares them */
  recentIds?: string[]
  /** thing terms ("pilot", "gdp") */
  thingTerms: string[]
  years: number[]
  /** the last person, org and place mentioned, for "he", "it", "there" */
  lastPerson?: string
  /** the person the last answer named when no entity stands for them ("Tamsin Rooke"): "he" is them */
  lastPersonName?: string
  lastOrg?: string
  lastPlace?: string
  /** the articles the last answer that answered cites: a follow-up naming no one is about them */
  docIds?: string[]
}

export interface SessionState {
  /** how many turns the session has had */
  turns: number
  focus?: Focus
  /** the last question as understood (after follow-up resolution) */
  lastQuestion?: string
  /** the questions asked so far, as typed and as understood, newest last (at most 20): never suggested again */
  asked?: string[]
  lastAnswer?: { text: string; abstained: boolean; citations: Citation[]; factIds: string[] }
  updatedAt: number
}

export function newSession(now: number): SessionState {
  return { turns: 0, updatedAt: now }
}

/** where sessions live: memory on Node, a Durable Object or KV on Workers */
export interface SessionStore {
  get(id: string): Promise<SessionState | undefined>
  set(id: string, state: SessionState): Promise<void>
  delete(id: string): Promise<void>
}
