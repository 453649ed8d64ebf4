/** Configuration from environment variables, validated at start-up; a bad value names the variable. */
import { z } from 'zod'
import { CitableError } from '../../core/errors'
import type { AppConfig } from '../../http/deps'
import { storeAppConfig, storeVariables } from './store/config'

/** one entry of ALLOWED_ORIGINS as an origin (`scheme://host[:port]`), or undefined when it is not one */
export function toOrigin(entry: string): string | undefined {
  let url: URL
  try {
    url = new URL(entry)
  } catch {
    return undefined
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  // "https://example.com/" names the origin too; a path, query or credentials do not
  if (!bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined
  return url.origin
}

const origins = z.string().transform((s, ctx) => {
  const out: string[] = []
  for (const entry of s.split(',').map((o) => o.trim())) {
    if (!entry) continue
    const origin = toOrigin(entry)
    if (!origin) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not an origin; write scheme://host[:port], e.g. https://example.com`,
      })
      return z.NEVER
    }
    out.push(origin)
  }
  return out
})

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)

const schema = z.object({
  PORT: wholeNumber(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_API_BASE: z
    .url('must be a URL such as https://slack.com/api')
    .default('https://slack.com/api'),
  OUTGOING_WEBHOOK_TOKEN: z.string().min(1).optional(),
  ALLOWED_ORIGINS: origins.default([]),
  RATE_LIMIT_PER_MINUTE: wholeNumber(0, 1_000_000).default(60),
  /** a header a trusted proxy sets to the client's address (X-Forwarded-For, X-Real-IP); unset: the socket's */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name such as X-Forwarded-For')
    .optional(),
  /** how many proxies of ours append to CLIENT_IP_HEADER: the client is that many entries from the right */
  TRUSTED_PROXIES: wholeNumber(1, 20).default(1),
  /** the origin browsers reach the service at, for same-origin CORS; unset: the listening address */
  PUBLIC_URL: z
    .string()
    .refine(
      (s) => toOrigin(s) !== undefined,
      'must be an origin such as https://citable.example.org (scheme://host[:port], no path)',
    )
    .transform((s) => toOrigin(s)!)
    .optional(),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INTENTS_DIR: z.string().min(1).default('intents'),
  // the store: articles, question log, feedback (src/runtime/node/store/config.ts)
  ...storeVariables,
})

export type EnvConfig = z.infer<typeof schema>

// their values never appear in a message, not even a bad one
const secret = /SECRET|TOKEN/

/** reads the variables citable knows; empty strings count as unset */
export function readConfig(env: Record<string, string | undefined>): EnvConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = schema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    const got = secret.test(name) ? '' : ` (got ${JSON.stringify(env[name])})`
    throw new CitableError('config_invalid', `${name}: ${issue.message}${got}`, { file: name })
  }
  return parsed.data
}

/** what the HTTP app needs of the configuration; the Worker maps its variables the same way */
export function appConfig(env: EnvConfig): AppConfig {
  return {
    allowedOrigins: env.ALLOWED_ORIGINS,
    publicUrl: env.PUBLIC_URL,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    slack: {
      signingSecret: env.SLACK_SIGNING_SECRET,
      botToken: env.SLACK_BOT_TOKEN,
      apiBase: env.SLACK_API_BASE,
    },
    outgoingWebhookToken: env.OUTGOING_WEBHOOK_TOKEN,
    ...storeAppConfig(env),
  }
}
