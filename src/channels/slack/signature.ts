/** Slack request signing with Web Crypto only, so Node and Workers share one implementation. */

export interface SignedRequest {
  /** the raw body exactly as received */
  body: string
  /** `X-Slack-Request-Timestamp`, seconds since the epoch */
  timestamp: string | undefined
  /** `X-Slack-Signature`, `v0=<hex>` */
  signature: string | undefined
}

/** how far a request's timestamp may be from now, either way: Slack's replay window */
const toleranceSeconds = 5 * 60

export type SignatureFailure =
  | { code: 'missing_headers'; message: string }
  | { code: 'bad_timestamp'; message: string }
  | { code: 'stale'; message: string }
  | { code: 'bad_signature'; message: string }

const encoder = new TextEncoder()

function importKey(secret: string) {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

const toHex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

/** `v0=<hex>` for a body: what Slack sends, and what a test or a local tool signs with */
export async function signSlackRequest(secret: string, timestamp: string, body: string) {
  const mac = await crypto.subtle.sign(
    'HMAC',
    await importKey(secret),
    encoder.encode(`v0:${timestamp}:${body}`),
  )
  return `v0=${toHex(mac)}`
}

/**
 * Makes a verifier for one signing secret; the key is imported once.
 * Resolves to undefined when the request is Slack's, else to the reason it is not.
 */
export function slackVerifier(secret: string) {
  const key = importKey(secret)
  return async (
    request: SignedRequest,
    /** the clock in milliseconds */
    now: number,
  ): Promise<SignatureFailure | undefined> => {
    const { timestamp, signature } = request
    if (!timestamp || !signature)
      return {
        code: 'missing_headers',
        message: 'X-Slack-Signature and X-Slack-Request-Timestamp headers are required',
      }
    if (!/^\d{1,12}$/.test(timestamp))
      return { code: 'bad_timestamp', message: 'X-Slack-Request-Timestamp must be whole seconds' }
    if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds)
      return {
        code: 'stale',
        message: 'X-Slack-Request-Timestamp is more than 5 minutes away from now',
      }
    const mac = signature.startsWith('v0=') ? hexToBytes(signature.slice(3)) : undefined
    // subtle.verify compares the MACs in constant time
    const valid =
      mac !== undefined &&
      (await crypto.subtle.verify(
        'HMAC',
        await key,
        mac,
        encoder.encode(`v0:${timestamp}:${request.body}`),
      ))
    return valid
      ? undefined
      : { code: 'bad_signature', message: 'X-Slack-Signature does not match the request' }
  }
}

/** compares two secrets without an early exit, so timing tells nothing about where they differ */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a)
  const y = encoder.encode(b)
  let diff = x.length ^ y.length
  const length = Math.max(x.length, y.length)
  for (let i = 0; i < length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0)
  return diff === 0
}
