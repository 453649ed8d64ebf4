/**
 * The start from a stored snapshot, side by side with another build of citable (main's), on the
 * same store contents: `tsx scripts/bench/store-compare.ts OTHER_REPO STORE_DIR [ROUNDS]`.
 * STORE_DIR is a store the store bench made in the other build's formats (its citable.db, and
 * replay/citable.db with 30 additions after its snapshot). Each start is spawn to the first 200
 * from /healthz with `npm start`'s flags and a 4 GB heap, the two builds alternated.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { asciiJson, packRows, unpackRows } from '../../src/core/knowledge/rows'
import { type ChunkName, type Chunks, chunkNames } from '../../src/core/knowledge/snapshot'
import { openNodeStore } from '../../src/runtime/node/store/libsql'
import { isMain } from './child'
import { freePort, rssOf } from './server'

const flags = [
  '--max-old-space-size=4096',
  '--max-semi-space-size=4',
  '--initial-old-space-size=64',
  'dist/node/server.mjs',
]

/** format 1's rows: JSON whose strings and string lists are numbers into one table */
function oldRows(json: string): object[] {
  const { strings, text, lists, rows } = JSON.parse(json)
  for (const row of rows) {
    for (const key of text) if (row[key] !== undefined) row[key] = strings[row[key]]
    for (const key of lists) if (row[key]) row[key] = row[key].map((n: number) => strings[n])
  }
  return rows
}

function packOldRows(rows: Record<string, unknown>[]): Uint8Array {
  const isText = (v: unknown) => typeof v === 'string'
  const isList = (v: unknown) => Array.isArray(v) && v.every(isText)
  const where = (test: (v: unknown) => boolean) => {
    const ok = new Map<string, boolean>()
    for (const row of rows)
      for (const [k, v] of Object.entries(row))
        if (v !== undefined) ok.set(k, (ok.get(k) ?? true) && test(v))
    return [...ok].filter(([, y]) => y).map(([k]) => k)
  }
  const text = where(isText)
  const lists = where(isList)
  const ids = new Map<string, number>()
  const id = (x: string) => {
    if (!ids.has(x)) ids.set(x, ids.size)
    return ids.get(x)!
  }
  const packed = rows.map((row) => {
    const out = { ...row }
    for (const k of text) if (typeof row[k] === 'string') out[k] = id(row[k] as string)
    for (const k of lists) if (Array.isArray(row[k])) out[k] = (row[k] as string[]).map(id)
    return out
  })
  return asciiJson({ strings: [...ids.keys()], text, lists, rows: packed })
}

/** the chunks framed as encoded.ts frames them, with the header of `format` */
function frame(chunks: Chunks, format: number): Uint8Array {
  const zipped = chunkNames.map((name) => [name, gzipSync(chunks[name], { level: 1 })] as const)
  const head = Buffer.from(
    JSON.stringify({ format, chunks: zipped.map(([n, z]) => [n, z.length, chunks[n].length]) }),
  )
  const prefix = Buffer.alloc(8)
  prefix.set([0x43, 0x53, 0x4e, 0x50], 0)
  prefix.writeUInt32BE(head.length, 4)
  return Buffer.concat([prefix, head, ...zipped.map(([, z]) => z)])
}

/** the stored snapshot rewritten in snapshot format `format` (1: main's, 2: this build's) */
async function inFormat(dbFile: string, format: 1 | 2): Promise<void> {
  const db = createClient({ url: `file:${dbFile}` })
  const row = (await db.execute('SELECT pack, build_key FROM pack_snapshot')).rows[0]!
  const bytes = Buffer.from(row.pack as ArrayBuffer)
  const head = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32BE(4))) as {
    format: number
    chunks: [ChunkName, number, number][]
  }
  const chunks = {} as Chunks
  let at = 8 + bytes.readUInt32BE(4)
  for (const [name, length] of head.chunks) {
    chunks[name] = gunzipSync(bytes.subarray(at, at + length))
    at += length
  }
  for (const name of ['passages', 'facts'] as const) {
    const rows =
      head.format === 1
        ? oldRows(new TextDecoder().decode(chunks[name]))
        : unpackRows<Record<string, unknown>>(chunks[name])
    chunks[name] = format === 1 ? packOldRows(rows as Record<string, unknown>[]) : packRows(rows)
  }
  // the meta chunk names the format too
  const meta = JSON.parse(new TextDecoder().decode(chunks.meta))
  chunks.meta = asciiJson({ ...meta, format })
  if (chunkNames.some((n) => !chunks[n])) throw new Error('a chunk is missing')
  await db.execute({
    sql: 'UPDATE pack_snapshot SET pack = ?, build_key = ?',
    args: [
      frame(chunks, format),
      String(row.build_key).replace(/snapshot\d+/, `snapshot${format}`),
    ],
  })
  db.close()
}

