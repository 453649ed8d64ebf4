/** The Worker entry: the prebuilt knowledge pack, loaded once per isolate, served by the same Hono app as Node. */
import type {
  D1Database,
  DurableObjectNamespace,
  ExecutionContext,
  RateLimit,
} from '@cloudflare/workers-types'
import { CitableError } from '../../core/errors'
import type { KnowledgePack } from '../../core/knowledge/types'
import type { App } from '../../http/app'
import { httpErrors } from '../../http/errors'
import { workerApp } from './app'
import type { DedupeObject } from './dedupe-object'
import pack from './generated/pack.json'
import type { SessionObject } from './session-object'
import { loadKnowledge } from './start'

export { DedupeObject } from './dedupe-object'
export { SessionObject } from './session-object'

export interface Env {
  /** secret: verifies every Slack request; unset, the Slack routes answer 503 */
  SLACK_SIGNING_SECRET?: string
  /** secret: token for chat.postMessage replies to Events API messages */
  SLACK_BOT_TOKEN?: string
  /** base URL of the Slack Web API; defaults to Slack's */
  SLACK_API_BASE?: string
  /** secret: shared token for /hooks/outgoing; unset, the route answers 503 */
  OUTGOING_WEBHOOK_TOKEN?: string
  /** comma list of origins that may embed the widget or call the API from a browser */
  ALLOWED_ORIGINS?: string
  /** answer requests per minute per client, "0" turns limiting off; keep equal to RATE_LIMITER's limit */
  RATE_LIMIT_PER_MINUTE?: string
  /** the origin browsers reach the service at (https://citable.example.org): same-origin CORS means exactly it; unset, the request URL's */
  PUBLIC_URL?: string
  /** a header proxies of ours in front of Cloudflare write the client's address into; unset, CF-Connecting-IP alone */
  CLIENT_IP_HEADER?: string
  /** how many proxies of ours append to CLIENT_IP_HEADER; defaults to 1 */
  TRUSTED_PROXIES?: string
  /** seconds an idle conversation is kept; defaults to 1800 (Workers only) */
  SESSION_IDLE_SECONDS?: string
  /** one Durable Object per conversation, so every turn sees the one before */
  SESSIONS: DurableObjectNamespace<SessionObject>
  /** one Durable Object per Slack event key, so a retried event is answered once */
  DEDUPE: DurableObjectNamespace<DedupeObject>
  /** the platform's per-client rate limiter; its limit is set in wrangler.toml */
  RATE_LIMITER?: RateLimit
  /** the store: question log and feedback (migrations/ applied with `wrangler d1 migrations apply`); unset, none is kept */
  DB?: D1Database
  /** secret: the owner's token for /admin; unset, /admin answers 503 */
  ADMIN_TOKEN?: string
  /** "off" keeps no question log */
  QUESTION_LOG?: string
  /** days the question log keeps a question; defaults to 30 */
  LOG_RETENTION_DAYS?: string
  /** question-log writes waiting for D1 at most; more are dropped and counted in the log; defaults to 1000 */
  QUESTION_LOG_QUEUE?: string
}

// at start-up, once per isolate: the 1 s start-up budget pays for it, not a request's CPU time
const knowledge = loadKnowledge(pack as KnowledgePack)

// env (vars, secrets, bindings) first arrives with a request: the app is built then, once
const apps = new WeakMap<Env, App>()

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    let app = apps.get(env)
    if (!app) {
      try {
        app = workerApp(env, knowledge)
      } catch (error) {
        if (!(error instanceof CitableError)) throw error
        // a bad variable: name it, as Node does when it refuses to start
        const message = error.message
        console.error(
          JSON.stringify({ level: 'error', msg: 'configuration invalid', error: message }),
        )
        const status = httpErrors.not_configured
        return Response.json({ error: { code: 'not_configured', message } }, { status })
      }
      apps.set(env, app)
    }
    return app.fetch(request, env, ctx)
  },
}
