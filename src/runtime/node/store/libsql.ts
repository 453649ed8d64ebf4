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

export interface BusyOptions {
  /** ms before the first retry of an operation another process's lock refused; doubles each time */
  firstMs: number
  /** ms between retries at most */
  maxMs: number
  /** ms of retrying after which the operation fails with SQLITE_BUSY */
  totalMs: number
}

/**
 * A database file locked by another process (another instance writing) is waited for here, with
 * timers, not inside SQLite: libSQL runs a file's statements synchronously on this thread, so
 * SQLite's own busy timeout would stop every answer for as long as it waited.
 */
export const busyDefaults: BusyOptions = { firstMs: 5, maxMs: 250, totalMs: 5_000 }

const isBusy = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY'

export async function whenNotBusy<T>(
  work: () => Promise<T>,
  o: BusyOptions = busyDefaults,
): Promise<T> {
  let waited = 0
  for (let delay = o.firstMs; ; delay = Math.min(delay * 2, o.maxMs)) {
    try {
      return await work()
    } catch (error) {
      if (!isBusy(error) || waited >= o.totalMs) throw error
    }
    await new Promise((done) => setTimeout(done, delay))
    waited += delay
  }
}

/**
 * One operation at a time: an in-memory database has a single connection, which a transaction
 * holds, and SQLite writes one transaction at a time anyway. An operation a lock refused is
 * tried again (whenNotBusy), a transaction from its start.
 */
export function libsqlDriver(client: Client, busy: BusyOptions = busyDefaults): SqlDriver {
  let tail: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const retried = () => whenNotBusy(work, busy)
    const next = tail.then(retried, retried)
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
    close: () => {
      const closed = tail.then(() => client.close())
      tail = closed.catch(() => {})
      return closed
    },
  }
}

/**
 * the client of a location; a file's connections never wait for a lock inside SQLite (timeout 0:
 * SQLITE_BUSY at once), the driver waits with timers instead
 */
export async function storeClient(location: StoreLocation = {}): Promise<Client> {
  const url = storeUrl(location)
  const client = createClient({ url, authToken: location.authToken, timeout: 0 })
  if (url.startsWith('file:'))
    try {
      // WAL: readers do not wait for the writer, and a commit survives the process being killed
      await whenNotBusy(() => client.execute('PRAGMA journal_mode = WAL'))
    } catch (error) {
      client.close()
      throw error
    }
  return client
}

/** opens the store, creating and migrating the database as needed */
export async function openNodeStore(location: StoreLocation = {}): Promise<Store> {
  const client = await storeClient(location)
  try {
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
