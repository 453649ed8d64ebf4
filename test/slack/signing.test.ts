import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  constantTimeEqual,
  signSlackRequest,
  slackVerifier,
} from '../../src/channels/slack/signature'
import { config, nowSeconds, secret, signature, signedHeaders, testApp } from './helpers'

const body = 'command=%2Fcitable&text=help&team_id=T1&channel_id=C1&user_id=U1'

describe('signSlackRequest', () => {
  it('gives the same signature as an independent HMAC-SHA256', async () => {
    expect(await signSlackRequest(secret, '1700000000', body)).toBe(signature(body, 1700000000))
  })
})

describe('slackVerifier', () => {
  const verify = slackVerifier(secret)
  const at = 1_700_000_000

  it('accepts a request signed with the secret within 5 minutes', async () => {
    const request = { body, timestamp: String(at), signature: signature(body, at) }
    expect(await verify(request, (at + 299) * 1000)).toBeUndefined()
    expect(await verify(request, (at - 299) * 1000)).toBeUndefined()
  })

  it('refuses a timestamp more than 5 minutes old or ahead', async () => {
    const request = { body, timestamp: String(at), signature: signature(body, at) }
    expect((await verify(request, (at + 301) * 1000))?.code).toBe('stale')
    expect((await verify(request, (at - 301) * 1000))?.code).toBe('stale')
  })

  it('refuses signatures that are malformed, for another body or from another secret', async () => {
    const now = at * 1000
    for (const sig of [
      '',
      'v0=',
      'v0=zz',
      'v1=abcd',
      signature(`${body}x`, at),
      signature(body, at, 'other'),
    ])
      expect(
        (await verify({ body, timestamp: String(at), signature: sig || undefined }, now))?.code,
      ).toMatch(/bad_signature|missing_headers/)
    expect(
      (await verify({ body, timestamp: 'soon', signature: signature(body, at) }, now))?.code,
    ).toBe('bad_timestamp')
  })
})

describe('constantTimeEqual', () => {
  it('is true only for equal strings', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('abc', 'abcd')).toBe(false)
    expect(constantTimeEqual('', 'a')).toBe(false)
    expect(constantTimeEqual('', '')).toBe(true)
  })
})

describe('every Slack route checks the signature', () => {
  const routes = [
    ['/slack/commands', 'form', body],
    ['/slack/events', 'json', JSON.stringify({ type: 'url_verification', challenge: 'c-123' })],
  ] as const

  for (const [path, type, payload] of routes) {
    it(`answers a signed request on ${path}`, async () => {
      const { app } = testApp()
      const res = await app.request(path, {
        method: 'POST',
        headers: signedHeaders(payload, type),
        body: payload,
      })
      expect(res.status).toBe(200)
    })

    it(`refuses an unsigned request on ${path} with 401`, async () => {
      const { app } = testApp()
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: {
          code: 'unauthorized',
          message: 'X-Slack-Signature and X-Slack-Request-Timestamp headers are required',
        },
      })
    })

    it(`refuses a tampered body on ${path} with 401`, async () => {
      const { app } = testApp()
      const res = await app.request(path, {
        method: 'POST',
        headers: signedHeaders(payload, type),
        body: payload.replace('c', 'C'),
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: { code: 'unauthorized', message: 'X-Slack-Signature does not match the request' },
      })
    })

    it(`refuses a stale timestamp on ${path} with 401`, async () => {
      const { app } = testApp()
      const res = await app.request(path, {
        method: 'POST',
        headers: signedHeaders(payload, type, nowSeconds() - 6 * 60),
        body: payload,
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: {
          code: 'unauthorized',
          message: 'X-Slack-Request-Timestamp is more than 5 minutes away from now',
        },
      })
    })

    it(`answers 503 on ${path} when SLACK_SIGNING_SECRET is unset`, async () => {
      const { app } = testApp({ config: config({ signingSecret: undefined }) })
      const res = await app.request(path, {
        method: 'POST',
        headers: signedHeaders(payload, type),
        body: payload,
      })
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({
        error: {
          code: 'not_configured',
          message: 'Slack is not configured: set SLACK_SIGNING_SECRET',
        },
      })
    })
  }

  it('does no work for a request it refuses', async () => {
    const { deps } = testApp()
    const asked: string[] = []
    const now = () => {
      asked.push('now')
      return Date.now()
    }
    const { app: watched } = testApp({ service: { ...deps.service, now } })
    const payload = 'text=How+many+pilots%3F&team_id=T1&channel_id=C1&user_id=U1'
    const res = await watched.request('/slack/commands', {
      method: 'POST',
      headers: {
        ...signedHeaders(payload, 'form'),
        'x-slack-signature': signature(payload, nowSeconds(), 'wrong'),
      },
      body: payload,
    })
    expect(res.status).toBe(401)
    // the clock is read once, for the timestamp check; answering would read it again
    expect(asked).toEqual(['now'])
  })

  it('refuses a body over 64 KiB with 413', async () => {
    const { app } = testApp()
    const payload = `text=${'a'.repeat(70 * 1024)}`
    const res = await app.request('/slack/commands', {
      method: 'POST',
      headers: signedHeaders(payload, 'form'),
      body: payload,
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({
      error: { code: 'payload_too_large', message: 'the request body must be at most 64 KiB' },
    })
  })
})

describe('the Slack and webhook code', () => {
  it('imports nothing from node:*, so the Worker runs the same files', () => {
    const dirs = ['src/channels/slack', 'src/channels/outgoing']
    const files = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    )
    expect(files).toContain('src/channels/slack/signature.ts')
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/from ['"]node:/)
  })
})
