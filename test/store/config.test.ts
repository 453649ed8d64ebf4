/** The store's variables: defaults, and a bad value naming the variable (never a secret's value). */
import { describe, expect, it } from 'vitest'
import { appConfig, readConfig } from '../../src/runtime/node/config'

describe('the store configuration', () => {
  it('defaults to ./data, the log on for 30 days, and no admin token', () => {
    const env = readConfig({})
    expect([env.DATA_DIR, env.DATABASE_URL, env.QUESTION_LOG, env.LOG_RETENTION_DAYS]).toEqual([
      'data',
      undefined,
      'on',
      30,
    ])
    expect(appConfig(env)).toMatchObject({
      adminToken: undefined,
      questionLog: { enabled: true, retentionDays: 30, maxPending: 1000 },
    })
  })

  it('turns the log off and keeps the token', () => {
    const env = readConfig({
      QUESTION_LOG: 'off',
      LOG_RETENTION_DAYS: '7',
      ADMIN_TOKEN: 'a-long-enough-token',
    })
    expect(appConfig(env)).toMatchObject({
      adminToken: 'a-long-enough-token',
      questionLog: { enabled: false, retentionDays: 7 },
    })
  })

  it('refuses bad values, naming the variable', () => {
    expect(() => readConfig({ LOG_RETENTION_DAYS: '0' })).toThrow(
      'LOG_RETENTION_DAYS: must be a whole number of days from 1 to 3650 (got "0")',
    )
    expect(() => readConfig({ QUESTION_LOG_QUEUE: '0' })).toThrow(
      'QUESTION_LOG_QUEUE: must be a whole number from 1 to 1000000 (got "0")',
    )
    expect(() => readConfig({ QUESTION_LOG: 'maybe' })).toThrow(
      'QUESTION_LOG: must be "on" or "off" (got "maybe")',
    )
    expect(() => readConfig({ DATABASE_URL: 'postgres://x' })).toThrow(
      'DATABASE_URL: must be a libsql://, http(s)://, ws(s)://, file: URL or :memory: (got "postgres://x")',
    )
  })

  it('never repeats a bad token in the message', () => {
    expect(() => readConfig({ ADMIN_TOKEN: 'short' })).toThrow(
      /^ADMIN_TOKEN: must be at least 16 characters$/,
    )
  })
})
