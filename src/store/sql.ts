/** The Store in SQL, over any SQLite driver: libSQL on Node, D1 on Workers. */
import { packContent, type SnapshotContent } from '../core/knowledge/snapshot'
import type { KnowledgePack } from '../core/knowledge/types'
import type {
  AnswerRecord,
  ArticleChange,
  ArticleOrigin,
  ArticleSummary,
  DayCount,
  FeedbackRecord,
  Snapshot,
  Store,
} from '../core/store'
import type { Citation, CorpusDocument } from '../core/types'

export type SqlValue = string | number | null | Uint8Array
export type Row = Record<string, SqlValue>

export interface SqlQueries {
  all(sql: string, args?: SqlValue[]): Promise<Row[]>
  /** returns the rows changed */
  run(sql: string, args?: SqlValue[]): Promise<number>
}

export interface SqlDriver extends SqlQueries {
  /** runs `work` in one write transaction: everything or nothing */
  transaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface SqlStoreOptions {
  /** the pack as stored; defaults to its JSON */
  encodePack?: (pack: KnowledgePack) => SqlValue
  /** what was stored, read back lazily */
  decodePack?: (stored: SqlValue) => SnapshotContent
}

const text = (v: SqlValue | undefined): string | undefined =>
  v === null || v === undefined ? undefined : String(v)

function toDocument(row: Row): CorpusDocument {
  const doc: CorpusDocument = {
    docId: String(row.doc_id),
    title: String(row.title),
    text: String(row.text),
  }
  for (const key of ['author', 'published', 'source'] as const) {
    const value = text(row[key])
    if (value !== undefined) doc[key] = value
  }
  return doc
}

function toAnswer(row: Row): AnswerRecord {
  return {
    answerId: String(row.answer_id),
    at: Number(row.at),
    channel: String(row.channel),
    question: String(row.question),
    answer: String(row.answer),
    citations: JSON.parse(String(row.citations)) as Citation[],
    intent: text(row.intent),
    kind: String(row.kind),
    abstained: Number(row.abstained) === 1,
    reason: text(row.reason),
    confidence: Number(row.confidence),
    latencyMs: Number(row.latency_ms),
  }
}

function toFeedback(row: Row): FeedbackRecord {
  return {
    answerId: String(row.answer_id),
    at: Number(row.at),
    helpful: Number(row.helpful) === 1,
    comment: text(row.comment),
    channel: String(row.channel),
    question: String(row.question),
    answer: String(row.answer),
    citations: JSON.parse(String(row.citations)) as Citation[],
    reason: text(row.reason),
  }
}

const revisionOf = async (q: SqlQueries) =>
  Number((await q.all("SELECT value FROM meta WHERE key = 'revision'"))[0]?.value ?? 0)

async function apply(tx: SqlQueries, change: ArticleChange, now: number, revision: number) {
  if (change.kind === 'delete') {
    const origin = (await tx.all('SELECT origin FROM articles WHERE doc_id = ?', [change.docId]))[0]
    await tx.run('DELETE FROM articles WHERE doc_id = ?', [change.docId])
    if (origin?.origin === 'seed')
      await tx.run('INSERT OR REPLACE INTO removed_seeds (doc_id, removed_at) VALUES (?, ?)', [
        change.docId,
        now,
      ])
    return
  }
  const d = change.document
  await tx.run(
    `INSERT INTO articles (doc_id, title, author, published, source, text, origin, updated_at, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET title = excluded.title, author = excluded.author,
       published = excluded.published, source = excluded.source, text = excluded.text,
       origin = excluded.origin, updated_at = excluded.updated_at, revision = excluded.revision`,
    [
      d.docId,
      d.title,
      d.author ?? null,
      d.published ?? null,
      d.source ?? null,
      d.text,
      change.origin,
      now,
      revision,
    ],
  )
  if (change.origin === 'api') await tx.run('DELETE FROM removed_seeds WHERE doc_id = ?', [d.docId])
}

const logInsert = `INSERT OR REPLACE INTO question_log
  (answer_id, at, channel, question, answer, citations, intent, kind, abstained, reason, confidence, latency_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const logRow = (r: AnswerRecord): SqlValue[] => [
  r.answerId,
  r.at,
  r.channel,
  r.question,
  r.answer,
  JSON.stringify(r.citations),
  r.intent ?? null,
  r.kind,
  r.abstained ? 1 : 0,
  r.reason ?? null,
  r.confidence,
  r.latencyMs,
]

export function sqlStore(db: SqlDriver, options: SqlStoreOptions = {}): Store {
  const encode = options.encodePack ?? ((pack) => JSON.stringify(pack))
  const decode =
    options.decodePack ?? ((stored) => packContent(JSON.parse(String(stored)) as KnowledgePack))
  const now = () => Date.now()

  const writeSnapshot = (q: SqlQueries, s: Snapshot) =>
    q.run(
      `INSERT INTO pack_snapshot (id, revision, build_key, pack, built_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, build_key = excluded.build_key,
         pack = excluded.pack, built_at = excluded.built_at
       WHERE excluded.revision >= pack_snapshot.revision`,
      [s.revision, s.key, encode(s.pack), now()],
    )

  return {
    async corpus() {
      // one transaction, so the documents are those of the revision read
      return db.transaction(async (tx) => ({
        revision: await revisionOf(tx),
        documents: (await tx.all('SELECT * FROM articles ORDER BY doc_id')).map(toDocument),
      }))
    },

    revision: () => revisionOf(db),

    async writtenSince(since) {
      return db.transaction(async (tx) => ({
        revision: await revisionOf(tx),
        written: (
          await tx.all('SELECT * FROM articles WHERE revision > ? ORDER BY doc_id', [since])
        ).map(toDocument),
        ids: (await tx.all('SELECT doc_id FROM articles')).map((r) => String(r.doc_id)),
      }))
    },

    async articles(): Promise<ArticleSummary[]> {
      const rows = await db.all(
        'SELECT doc_id, title, published, origin, length(text) AS characters, updated_at FROM articles ORDER BY doc_id',
      )
      return rows.map((r) => ({
        docId: String(r.doc_id),
        title: String(r.title),
        published: text(r.published),
        origin: String(r.origin) as ArticleOrigin,
        characters: Number(r.characters),
        updatedAt: Number(r.updated_at),
      }))
    },

    async origins() {
      const rows = await db.all('SELECT doc_id, origin FROM articles')
      return new Map(rows.map((r) => [String(r.doc_id), String(r.origin) as ArticleOrigin]))
    },

    async commit(expected, changes, snapshot) {
      return db.transaction(async (tx) => {
        if ((await revisionOf(tx)) !== expected) return undefined
        const revision = expected + 1
        const at = now()
        for (const change of changes) await apply(tx, change, at, revision)
        await tx.run("UPDATE meta SET value = ? WHERE key = 'revision'", [String(revision)])
        if (snapshot) await writeSnapshot(tx, { ...snapshot, revision })
        return revision
      })
    },

    async snapshot() {
      const row = (
        await db.all('SELECT revision, build_key, pack FROM pack_snapshot WHERE id = 1')
      )[0]
      if (!row) return undefined
      return { revision: Number(row.revision), key: String(row.build_key), ...decode(row.pack!) }
    },

    async saveSnapshot(snapshot) {
      await writeSnapshot(db, snapshot)
    },

    async removedSeeds() {
      return new Set(
        (await db.all('SELECT doc_id FROM removed_seeds')).map((r) => String(r.doc_id)),
      )
    },

    logAnswer: (r) => db.run(logInsert, logRow(r)).then(() => undefined),

    logAnswers: (records) =>
      db.transaction(async (tx) => {
        for (const r of records) await tx.run(logInsert, logRow(r))
      }),

    async findAnswer(answerId) {
      const row = (await db.all('SELECT * FROM question_log WHERE answer_id = ?', [answerId]))[0]
      return row && toAnswer(row)
    },

    pruneLog: (before) => db.run('DELETE FROM question_log WHERE at < ?', [before]),

    async refusals(since, limit) {
      const rows = await db.all(
        'SELECT * FROM question_log WHERE abstained = 1 AND at >= ? ORDER BY at DESC LIMIT ?',
        [since, limit],
      )
      return rows.map(toAnswer)
    },

    async answersPerDay(since): Promise<DayCount[]> {
      const rows = await db.all(
        `SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day,
           SUM(CASE WHEN abstained = 0 THEN 1 ELSE 0 END) AS answered,
           SUM(abstained) AS refused
         FROM question_log WHERE at >= ? GROUP BY day ORDER BY day`,
        [since],
      )
      return rows.map((r) => ({
        day: String(r.day),
        answered: Number(r.answered),
        refused: Number(r.refused),
      }))
    },

    async addFeedback(r) {
      await db.run(
        `INSERT OR REPLACE INTO feedback
           (answer_id, at, helpful, comment, channel, question, answer, citations, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.answerId,
          r.at,
          r.helpful ? 1 : 0,
          r.comment ?? null,
          r.channel,
          r.question,
          r.answer,
          JSON.stringify(r.citations),
          r.reason ?? null,
        ],
      )
    },

    async unhelpful(limit) {
      const rows = await db.all(
        'SELECT * FROM feedback WHERE helpful = 0 ORDER BY at DESC LIMIT ?',
        [limit],
      )
      return rows.map(toFeedback)
    },

    close: () => db.close(),
  }
}
