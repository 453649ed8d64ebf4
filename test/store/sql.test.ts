/** The SQL store on libSQL: migrations, the revision guard, the log with its retention, feedback. */
import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { buildPack } from '../../src/core/knowledge/pack'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { libsqlDriver, openNodeStore, storeClient } from '../../src/runtime/node/store/libsql'
import { migrate, readMigrations, statements } from '../../src/runtime/node/store/migrate'
import { record, tempDir } from './helpers'

const pack = buildPack(readCorpus('test/fixtures/seed'), readLanguage('intents'))
const doc = (docId: string, text = 'Some text.') => ({ docId, title: `Title of ${docId}`, text })

describe('migrations', () => {
  it('applies every migration once, in order, and nothing on the next start', async () => {
    const db = libsqlDriver(createClient({ url: ':memory:' }))
    expect(await migrate(db)).toEqual(readMigrations().map((m) => m.version))
    expect(await migrate(db)).toEqual([])
    const tables = await db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'articles',
        'feedback',
        'meta',
        'pack_snapshot',
        'question_log',
        'schema_migrations',
      ]),
    )
  })

  it('refuses a database migrated by a newer citable, and changes nothing', async () => {
    const db = libsqlDriver(createClient({ url: ':memory:' }))
    await migrate(db)
    await db.run(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', 0)",
    )
    await expect(migrate(db)).rejects.toThrow(
      `the database is at migration 9999, newer than this code knows (${readMigrations().at(-1)!.version}): run a newer citable, or point DATA_DIR elsewhere`,
    )
  })

  it('rolls a failing migration back whole', async () => {
    const db = libsqlDriver(createClient({ url: ':memory:' }))
    const broken = [
      { version: 1, name: '0001_x.sql', sql: 'CREATE TABLE a (x);\nCREATE TABLE a (x);\n' },
    ]
    await expect(migrate(db, broken)).rejects.toThrow(/already exists/)
    expect(await db.all("SELECT name FROM sqlite_master WHERE name = 'a'")).toEqual([])
    expect(await db.all('SELECT * FROM schema_migrations')).toEqual([])
  })

  it('dates the articles of a database made before article revisions at its current revision', async () => {
    const db = libsqlDriver(createClient({ url: ':memory:' }))
    const [first, ...later] = readMigrations()
    await migrate(db, [first!])
    await db.run(
      "INSERT INTO articles (doc_id, title, text, origin, updated_at) VALUES ('a', 'A', 'x', 'api', 0)",
    )
    await db.run("UPDATE meta SET value = '7' WHERE key = 'revision'")
    expect(await migrate(db, [first!, ...later])).toEqual(later.map((m) => m.version))
    expect(await db.all('SELECT doc_id, revision FROM articles')).toEqual([
      { doc_id: 'a', revision: 7 },
    ])
  })

  it('splits a migration into statements on the semicolons that end a line', () => {
    expect(
      statements(
        "-- a comment; still a comment\nCREATE TABLE a (x);\nINSERT INTO a VALUES (';');\n",
      ),
    ).toEqual(['CREATE TABLE a (x)', "INSERT INTO a VALUES (';')"])
  })
})

