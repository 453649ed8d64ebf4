/**
 * The client address a request counts against, in every runtime alike: the entry our own
 * proxies wrote into a header (`TRUSTED_PROXIES` from the right), else the address the runtime
 * saw (Node's socket, Workers' CF-Connecting-IP); only a real IP address, keyed as the rate
 * limiter counts it. No node:net here, so the Worker reads addresses exactly as Node does.
 */

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const ipv4 = new RegExp(`^${octet}(?:\\.${octet}){3}$`)
const hexGroup = /^[0-9A-Fa-f]{1,4}$/

export const isIPv4 = (value: string): boolean => ipv4.test(value)

/** RFC 4291 text forms: eight groups, one `::` for a run of zeros, an IPv4 tail, a zone */
export function isIPv6(value: string): boolean {
  let text = value
  const zone = text.indexOf('%')
  if (zone >= 0) {
    if (!/^%[0-9A-Za-z._~-]+$/.test(text.slice(zone))) return false
    text = text.slice(0, zone)
  }
  const halves = text.split('::')
  if (halves.length > 2) return false
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  // an IPv4 tail may only end the address, and stands for two groups
  const last = halves.length === 2 ? tail : head
  let groups = head.length + tail.length
  if (last.length > 0 && last.at(-1)!.includes('.')) {
    if (!isIPv4(last.pop()!)) return false
    groups++
  }
  if (![...head, ...tail].every((g) => hexGroup.test(g))) return false
  return halves.length === 2 ? groups <= 7 : groups === 8
}

/** an address as the rate limiter keys it: IPv4-mapped IPv6 as IPv4, other IPv6 by its /64 */
export function rateKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!isIPv6(address)) return address
  // one subscriber usually holds a whole /64: counting each address would let it rotate freely
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::')
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
  return isIPv4(value) || isIPv6(value) ? value : undefined
}

/**
 * The address a header gives when `trustedProxies` proxies of ours each appended the address
 * they saw: the `trustedProxies`-th entry from the right. Entries further left are whatever
 * the client sent. A missing, short or malformed value gives undefined: use the runtime's.
 */
export function forwardedAddress(value: string | undefined, trustedProxies: number) {
  if (!value || value.length > 4096) return undefined
  const entries = value.split(',')
  if (entries.length < trustedProxies) return undefined
  return parseAddress(entries[entries.length - trustedProxies]!)
}

export interface ClientAddressOptions {
  /** CLIENT_IP_HEADER: a header our proxies write the client's address into; unset: only the runtime's */
  header?: string
  /** TRUSTED_PROXIES: how many proxies of ours append to it; defaults to 1 */
  trustedProxies?: number
}

/**
 * The rate key of a request: the header's entry when it is an address, else `seen` (the
 * runtime's own address of the peer) when that is one, else "unknown", so a client can
 * never pick its own key.
 */
export function clientAddress(
  headerValue: (name: string) => string | undefined,
  seen: string | undefined,
  options: ClientAddressOptions = {},
): string {
  const { header, trustedProxies = 1 } = options
  const forwarded = header ? forwardedAddress(headerValue(header), trustedProxies) : undefined
  if (forwarded) return rateKey(forwarded)
  const own = seen === undefined ? undefined : parseAddress(seen)
  return own ? rateKey(own) : 'unknown'
}
