/** What citable keeps between runs, in the core's terms: articles, the built pack, the question log and feedback. */
import type { SnapshotContent } from './knowledge/snapshot'
import type { KnowledgePack } from './knowledge/types'
import type { Citation, CorpusDocument } from './types'

/** where an article came from: a file of corpus/ (synced at start) or the documents API */
export type ArticleOrigin = 'seed' | 'api'

export interface ArticleSummary {
  docId: string
  title: string
  published?: string
  origin: ArticleOrigin
  /** characters of text */
  characters: number
  updatedAt: number
}

/** one answer given, as the question log keeps it */
export interface AnswerRecord {
  answerId: string
  at: number
  /** api, widget, slack, outgoing */
  channel: string
  question: string
  answer: string
  citations: Citation[]
  intent?: string
  kind: string
  abstained: boolean
  reason?: string
  confidence: number
  latencyMs: number
}

export interface FeedbackInput {
  answerId: string
  helpful: boolean
  comment?: string
  at: number
}

/** feedback with the answer it is about, copied so it outlives the log's retention */
export interface FeedbackRecord extends FeedbackInput {
  channel: string
  question: string
  answer: string
  citations: Citation[]
  reason?: string
}

/** the articles at one revision; the revision grows with every change */
export interface Corpus {
  revision: number
  documents: CorpusDocument[]
}

/** a built pack and what it was built from */
export interface Snapshot {
  revision: number
  /** names the language and pack format it was built with; another key means rebuild */
  key: string
  pack: KnowledgePack
}

/** a snapshot as read back: its articles and its knowledge, each decoded only when asked for */
export interface StoredSnapshot extends SnapshotContent {
  revision: number
  key: string
}

export interface DayCount {
  /** YYYY-MM-DD, UTC */
  day: string
  answered: number
  refused: number
}

/** one change to the articles, committed with the pack built from the result, or not at all */
export type ArticleChange =
  | { kind: 'put'; document: CorpusDocument; origin: ArticleOrigin }
  | { kind: 'delete'; docId: string }

export interface Store {
  /** every article and the current revision */
  corpus(): Promise<Corpus>
  /** the current revision alone */
  revision(): Promise<number>
  /**
   * what a start from a snapshot of revision `since` must read: the articles written after it,
   * and the ids of every article (those not among them are as the snapshot has them)
   */
  writtenSince(
    since: number,
  ): Promise<{ revision: number; written: CorpusDocument[]; ids: string[] }>
  articles(): Promise<ArticleSummary[]>
  /** where each article came from, without reading the articles (a start needs only this) */
  origins(): Promise<Map<string, ArticleOrigin>>
  /**
   * applies the changes (and saves the snapshot of the result, when given) in one transaction,
   * if the revision is still `expected`; returns the new revision, or undefined when someone
   * else changed it first
   */
  commit(
    expected: number,
    changes: ArticleChange[],
    snapshot?: Omit<Snapshot, 'revision'>,
  ): Promise<number | undefined>
  /** the stored snapshot; reading its content can fail (a format this code does not read) */
  snapshot(): Promise<StoredSnapshot | undefined>
  /** saves a snapshot of the articles at its revision, unless the stored one is of a later revision */
  saveSnapshot(snapshot: Snapshot): Promise<void>
  /** docIds removed through the API, which the seed folder must not bring back */
  removedSeeds(): Promise<Set<string>>

  logAnswer(record: AnswerRecord): Promise<void>
  /** several at once, in one transaction (one commit for them all): what the question log writes while an earlier write runs */
  logAnswers?(records: AnswerRecord[]): Promise<void>
  findAnswer(answerId: string): Promise<AnswerRecord | undefined>
  /** drops log entries older than `before` (ms); returns how many */
  pruneLog(before: number): Promise<number>
  /** refused questions since `since`, newest first, at most `limit` */
  refusals(since: number, limit: number): Promise<AnswerRecord[]>
  answersPerDay(since: number): Promise<DayCount[]>

  /** one feedback per answer: a second one replaces the first */
  addFeedback(record: FeedbackRecord): Promise<void>
  unhelpful(limit: number): Promise<FeedbackRecord[]>
  close(): Promise<void>
}
