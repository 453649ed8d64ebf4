/** The gate in front of every Slack route: configured, small, and signed by Slack; leaves the raw body for the route. */
import type { MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../../http/deps'
import { HttpError } from '../../http/errors'
import { slackVerifier } from './signature'

export interface SlackEnv {
  Variables: AppEnv['Variables'] & {
    /** the body as signed; routes parse it themselves, after the signature held */
    rawBody: string
  }
}

export function slackSigned(deps: AppDeps): MiddlewareHandler<SlackEnv> {
  const secret = deps.config.slack.signingSecret
  const verify = secret ? slackVerifier(secret) : undefined

  return async (c, next) => {
    if (!verify)
      throw new HttpError('not_configured', 'Slack is not configured: set SLACK_SIGNING_SECRET')
    // the app's body limit (src/http/middleware/limits.ts) has capped the size already
    const body = await c.req.text()
    const failure = await verify(
      {
        body,
        timestamp: c.req.header('x-slack-request-timestamp'),
        signature: c.req.header('x-slack-signature'),
      },
      deps.service.now(),
    )
    if (failure) {
      deps.log?.({ level: 'warn', requestId: c.get('requestId'), slack: failure.code })
      throw new HttpError('unauthorized', failure.message)
    }
    c.set('rawBody', body)
    await next()
  }
}
