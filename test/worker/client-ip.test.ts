/**
 * Client addresses on the Worker, read as on Node: CF-Connecting-IP where Node has the socket,
 * CLIENT_IP_HEADER's entry TRUSTED_PROXIES from the right when it is an address, IPv6 by its
 * /64. Seen through the failure limit of wrong admin tokens, which counts per address.
 */
import { describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

const adminToken = 'worker-admin-token-for-addresses'
const worker = useWorker({
  RATE_LIMIT_PER_MINUTE: '0',
  ADMIN_TOKEN: adminToken,
  CLIENT_IP_HEADER: 'X-Forwarded-For',
  TRUSTED_PROXIES: '2',
})

const asAdmin = (token: string, headers: Record<string, string>) =>
  worker.fetch('/admin', { headers: { authorization: `Bearer ${token}`, ...headers } })

/** ten wrong tokens (the limit) as one client, then the right one: 429 if that client is locked */
async function lockOut(headers: Record<string, string>) {
  for (let i = 0; i < 10; i++) expect((await asAdmin('wrong-token', headers)).status).toBe(401)
}
const lockedAs = async (headers: Record<string, string>) =>
  (await asAdmin(adminToken, headers)).status === 429

describe('client addresses on the Worker', () => {
  it('takes the entry TRUSTED_PROXIES from the right, whatever the client wrote left of it', async () => {
    const cf = { 'cf-connecting-ip': '192.0.2.200' }
    await lockOut({ ...cf, 'x-forwarded-for': '198.51.100.1, 203.0.113.5, 10.0.0.1' })
    const locked = await asAdmin(adminToken, {
      ...cf,
      'x-forwarded-for': 'rotated-by-the-client, 203.0.113.5, 10.0.0.2',
    })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await lockedAs({ ...cf, 'x-forwarded-for': '203.0.113.6, 10.0.0.1' })).toBe(false)
  })

  it('falls back to CF-Connecting-IP when the header holds no address there', async () => {
    await lockOut({ 'cf-connecting-ip': '192.0.2.7', 'x-forwarded-for': 'evil, 10.0.0.1' })
    expect(
      await lockedAs({ 'cf-connecting-ip': '192.0.2.7', 'x-forwarded-for': 'x'.repeat(5000) }),
    ).toBe(true)
    expect(await lockedAs({ 'cf-connecting-ip': '192.0.2.7' })).toBe(true)
    expect(await lockedAs({ 'cf-connecting-ip': '192.0.2.8' })).toBe(false)
  })

  it('counts an IPv6 client by its /64', async () => {
    await lockOut({ 'cf-connecting-ip': '2001:db8:aa:bb::1' })
    expect(await lockedAs({ 'cf-connecting-ip': '2001:db8:aa:bb:ffff::9' })).toBe(true)
    expect(await lockedAs({ 'cf-connecting-ip': '2001:db8:aa:bc::1' })).toBe(false)
  })
})
