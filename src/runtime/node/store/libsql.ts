/** The Store on Node: SQLite through @libsql/client, a file under DATA_DIR or a libSQL server at DATABASE_URL. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Client, createClient, type InArgs, type Transaction } from '@libsql/client'
import type { Store } from '../../../core/store'
import {
  type Row,
  type SqlDriver,
  type SqlQueries,
  type SqlValue,
  sqlStore,
} from '../../../store/sql'
import { decodePack, encodePack } from './encoded'
import { migrate } from './migrate'

export interface StoreLocation {
  /** a libSQL URL (libsql://, https://, ws://, file:, :memory:); wins over dataDir */
  url?: string
  authToken?: string
  /** the folder of the database file citable.db; defaults to ./data */
  dataDir?: string
}

/** the URL a location names; the folder of a file database is created */
export function storeUrl(location: StoreLocation): string {
  if (location.url) return location.url
  const dir = location.dataDir ?? 'data'
  mkdirSync(dir, { recursive: true })
  return `file:${join(dir, 'citable.db')}`
}

const toValue = (v: unknown): SqlValue =>
  v instanceof ArrayBuffer ? new Uint8Array(v) : typeof v === 'bigint' ? Number(v) : (v as SqlValue)

function queries(target: Client | Transaction): SqlQueries {
  return {
    async all(sql, args = []) {
      const result = await target.execute({ sql, args: args as InArgs })
      return result.rows.map((row) => {
        const out: Row = {}
        for (const column of result.columns) out[column] = toValue(row[column])
        return out
      })
    },
    async run(sql, args = []) {
      return (await target.execute({ sql, args: args as InArgs })).rowsAffected
    },
  }
}

/**
 * One operation at a time: an in-memory database has a single connection, which a transaction
 * holds, and SQLite writes one transaction at a time anyway.
 */
export function libsqlDriver(client: Client): SqlDriver {
  let tail: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work)
    tail = next.catch(() => {})
    return next
  }
  const direct = queries(client)
  return {
    all: (sql, args) => serial(() => direct.all(sql, args)),
    run: (sql, args) => serial(() => direct.run(sql, args)),
    transaction: (work) =>
      serial(async () => {
        const tx = await client.transaction('write')
        try {
          const out = await work(queries(tx))
          await tx.commit()
          return out
        } catch (error) {
          await tx.rollback().catch(() => {})
          throw error
        } finally {
          tx.close()
        }
      }),
    close: () => serial(async () => client.close()),
  }
}

/** opens the store, creating and migrating the database as needed */
export async function openNodeStore(location: StoreLocation = {}): Promise<Store> {
  const url = storeUrl(location)
  const client = createClient({ url, authToken: location.authToken })
  try {
    if (url.startsWith('file:')) {
      // WAL: readers do not wait for the writer, and a commit survives the process being killed
      await client.execute('PRAGMA journal_mode = WAL')
      await client.execute('PRAGMA busy_timeout = 5000')
    }
    const driver = libsqlDriver(client)
    await migrate(driver)
    return sqlStore(driver, {
      encodePack,
      decodePack: (stored) => decodePack(stored as Uint8Array),
    })
  } catch (error) {
    client.close()
    throw error
  }
}
