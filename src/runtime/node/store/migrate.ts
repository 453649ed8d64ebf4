/** Applies migrations/NNNN_name.sql in order, each in its own transaction; refuses a database newer than the code. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StoreError } from '../../../store/errors'
import type { SqlDriver } from '../../../store/sql'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** the repository's migrations/, found upwards from this module: from src/runtime/node/store/ or the bundle in dist/node/ */
function findMigrations(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'migrations')
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return `${candidate}/`
    dir = dirname(dir)
  }
  return fileURLToPath(new URL('../../../../migrations/', import.meta.url))
}

export const migrationsDir = findMigrations()

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 4)),
      name,
      sql: readFileSync(`${dir}/${name}`, 'utf8'),
    }))
}

/** SQLite runs one statement per call: split on the semicolons that end a line */
export function statements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** returns the versions applied now */
export async function migrate(db: SqlDriver, migrations = readMigrations()): Promise<number[]> {
  await db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  )
  const latest = migrations.at(-1)?.version ?? 0
  const applied: number[] = []
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // read inside the transaction: another instance starting at once waits for ours
      const current = Number(
        (await tx.all('SELECT MAX(version) AS v FROM schema_migrations'))[0]?.v ?? 0,
      )
      if (current > latest)
        throw new StoreError(
          'store_newer',
          `the database is at migration ${current}, newer than this code knows (${latest}): run a newer citable, or point DATA_DIR elsewhere`,
        )
      if (current >= migration.version) return false
      for (const statement of statements(migration.sql)) await tx.run(statement)
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        Date.now(),
      ])
      return true
    })
    if (done) applied.push(migration.version)
  }
  if (migrations.length === 0) {
    const current = Number(
      (await db.all('SELECT MAX(version) AS v FROM schema_migrations'))[0]?.v ?? 0,
    )
    if (current > 0)
      throw new StoreError(
        'store_newer',
        `the database is at migration ${current}, newer than this code knows (0)`,
      )
  }
  return applied
}
