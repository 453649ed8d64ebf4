/** Slack: slash commands, the Events API and outgoing webhooks. */
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../../http/deps'

export function slackRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>()
}
