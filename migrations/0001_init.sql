-- citable's store: articles, the built knowledge pack, the question log and feedback.
-- Applied in order by the Node server at start (src/runtime/node/store/migrate.ts) and by
-- `wrangler d1 migrations apply` on Workers; plain SQLite, no transaction statements here.

-- key/value facts about the store: the corpus revision
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('revision', '0');

CREATE TABLE articles (
  doc_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  author TEXT,
  published TEXT,
  source TEXT,
  text TEXT NOT NULL,
  -- 'seed' (a file of corpus/) or 'api' (PUT /api/documents/:docId)
  origin TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- seed articles removed through the API: the seed folder does not bring them back
CREATE TABLE removed_seeds (
  doc_id TEXT PRIMARY KEY,
  removed_at INTEGER NOT NULL
);

-- the knowledge pack built from the articles at `revision`, gzipped JSON
CREATE TABLE pack_snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL,
  build_key TEXT NOT NULL,
  pack BLOB NOT NULL,
  built_at INTEGER NOT NULL
);

-- one row per answer given; kept LOG_RETENTION_DAYS
CREATE TABLE question_log (
  answer_id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  citations TEXT NOT NULL,
  intent TEXT,
  kind TEXT NOT NULL,
  abstained INTEGER NOT NULL,
  reason TEXT,
  confidence REAL NOT NULL,
  latency_ms REAL NOT NULL
);
CREATE INDEX question_log_at ON question_log (at);

-- what people said about an answer, with the answer copied in: never a user id or an address
CREATE TABLE feedback (
  answer_id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  helpful INTEGER NOT NULL,
  comment TEXT,
  channel TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  citations TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX feedback_helpful_at ON feedback (helpful, at);
