/** Slack: slash commands, the Events API and outgoing webhooks. */
import { Hono } from 'hono'
import type { AppDeps } from '../../http/deps'
import { outgoingRoutes } from '../outgoing/routes'
import { handleCommand } from './commands'
import { createMemoryDedupe } from './dedupe'
import { handleEvent, repliesOffMessage } from './events'
import { handleInteraction } from './interactions'
import { type SlackEnv, slackSigned } from './signed'

export function slackRoutes(deps: AppDeps) {
  const slack = new Hono<SlackEnv>()
  const dedupe = deps.eventDedupe ?? createMemoryDedupe()
  if (deps.config.slack.signingSecret && !deps.config.slack.botToken)
    deps.log?.({ level: 'warn', msg: repliesOffMessage })

  // on the routes, not on /slack/*: a wrong method gets its 405 before any signature is checked
  const signed = slackSigned(deps)
  slack.post('/slack/commands', signed, (c) => handleCommand(c, deps))
  slack.post('/slack/events', signed, (c) => handleEvent(c, deps, dedupe))
  slack.post('/slack/interactions', signed, (c) => handleInteraction(c, deps))
  slack.route('/', outgoingRoutes(deps))
  return slack
}
