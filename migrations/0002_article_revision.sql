-- The revision each article was last written at: a start from a snapshot of revision R reads
-- only the articles written after R (and the ids of the others), not every article's text.

ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- articles written before this migration count as written at the current revision: a snapshot
-- older than that reads them all once (and finds the unchanged ones unchanged), as before
UPDATE articles SET revision = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'revision');
