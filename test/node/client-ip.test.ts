/** Honest client addresses: the header entry our proxies wrote, an IP address or nothing; a table that stays small under a spray. */
import { randomBytes } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../../src/http/deps'
import { createMemoryRateLimiter } from '../../src/http/middleware/rate-limit'
import { forwardedAddress, parseAddress, rateKey } from '../../src/runtime/node/client-ip'
import { nodeClientKey } from '../../src/runtime/node/server'

/** a request context with one header and no socket (the socket's address is then "unknown") */
const withHeader = (value: string | undefined) =>
  ({ req: { header: () => value }, env: {} }) as unknown as Context<AppEnv>

describe('forwardedAddress', () => {
  it('takes the entry TRUSTED_PROXIES from the right', () => {
    expect(forwardedAddress('198.51.100.7, 10.0.0.1, 203.0.113.1', 1)).toBe('203.0.113.1')
    expect(forwardedAddress('198.51.100.7, 10.0.0.1, 203.0.113.1', 2)).toBe('10.0.0.1')
    expect(forwardedAddress('203.0.113.1', 2)).toBeUndefined()
  })

  it('refuses anything that is not an IP address', () => {
    for (const value of [
      'evil',
      '203.0.113.1, evil',
      '999.1.1.1',
      'x'.repeat(12_000),
      '',
      undefined,
    ])
      expect(forwardedAddress(value, 1), String(value).slice(0, 20)).toBeUndefined()
  })

  it('reads addresses with ports and brackets as the bare address', () => {
    expect(parseAddress('[2001:db8::1]:443')).toBe('2001:db8::1')
    expect(parseAddress('203.0.113.7:8080')).toBe('203.0.113.7')
    expect(parseAddress(' 2001:db8::1 ')).toBe('2001:db8::1')
  })
})

describe('rateKey', () => {
  it('counts IPv4-mapped addresses as IPv4 and IPv6 by its /64', () => {
    expect(rateKey('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(rateKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(rateKey('2001:0db8:0000:0000:ffff::2')).toBe('2001:db8:0:0::/64')
    expect(rateKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
  })
})

describe('nodeClientKey', () => {
  it('uses the header only when it holds an address, else the socket', () => {
    const key = nodeClientKey('X-Forwarded-For', 1)
    expect(key(withHeader('10.0.0.1, 203.0.113.1'))).toBe('203.0.113.1')
    expect(key(withHeader(`${'a'.repeat(12_000)}`))).toBe('unknown')
    expect(nodeClientKey()(withHeader('203.0.113.1'))).toBe('unknown')
  })

  it('keeps the limiter table bounded in entries and bytes under 100,000 addresses', () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const limiter = createMemoryRateLimiter({ limit: 5 })
    const key = nodeClientKey('X-Forwarded-For', 1)
    gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 100_000; i++) {
      // half are distinct addresses, half distinct junk of 1 KB a client could send
      const value =
        i % 2 === 0
          ? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
          : `${i}-${'x'.repeat(1024)}`
      void limiter.hit(key(withHeader(value)))
    }
    // and keys that would be long if a runtime passed them through: held as digests
    // (random, so each is a flat 8 KB string and not a rope sharing one repeated leaf)
    for (let i = 0; i < 20_000; i++) void limiter.hit(randomBytes(6 * 1024).toString('base64'))
    gc()
    const grown = process.memoryUsage().heapUsed - before
    expect(limiter.size).toBeLessThanOrEqual(10_000)
    // 10,000 keys of at most 64 characters: a few MB, not the 160 MB the long keys would take
    expect(grown).toBeLessThan(8 * 1024 * 1024)
  })
})
