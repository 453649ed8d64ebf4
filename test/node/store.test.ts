/** The store across restarts of the real server: what was acknowledged survives SIGTERM and SIGKILL, whole. */
import { readdirSync, readFileSync } from 'node:fs'
import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../store/helpers'
import { spawnServer } from './spawn'

const adminToken = 'node-test-admin-token-0123'
const auth = { authorization: `Bearer ${adminToken}` }
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  ADMIN_TOKEN: adminToken,
  RATE_LIMIT_PER_MINUTE: '0',
})
const port = readFileSync('test/fixtures/corpus/kestrel-bay-port.md', 'utf8')

const put = (base: string, docId: string, body: string) =>
  fetch(`${base}/api/documents/${docId}`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'text/markdown' },
    body,
  })

const askAt = async (base: string, q: string) =>
  (await (await fetch(`${base}/api/answer?q=${encodeURIComponent(q)}`)).json()) as {
    abstained: boolean
    answerId: string
    citations: { docId: string }[]
  }

/** polls until `check` holds, up to a bound; never a fixed sleep */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms and the condition never held`)
    await new Promise((done) => setTimeout(done, 25))
  }
}

describe('the store across restarts', () => {
  it('keeps added articles, feedback and the question log through SIGTERM, and starts from the snapshot', async () => {
    const dataDir = tempDir()
    const first = spawnServer(env(dataDir))
    const base = `http://127.0.0.1:${await first.port}`
    expect((await put(base, 'kestrel-bay-port', port)).status).toBe(201)
    await askAt(base, 'What is the capital of France?')
    const answered = await askAt(base, 'How many TEU did Kestrel Bay handle?')
    expect(answered.citations[0]?.docId).toBe('kestrel-bay-port')
    const feedback = await fetch(`${base}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answerId: answered.answerId,
        helpful: false,
        comment: 'kept across restarts',
      }),
    })
    expect(feedback.status).toBe(200)
    // the log is written beside the answer, not before it: wait until it shows
    await until(async () =>
      (await (await fetch(`${base}/admin`, { headers: auth })).text()).includes(
        'What is the capital of France?',
      ),
    )
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)

    const second = spawnServer(env(dataDir))
    const again = `http://127.0.0.1:${await second.port}`
    // the snapshot is rebuilt only once changes stop for a while: the added article is applied to the one of the seed
    const listening = await second.waitFor((l) => typeof l.port === 'number')
    expect(listening.knowledgeFrom).toBe('the stored snapshot and 1 later change(s)')
    expect(listening.documents).toBe(2)
    expect((await askAt(again, 'How many TEU did Kestrel Bay handle?')).citations[0]?.docId).toBe(
      'kestrel-bay-port',
    )
    const page = await (await fetch(`${again}/admin`, { headers: auth })).text()
    expect(page).toContain('What is the capital of France?')
    expect(page).toContain('“kept across restarts”')
    second.child.kill('SIGTERM')
    await second.exited
  })

  it('loses nothing acknowledged and keeps no half-added article when killed with SIGKILL mid-ingest', async () => {
    const dataDir = tempDir()
    const first = spawnServer(env(dataDir))
    const base = `http://127.0.0.1:${await first.port}`
    const article = (n: number) =>
      `---\ntitle: Harbour note ${n}\n---\nThe harbour board of Town${n} counted ${100 + n} cranes in 2020.\n\n${'The board met on Tuesday. '.repeat(40)}\n`
    const acknowledged: number[] = []
    // a hundred changes queued at once; the server reads and commits them one after another
    const sent = Array.from({ length: 100 }, (_, n) =>
      put(base, `note-${n}`, article(n))
        .then((res) => {
          if (res.status === 201) acknowledged.push(n)
        })
        .catch(() => {}),
    )
    await until(async () => acknowledged.length >= 3)
    first.child.kill('SIGKILL')
    await Promise.all(sent)
    expect(await first.exited).toBe(null)
    expect(acknowledged.length).toBeLessThan(100)

    const second = spawnServer(env(dataDir))
    const again = `http://127.0.0.1:${await second.port}`
    const list = (await (await fetch(`${again}/api/documents`, { headers: auth })).json()) as {
      documents: { docId: string; passages: number }[]
    }
    const present = list.documents.map((d) => d.docId).filter((id) => id.startsWith('note-'))
    // each article was committed whole; the start applies those committed after the snapshot to it
    const listening = await second.waitFor((l) => typeof l.port === 'number')
    expect(listening.knowledgeFrom).toBe(
      `the stored snapshot and ${present.length} later change(s)`,
    )
    for (const n of acknowledged) expect(present).toContain(`note-${n}`)
    // every article there is whole: its text as sent, its passages indexed
    for (const docId of present) {
      const n = Number(docId.slice(5))
      const doc = (await (await fetch(`${again}/api/documents/${docId}`)).json()) as {
        title: string
        text: string
      }
      expect(doc.title).toBe(`Harbour note ${n}`)
      expect(doc.text).toBe(article(n).split('---\n')[2]!.trimEnd())
      expect(list.documents.find((d) => d.docId === docId)!.passages).toBeGreaterThan(0)
    }
    second.child.kill('SIGTERM')
    await second.exited
  })

  it('refuses to start on a database migrated by a newer citable, naming the versions', async () => {
    const dataDir = tempDir()
    const db = createClient({ url: `file:${dataDir}/citable.db` })
    await db.execute(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    )
    await db.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 0)")
    db.close()
    const server = spawnServer(env(dataDir))
    expect(await server.exited).toBe(1)
    // the newest migration this code knows: the highest numbered file of migrations/
    const known = Math.max(...readdirSync('migrations').map((f) => Number.parseInt(f, 10) || 0))
    expect(server.stderr()).toBe(
      `citable cannot start: the database is at migration 9999, newer than this code knows (${known}): run a newer citable, or point DATA_DIR elsewhere\n`,
    )
  })
})
