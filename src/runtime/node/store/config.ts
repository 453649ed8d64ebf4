/** The store's environment variables, validated with the rest of the configuration (src/runtime/node/config.ts). */
import { z } from 'zod'
import type { AppConfig } from '../../../http/deps'

export const storeVariables = {
  /** the folder of the database file (citable.db), created on first start */
  DATA_DIR: z.string().min(1).default('data'),
  /** a libSQL server (sqld, Turso) several instances share; wins over DATA_DIR */
  DATABASE_URL: z
    .string()
    .regex(
      /^(?:libsql|https?|wss?):\/\/\S+$|^file:\S+$|^:memory:$/,
      'must be a libsql://, http(s)://, ws(s)://, file: URL or :memory:',
    )
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  /** the owner's token for /admin and the document write routes; unset, they answer 503 */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** days the question log keeps a question */
  LOG_RETENTION_DAYS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of days from 1 to 3650')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 3650, 'must be a whole number of days from 1 to 3650')
    .default(30),
  /** "off" keeps no question log (feedback still copies the answer it is about) */
  QUESTION_LOG: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  /** question-log writes waiting for the store at most; more are dropped and counted in the log */
  QUESTION_LOG_QUEUE: z
    .string()
    .regex(/^\d+$/, 'must be a whole number from 1 to 1000000')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1_000_000, 'must be a whole number from 1 to 1000000')
    .default(1000),
}

export interface StoreVariables {
  DATA_DIR: string
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  ADMIN_TOKEN?: string
  LOG_RETENTION_DAYS: number
  QUESTION_LOG: 'on' | 'off'
  QUESTION_LOG_QUEUE: number
}

export function storeAppConfig(env: StoreVariables): Pick<AppConfig, 'adminToken' | 'questionLog'> {
  return {
    adminToken: env.ADMIN_TOKEN,
    questionLog: {
      enabled: env.QUESTION_LOG === 'on',
      retentionDays: env.LOG_RETENTION_DAYS,
      maxPending: env.QUESTION_LOG_QUEUE,
    },
  }
}