describe('the SQL store', () => {
  it('gives the articles written after a revision, and the ids of them all', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    const put = (d: ReturnType<typeof doc>) => ({
      kind: 'put' as const,
      document: d,
      origin: 'api' as const,
    })
    await store.commit(0, [put(doc('a')), put(doc('b')), put(doc('c'))])
    await store.commit(1, [put(doc('b', 'Changed.'))])
    await store.commit(2, [{ kind: 'delete', docId: 'c' }, put(doc('d'))])
    const since = await store.writtenSince(1)
    expect(since.revision).toBe(3)
    expect(since.written).toEqual([doc('b', 'Changed.'), doc('d')])
    expect(since.ids.sort()).toEqual(['a', 'b', 'd'])
    expect((await store.writtenSince(3)).written).toEqual([])
    await store.close()
  })

  it('commits a change with its snapshot only at the expected revision', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    expect(
      await store.commit(0, [{ kind: 'put', document: doc('a'), origin: 'api' }], {
        key: 'k',
        pack,
      }),
    ).toBe(1)
    // a second writer that read revision 0 lost the race: nothing of its change is kept
    expect(
      await store.commit(0, [{ kind: 'put', document: doc('b'), origin: 'api' }], {
        key: 'k',
        pack,
      }),
    ).toBe(undefined)
    const corpus = await store.corpus()
    expect(corpus.revision).toBe(1)
    expect(corpus.documents.map((d) => d.docId)).toEqual(['a'])
    expect((await store.snapshot())?.revision).toBe(1)
    await store.close()
  })

  it('keeps a seed article removed through the API from coming back', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    await store.commit(0, [{ kind: 'put', document: doc('s'), origin: 'seed' }], { key: 'k', pack })
    await store.commit(1, [{ kind: 'delete', docId: 's' }], { key: 'k', pack })
    expect([...(await store.removedSeeds())]).toEqual(['s'])
    // putting it back through the API lifts the tombstone
    await store.commit(2, [{ kind: 'put', document: doc('s'), origin: 'api' }], { key: 'k', pack })
    expect([...(await store.removedSeeds())]).toEqual([])
    await store.close()
  })

  it('logs answers, counts them per day, and drops those past the retention', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    const day = (d: number, h = 12) => Date.UTC(2026, 0, d, h)
    await store.logAnswer(record({ answerId: 'r1', at: day(1) }))
    await store.logAnswer(record({ answerId: 'r2', at: day(2) }))
    await store.logAnswer(
      record({ answerId: 'ok', at: day(2, 13), abstained: false, kind: 'fact', reason: undefined }),
    )
    expect(await store.answersPerDay(0)).toEqual([
      { day: '2026-01-01', answered: 0, refused: 1 },
      { day: '2026-01-02', answered: 1, refused: 1 },
    ])
    expect((await store.refusals(0, 10)).map((r) => r.answerId)).toEqual(['r2', 'r1'])
    expect(await store.findAnswer('ok')).toMatchObject({
      abstained: false,
      kind: 'fact',
      channel: 'api',
    })
    expect(await store.pruneLog(day(2, 0))).toBe(1)
    expect(await store.findAnswer('r1')).toBeUndefined()
    await store.close()
  })

  it('keeps one feedback per answer: the latest', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    const base = { answerId: 'x', channel: 'api', question: 'q', answer: 'a', citations: [] }
    await store.addFeedback({ ...base, helpful: false, at: 1, comment: 'wrong' })
    await store.addFeedback({ ...base, helpful: true, at: 2 })
    expect(await store.unhelpful(10)).toEqual([])
    await store.addFeedback({ ...base, helpful: false, at: 3 })
    expect(await store.unhelpful(10)).toEqual([
      { ...base, helpful: false, at: 3, comment: undefined, reason: undefined },
    ])
    await store.close()
  })

  it('creates the database file under DATA_DIR on first open and keeps the snapshot gzipped', async () => {
    const dataDir = `${tempDir()}/nested`
    const first = await openNodeStore({ dataDir })
    await first.commit(0, [{ kind: 'put', document: doc('a'), origin: 'api' }], { key: 'k', pack })
    await first.close()
    const again = await openNodeStore({ dataDir })
    const snapshot = await again.snapshot()
    expect([snapshot?.revision, snapshot?.key]).toEqual([1, 'k'])
    expect(await snapshot?.documents()).toEqual(pack.documents)
    expect((await snapshot?.load())?.facts).toEqual(JSON.parse(JSON.stringify(pack.facts)))
    expect((await again.corpus()).documents).toEqual([doc('a')])
    await again.close()
  })

  it('never waits for a lock inside SQLite, which would hold the thread: busy_timeout is 0', async () => {
    const client = await storeClient({ dataDir: tempDir() })
    // every connection of the client, those a transaction opens too
    const tx = await client.transaction('write')
    expect((await tx.execute('PRAGMA busy_timeout')).rows[0]).toMatchObject({ timeout: 0 })
    await tx.rollback()
    expect((await client.execute('PRAGMA busy_timeout')).rows[0]).toMatchObject({ timeout: 0 })
    client.close()
  })

  it('waits for another process holding the write lock with timers, then writes', async () => {
    const dataDir = tempDir()
    const store = await openNodeStore({ dataDir })
    // another process writing: a second client holding a write transaction on the same file
    const other = createClient({ url: `file:${dataDir}/citable.db` })
    const locked = await other.transaction('write')
    await locked.execute("UPDATE meta SET value = value WHERE key = 'revision'")
    let written = false
    const write = store.logAnswer(record({ answerId: 'while-locked' })).then(() => {
      written = true
    })
    // a timer set after the write was asked for fires while it waits: the thread is not held
    let ticks = 0
    while (ticks < 3) {
      await new Promise((done) => setTimeout(done, 10))
      ticks++
    }
    expect(written).toBe(false)
    await locked.commit()
    await write
    expect((await store.findAnswer('while-locked'))?.answerId).toBe('while-locked')
    other.close()
    await store.close()
  })

  it('gives up with SQLITE_BUSY once the lock outlasts the wait', async () => {
    const dataDir = tempDir()
    await (await openNodeStore({ dataDir })).close()
    const other = createClient({ url: `file:${dataDir}/citable.db` })
    const locked = await other.transaction('write')
    await locked.execute("UPDATE meta SET value = value WHERE key = 'revision'")
    const db = libsqlDriver(createClient({ url: `file:${dataDir}/citable.db` }), {
      firstMs: 1,
      maxMs: 2,
      totalMs: 10,
    })
    await expect(
      db.run("UPDATE meta SET value = '9' WHERE key = 'revision'"),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    await locked.rollback()
    expect(await db.run("UPDATE meta SET value = '9' WHERE key = 'revision'")).toBe(1)
    await db.close()
    other.close()
  })
})
