import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface Manifest {
  display_information: { name: string; long_description?: string }
  features: {
    slash_commands: { command: string; url: string }[]
    bot_user: { display_name: string }
  }
  oauth_config: { scopes: { bot: string[] } }
  settings: { event_subscriptions: { request_url: string; bot_events: string[] } }
}

const manifest = parse(readFileSync('src/channels/slack/manifest.yaml', 'utf8')) as Manifest

describe('the Slack app manifest', () => {
  it('points the slash command and the events at citable’s routes', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/citable',
        url: 'https://citable.example.com/slack/commands',
      }),
    ])
    expect(manifest.settings.event_subscriptions.request_url).toBe(
      'https://citable.example.com/slack/events',
    )
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im'])
  })

  it('asks for exactly the scopes citable uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
    ])
  })

  it('has a long description Slack accepts (at least 175 characters)', () => {
    expect(manifest.display_information.long_description?.length).toBeGreaterThanOrEqual(175)
  })
})
