import { describe, expect, it } from 'vitest'
import { createMemoryDedupe } from '../../src/channels/slack/dedupe'
import {
  channelSessionId,
  escapeMrkdwn,
  readRequest,
  slackToPlain,
} from '../../src/channels/slack/text'
import { sessionIdSchema } from '../../src/http/routes/api'

describe('slackToPlain', () => {
  it('drops the bot’s mention and keeps what the user typed', () => {
    expect(slackToPlain('<@UBOT> How many pilots?', ['UBOT'])).toBe('How many pilots?')
    expect(slackToPlain('<@UBOT|citable>   what about MIIT?', ['UBOT'])).toBe('what about MIIT?')
  })

  it('turns other mentions, channels and links into their labels and unescapes entities', () => {
    expect(
      slackToPlain(
        'Did <@U2|ann> see <#C1|news> and <https://x.test/a|the article> or <https://y.test>? R&amp;D &lt;3 &gt; <!here>',
        ['UBOT'],
      ),
    ).toBe('Did @ann see #news and the article or https://y.test? R&D <3 > @here')
  })
})

describe('escapeMrkdwn', () => {
  it('escapes exactly the three characters Slack reads as markup', () => {
    expect(escapeMrkdwn('a & b < c > d *e* _f_')).toBe('a &amp; b &lt; c &gt; d *e* _f_')
    expect(slackToPlain(escapeMrkdwn('R&D <3 >'))).toBe('R&D <3 >')
  })
})

describe('readRequest', () => {
  it('reads empty text and help as a request for usage', () => {
    for (const text of ['', '  ', 'help', 'Help?'])
      expect(readRequest(text)).toEqual({ kind: 'help' })
  })

  it('passes a question of up to 1000 characters and refuses a longer one', () => {
    expect(readRequest(` ${'a'.repeat(1000)} `)).toEqual({
      kind: 'question',
      question: 'a'.repeat(1000),
    })
    expect(readRequest('a'.repeat(1001))).toEqual({ kind: 'too_long', length: 1001 })
  })
})

describe('channelSessionId', () => {
  it('makes a valid, stable sessionId from channel parts', () => {
    expect(channelSessionId('slack', 'T1', 'C2', '1700000000.000100')).toBe(
      'slack-T1-C2-1700000000_000100',
    )
    expect(channelSessionId('hook', undefined, 'town square', 'u@x')).toBe(
      'hook-none-town_square-u_x',
    )
  })

  it('keeps long keys valid and distinct', () => {
    const a = channelSessionId('hook', 'T', 'c'.repeat(200), 'U1')
    const b = channelSessionId('hook', 'T', 'c'.repeat(200), 'U2')
    expect(a).not.toBe(b)
    for (const id of [a, b]) expect(sessionIdSchema.safeParse(id).success).toBe(true)
  })
})

describe('createMemoryDedupe', () => {
  it('claims a key once and refuses its repeats', async () => {
    const dedupe = createMemoryDedupe()
    expect(await dedupe.claim('Ev1')).toBe(true)
    expect(await dedupe.claim('Ev1')).toBe(false)
    expect(await dedupe.claim('Ev2')).toBe(true)
  })

  it('stays bounded, forgetting the least recently seen key first', async () => {
    const dedupe = createMemoryDedupe({ max: 2 })
    await dedupe.claim('a')
    await dedupe.claim('b')
    await dedupe.claim('a') // a repeat refreshes a
    await dedupe.claim('c') // b goes
    expect(dedupe.size).toBe(2)
    expect(await dedupe.claim('a')).toBe(false)
    expect(await dedupe.claim('b')).toBe(true)
  })
})
