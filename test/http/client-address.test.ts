/** Client addresses without node:net (the Worker reads them too): the same answers as Node's isIP, and the key a request counts against. */
import { isIP } from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientAddress, isIPv4, isIPv6 } from '../../src/http/middleware/client-address'

const kind = (s: string) => (isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0)

describe('isIPv4 and isIPv6', () => {
  it.each([
    ['203.0.113.7', 4],
    ['01.2.3.4', 0],
    ['256.1.1.1', 0],
    ['1.2.3', 0],
    ['::', 6],
    ['::1', 6],
    ['2001:db8::', 6],
    ['1:2:3:4:5:6:7:8', 6],
    ['1:2:3:4:5:6:7:8:9', 0],
    ['1::2::3', 0],
    ['::ffff:192.0.2.1', 6],
    ['1:2:3:4:5:6:192.0.2.1', 6],
    ['1:2:3:4:5:6:7:192.0.2.1', 0],
    ['192.0.2.1::', 0],
    ['fe80::1%eth0', 6],
    ['12345::', 0],
    [':1', 0],
    [':::', 0],
    ['[::1]', 0],
    ['', 0],
  ])('reads %j as IPv%i (0: not an address), as node:net does', (text, expected) => {
    expect(kind(text)).toBe(expected)
    expect(isIP(text)).toBe(expected)
  })

  it('agrees with node:net on any text of address characters (zones aside)', () => {
    const chars = fc.constantFrom(...'0123456789abcdefABCDEF:.'.split(''))
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 45 }), (text) => kind(text) === isIP(text)),
      { numRuns: 20_000 },
    )
  })
})

describe('clientAddress', () => {
  const headers = (value?: string) => (name: string) =>
    name === 'X-Forwarded-For' ? value : undefined
  const options = { header: 'X-Forwarded-For', trustedProxies: 1 }

  it('takes the header entry of our proxy, keyed as the limiter counts it', () => {
    expect(clientAddress(headers('evil, 2001:db8:1:2::9'), '192.0.2.1', options)).toBe(
      '2001:db8:1:2::/64',
    )
  })

  it('falls back to the address the runtime saw, and to "unknown" when that is none', () => {
    expect(clientAddress(headers('evil'), '::ffff:192.0.2.1', options)).toBe('192.0.2.1')
    expect(clientAddress(headers(), 'not an address', options)).toBe('unknown')
    expect(clientAddress(headers('203.0.113.9'), undefined)).toBe('unknown')
  })
})
