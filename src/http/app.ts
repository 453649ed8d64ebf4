/** The Hono app every runtime serves: middleware, the JSON API, Slack, the widget, and one error handler. */
import { Hono } from 'hono'
import { slackRoutes } from '../channels/slack/routes'
import { widgetRoutes } from '../channels/widget/routes'
import type { AppDeps, AppEnv } from './deps'
import { errorResponse, toHttpError } from './errors'
import { applyMiddleware } from './middleware'
import { adminRoutes } from './routes/admin'
import { apiRoutes } from './routes/api'
import { documentRoutes } from './routes/documents'
import { feedbackRoutes } from './routes/feedback'

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  applyMiddleware(app, deps)
  app.route('/', apiRoutes(deps))
  app
    .route('/', documentRoutes(deps))
    .route('/', feedbackRoutes(deps))
    .route('/', adminRoutes(deps))
  app.route('/', slackRoutes(deps))
  app.route('/', widgetRoutes(deps))

  app.notFound((c) => errorResponse(c, 'not_found', `no route for ${c.req.method} ${c.req.path}`))
  app.onError((error, c) => {
    const refused = toHttpError(error)
    if (refused) return errorResponse(c, refused.code, refused.message, refused.headers)
    // anything else is our fault: say so without the stack
    const requestId = c.get('requestId')
    deps.log?.({ level: 'error', requestId, error: String(error) })
    return errorResponse(c, 'internal', `something went wrong (request id ${requestId})`)
  })
  return app
}

export type App = ReturnType<typeof createApp>
