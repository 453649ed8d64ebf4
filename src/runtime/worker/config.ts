/** The Worker's variables and secrets, validated with the same schema as Node's environment. */
import { z } from 'zod'
import { CitableError } from '../../core/errors'
import type { AppConfig } from '../../http/deps'
import type { ClientAddressOptions } from '../../http/middleware/client-address'
import { appConfig, readConfig } from '../node/config'

/** the contract's variables, read as on Node; bindings and anything else in env are ignored */
export const variableNames = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_API_BASE',
  'OUTGOING_WEBHOOK_TOKEN',
  'ALLOWED_ORIGINS',
  'RATE_LIMIT_PER_MINUTE',
  // the service's own origin for same-origin CORS, and proxies of ours in front of Cloudflare
  'PUBLIC_URL',
  'CLIENT_IP_HEADER',
  'TRUSTED_PROXIES',
  // the store (D1): the owner's token and the question log
  'ADMIN_TOKEN',
  'QUESTION_LOG',
  'LOG_RETENTION_DAYS',
  'QUESTION_LOG_QUEUE',
] as const

export type WorkerVariables = Partial<
  Record<(typeof variableNames)[number] | 'SESSION_IDLE_SECONDS', string>
>

// Workers only: Node keeps sessions in memory with its own default
const idleSeconds = z.coerce.number().int().min(1).max(604_800).default(1800)

/** how long an idle conversation is kept; an unset or bad value means the default, 30 minutes */
export function sessionIdleMs(vars: WorkerVariables): number {
  const parsed = idleSeconds.safeParse(vars.SESSION_IDLE_SECONDS || undefined)
  return (parsed.success ? parsed.data : 1800) * 1000
}

/** throws a CitableError naming the variable when a value is bad */
export function workerConfig(
  vars: WorkerVariables,
): AppConfig & { clientIp: ClientAddressOptions } {
  const env = readConfig(Object.fromEntries(variableNames.map((name) => [name, vars[name]])))
  const idle = idleSeconds.safeParse(vars.SESSION_IDLE_SECONDS || undefined)
  if (!idle.success)
    throw new CitableError(
      'config_invalid',
      `SESSION_IDLE_SECONDS: must be a whole number of seconds from 1 to 604800 (got ${JSON.stringify(vars.SESSION_IDLE_SECONDS)})`,
      { file: 'SESSION_IDLE_SECONDS' },
    )
  return {
    ...appConfig(env),
    clientIp: { header: env.CLIENT_IP_HEADER, trustedProxies: env.TRUSTED_PROXIES },
  }
}
