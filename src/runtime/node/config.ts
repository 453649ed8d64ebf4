/** Configuration from environment variables, validated at start-up; a bad value names the variable. */
import { z } from 'zod'
import { CitableError } from '../../core/errors'

const origins = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url().transform((u) => new URL(u).origin)))

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_API_BASE: z.url().default('https://slack.com/api'),
  OUTGOING_WEBHOOK_TOKEN: z.string().min(1).optional(),
  ALLOWED_ORIGINS: origins.default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INTENTS_DIR: z.string().min(1).default('intents'),
})

export type EnvConfig = z.infer<typeof schema>

/** reads the variables citable knows; empty strings count as unset */
export function readConfig(env: Record<string, string | undefined>): EnvConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = schema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    throw new CitableError(
      'config_invalid',
      `${name}: ${issue.message} (got ${JSON.stringify(env[name])})`,
      {
        file: name,
      },
    )
  }
  return parsed.data
}
