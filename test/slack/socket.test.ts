import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app'
import type { LogLine } from '../../src/http/deps'
import {
  answerable,
  botToken,
  config,
  hookToken,
  mentionEnvelope,
  settle,
  sharedService,
  signedHeaders,
  startSlackStandIn,
  waitFor,
} from './helpers'

let slack: Awaited<ReturnType<typeof startSlackStandIn>>
let server: ReturnType<typeof serve>
let base: string
const logs: LogLine[] = []

beforeAll(async () => {
  slack = await startSlackStandIn()
  // no defer: on Node the reply runs fire-and-forget, as in `npm start`
  const app = createApp({
    service: sharedService(),
    config: config({ apiBase: slack.apiBase }),
    log: (line) => logs.push(line),
  })
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  // fetch keeps connections alive; end them so close() returns
  ;(server as Server).closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await slack.close()
})

const send = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body })

describe('Slack over a real socket', () => {
  it('answers a signed slash command with blocks and refuses an unsigned one', async () => {
    const body = new URLSearchParams({
      team_id: 'T0001',
      channel_id: 'C0777',
      user_id: 'U0042',
      command: '/citable',
      text: answerable,
    }).toString()
    const res = await send('/slack/commands', body, signedHeaders(body, 'form'))
    expect(res.status).toBe(200)
    const json = (await res.json()) as { response_type: string; blocks: { type: string }[] }
    expect(json.response_type).toBe('ephemeral')
    expect(json.blocks.map((b) => b.type).slice(0, 2)).toEqual(['section', 'context'])

    const unsigned = await send('/slack/commands', body, {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(unsigned.status).toBe(401)
  })

  it('echoes a url_verification challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'socket-challenge' })
    const res = await send('/slack/events', body, signedHeaders(body, 'json'))
    expect(await res.json()).toEqual({ challenge: 'socket-challenge' })
  })

  it('answers an app_mention once in its thread though Slack sends it four times', async () => {
    const before = slack.calls.length
    const body = JSON.stringify(
      mentionEnvelope({
        eventId: 'Ev-sock-1',
        text: `<@UBOT> ${answerable}`,
        ts: '1700000100.000100',
      }),
    )
    const first = await send('/slack/events', body, signedHeaders(body, 'json'))
    expect(first.status).toBe(200)
    for (const retry of ['1', '2', '3']) {
      const res = await send('/slack/events', body, {
        ...signedHeaders(body, 'json'),
        'x-slack-retry-num': retry,
        'x-slack-retry-reason': 'http_timeout',
      })
      expect(res.status).toBe(200)
    }
    await waitFor(() => slack.calls.length > before)
    await settle()
    const calls = slack.calls.slice(before)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${botToken}`)
    expect(calls[0]!.body).toMatchObject({ channel: 'C0777', thread_ts: '1700000100.000100' })
    expect(logs.filter((l) => l.slack === 'repeat').map((l) => l.retry)).toEqual(['1', '2', '3'])
  })

  it('answers an outgoing webhook with the right token and refuses a wrong one', async () => {
    const good = new URLSearchParams({
      token: hookToken,
      text: `citable ${answerable}`,
      trigger_word: 'citable',
    })
    const res = await send('/hooks/outgoing', good.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { text: string }).text).toMatch(/\n\n\[1\] “.+” \(.+\)/)

    good.set('token', 'nope')
    const bad = await send('/hooks/outgoing', good.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(bad.status).toBe(401)
  })
})