/** a self-contained copy of a store in main's formats: migration 1, snapshot format 1 */
export async function atMigration1(from: string, to: string): Promise<void> {
  mkdirSync(to, { recursive: true })
  const copy = createClient({ url: `file:${from}` })
  await copy.execute(`VACUUM INTO '${join(to, 'citable.db')}'`)
  copy.close()
  const db = createClient({ url: `file:${join(to, 'citable.db')}` })
  const columns = (await db.execute('PRAGMA table_info(articles)')).rows.map((r) => r.name)
  if (columns.includes('revision')) await db.execute('ALTER TABLE articles DROP COLUMN revision')
  await db.execute('DELETE FROM schema_migrations WHERE version > 1')
  db.close()
  await inFormat(join(to, 'citable.db'), 1)
}

/** a copy of a store in this build's formats: its migrations, snapshot format 2 */
export async function converted(from: string, to: string): Promise<void> {
  await atMigration1(from, to)
  await inFormat(join(to, 'citable.db'), 2)
  // this build's migrations (which date every article at the current revision), then the articles
  // the snapshot has dated at its revision, as a store that ran this build throughout has them
  const store = await openNodeStore({ dataDir: to })
  await store.close()
  const dated = createClient({ url: `file:${join(to, 'citable.db')}` })
  await dated.execute(
    `UPDATE articles SET revision = (SELECT revision FROM pack_snapshot)
     WHERE updated_at <= (SELECT built_at FROM pack_snapshot)`,
  )
  dated.close()
}

async function timeStart(repo: string, dataDir: string) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, flags, {
    cwd: repo,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
      if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}`)
      if (performance.now() - started > 120_000) throw new Error('no /healthz in 120 s')
      await new Promise((done) => setTimeout(done, 20))
    }
    return { ms: performance.now() - started, rss: rssOf(child.pid!) }
  } finally {
    child.kill('SIGKILL')
    await new Promise((done) => child.once('exit', done))
  }
}

async function compare(other: string, storeDir: string, rounds: number) {
  const here = join(import.meta.dirname, '../..')
  const work = mkdtempSync(join(tmpdir(), 'citable-compare-'))
  try {
    const stores = {
      current: { main: join(work, 'main-current'), branch: join(work, 'current') },
      replay: { main: join(work, 'main-replay'), branch: join(work, 'replay') },
    }
    const sources = { current: storeDir, replay: join(storeDir, 'replay') }
    for (const [kind, s] of Object.entries(stores)) {
      const from = join(sources[kind as keyof typeof sources], 'citable.db')
      await atMigration1(from, s.main)
      await converted(from, s.branch)
    }
    for (let r = 0; r < rounds; r++)
      for (const [kind, s] of Object.entries(stores))
        for (const [build, repo, dir] of [
          ['main', other, s.main],
          ['branch', here, s.branch],
        ] as const) {
          // each start on a copy: a start writes to its store (seed sync, migrations)
          const dataDir = join(work, `run-${build}-${kind}`)
          rmSync(dataDir, { recursive: true, force: true })
          mkdirSync(dataDir)
          copyFileSync(join(dir, 'citable.db'), join(dataDir, 'citable.db'))
          const load = loadavg()[0]!.toFixed(1)
          const { ms, rss } = await timeStart(repo, dataDir)
          process.stdout.write(
            `${kind}\t${build}\t${(ms / 1000).toFixed(2)} s\t${(rss / 1e9).toFixed(2)} GB\tload ${load}\n`,
          )
        }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (isMain(import.meta.url)) {
  const [other, storeDir, rounds = '3'] = process.argv.slice(2)
  await compare(other!, storeDir!, Number(rounds))
}
