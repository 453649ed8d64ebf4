/** The Store on Workers: the same SQL over D1, whose migrations `wrangler d1 migrations apply` runs from migrations/. */
import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Store } from '../../core/store'
import { type Row, type SqlDriver, type SqlQueries, type SqlValue, sqlStore } from '../../store/sql'

function queries(db: D1Database): SqlQueries {
  return {
    async all(sql, args = []) {
      return (
        await db
          .prepare(sql)
          .bind(...args)
          .all<Row>()
      ).results
    },
    async run(sql, args = []) {
      return (
        await db
          .prepare(sql)
          .bind(...args)
          .run()
      ).meta.changes
    },
  }
}

/**
 * D1 has no interactive transactions: inside `transaction` reads run at once and writes are
 * gathered into one `batch`, which D1 runs atomically. The writes cannot see each other's rows,
 * which the store's only multi-write change (articles + snapshot, Node only) does not need.
 */
export function d1Driver(db: D1Database): SqlDriver {
  const direct = queries(db)
  return {
    ...direct,
    async transaction(work) {
      const writes: D1PreparedStatement[] = []
      const tx: SqlQueries = {
        all: direct.all,
        async run(sql: string, args: SqlValue[] = []) {
          writes.push(db.prepare(sql).bind(...args))
          return 0
        },
      }
      const out = await work(tx)
      if (writes.length) await db.batch(writes)
      return out
    },
    async close() {},
  }
}

export const d1Store = (db: D1Database): Store => sqlStore(d1Driver(db))
