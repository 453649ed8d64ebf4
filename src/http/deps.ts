/** What the HTTP app is given by its runtime (Node or Workers): the core service, configuration and effects. */

import type { Context } from 'hono'
import type { EventDedupe } from '../channels/slack/dedupe'
import type { Service } from '../core/conversation/ask'
import type { Store } from '../core/store'
import type { LivingCorpus } from '../store/living'
import type { Records } from '../store/records'
import type { FailureLimiter } from './middleware/failure-limit'
import type { RateLimiter } from './middleware/rate-limit'

export interface AppConfig {
  /** origins that may call the API and embed the widget from a browser */
  allowedOrigins: string[]
  /** the service's own public origin (PUBLIC_URL): same-origin means exactly this one */
  publicUrl?: string
  /** answer requests per minute per client; 0 turns limiting off */
  rateLimitPerMinute: number
  slack: {
    signingSecret?: string
    botToken?: string
    /** base URL of the Slack Web API */
    apiBase: string
  }
  outgoingWebhookToken?: string
  /** the owner's token for /admin and the document write routes; unset: they answer 503 */
  adminToken?: string
  /** the question log: on or off, kept this many days, writes waiting at most (more are dropped);
   * defaults to on, 30 days, 1,000 */
  questionLog?: { enabled: boolean; retentionDays: number; maxPending?: number }
}

export type LogLine = Record<string, string | number | boolean | undefined>

export interface AppDeps {
  service: Service
  config: AppConfig
  /** one structured line per request; defaults to nothing */
  log?: (line: LogLine) => void
  /** keeps background work (Slack replies) alive after the response: waitUntil on Workers */
  defer?: (task: Promise<unknown>) => void
  /** the fetch used for outgoing calls (Slack Web API); defaults to the global one */
  fetch?: typeof fetch
  /** the client a request counts against for rate limiting (the socket's address on Node,
   * CF-Connecting-IP on Workers); defaults to one key shared by every client */
  clientKey?: (c: Context<AppEnv>) => string
  /** the service's own origins when `config.publicUrl` is unset (Node: its listening address);
   * without either, the origin of the request URL, which on Workers is the routed host */
  ownOrigins?: () => readonly string[]
  /** counts answer requests per client; defaults to an in-memory window of config.rateLimitPerMinute */
  rateLimiter?: RateLimiter
  /** counts wrong admin tokens per client (clientKey); defaults to an in-memory table, 10 per 15 minutes */
  adminFailures?: FailureLimiter
  /** remembers Slack event ids so a retried event is answered once; defaults to an in-memory LRU */
  eventDedupe?: EventDedupe
  /** articles, the question log and feedback; absent: feedback and /admin answer 503 */
  store?: Store
  /** articles added and removed while answering (Node); absent: the document write routes answer 503 */
  corpus?: LivingCorpus
  /** answers remembered for feedback; defaults to one made from store and config.questionLog */
  records?: Records
}

/** per-request values the routes leave for the logging middleware */
export interface AppEnv {
  Variables: {
    requestId: string
    /** the answer given, for the log line (intent, abstained) */
    answer: { intent?: string; abstained: boolean }
    /** the trimmed question's length, for the log line (never the question itself) */
    questionLength: number
  }
}
