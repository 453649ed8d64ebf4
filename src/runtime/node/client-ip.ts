/** The client address a request counts against: a header our own proxies wrote, or the socket's address. */
import { isIP } from 'node:net'

/** an address as the rate limiter keys it: IPv4-mapped IPv6 as IPv4, other IPv6 by its /64 */
export function rateKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped) return mapped[1]!
  if (isIP(address) !== 6) return address
  // one subscriber usually holds a whole /64: counting each address would let it rotate freely
  const [head = '', tail = ''] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** "203.0.113.7", "[2001:db8::1]:443" or "203.0.113.7:80" as a bare IP address, else undefined */
export function parseAddress(entry: string): string | undefined {
  let value = entry.trim()
  if (value.length > 64) return undefined
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value)
  if (bracketed) value = bracketed[1]!
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(value))
    value = value.slice(0, value.indexOf(':'))
  return isIP(value) ? value : undefined
}

/**
 * The address a header gives when `trustedProxies` proxies of ours each appended the address
 * they saw: the `trustedProxies`-th entry from the right. Entries further left are whatever
 * the client sent. A missing, short or malformed value gives undefined: use the socket.
 */
export function forwardedAddress(value: string | undefined, trustedProxies: number) {
  if (!value || value.length > 4096) return undefined
  const entries = value.split(',')
  if (entries.length < trustedProxies) return undefined
  return parseAddress(entries[entries.length - trustedProxies]!)
}
