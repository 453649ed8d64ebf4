/** Rate limiting on the Worker: the platform binding counts answer requests per client address. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '60' })

function askAs(ip: string) {
  // one session throughout: the test is about the limiter, not about making conversations
  const query = `q=${encodeURIComponent('Who is Walter Fang?')}&sessionId=limits`
  return worker.fetch(`/api/answer?${query}`, { headers: { 'cf-connecting-ip': ip } })
}

/** the local binding counts in windows aligned to the clock's minutes: start well inside one */
async function startOfAMinute() {
  const into = Date.now() % 60_000
  if (into > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 50))
}

describe('rate limiting on the Worker', () => {
  it('keeps the binding and RATE_LIMIT_PER_MINUTE in wrangler.toml equal', () => {
    const toml = readFileSync('wrangler.toml', 'utf8')
    const variable = toml.match(/^RATE_LIMIT_PER_MINUTE = "(\d+)"/m)?.[1]
    const binding = toml.match(/^simple = \{ limit = (\d+), period = 60 \}/m)?.[1]
    expect(variable).toBeDefined()
    expect(binding).toBe(variable)
  })

  it('answers 429 with Retry-After past the limit, and only for that client', async () => {
    await startOfAMinute()
    for (let i = 0; i < 59; i++) expect((await askAs('198.51.100.7')).status).toBe(200)
    const last = await askAs('198.51.100.7')
    expect(last.status).toBe(200)
    expect(last.headers.get('ratelimit-limit')).toBe('60')
    // the binding does not say how many remain, so no header guesses
    expect(last.headers.get('ratelimit-remaining')).toBeNull()
    const refused = await askAs('198.51.100.7')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: 'too many requests; try again in 60 s' },
    })
    expect((await askAs('203.0.113.9')).status).toBe(200)
  })
})
