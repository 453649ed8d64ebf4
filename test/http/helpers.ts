/** A test app over the seed fixture: one knowledge pack for every test, config and effects per test. */
import { createApp } from '../../src/http/app'
import type { AppConfig, AppDeps, LogLine } from '../../src/http/deps'
import { seedService } from '../corpora'

let service: AppDeps['service'] | undefined

/** the service over the seed fixture and intents/, built once per test file */
export function testService(): AppDeps['service'] {
  service ??= seedService()
  return service
}

export const baseConfig: AppConfig = {
  allowedOrigins: ['https://allowed.example'],
  rateLimitPerMinute: 0,
  slack: {
    signingSecret: 'test-signing-secret',
    botToken: 'xoxb-test-token',
    apiBase: 'http://127.0.0.1:9/api',
  },
  outgoingWebhookToken: 'test-webhook-token',
  // configured like every other channel here: unauthenticated owner routes answer 401, not 503
  adminToken: 'test-admin-token-for-http-tests',
}

export interface TestApp {
  app: ReturnType<typeof createApp>
  logs: LogLine[]
}

export function testApp(
  deps: Partial<Omit<AppDeps, 'config'>> & { config?: Partial<AppConfig> } = {},
): TestApp {
  const logs: LogLine[] = []
  const app = createApp({
    service: testService(),
    log: (line) => logs.push(line),
    // no network in tests: Slack replies go nowhere
    fetch: async () => Response.json({ ok: true }),
    defer: (task) => void task.catch(() => {}),
    ...deps,
    config: { ...baseConfig, ...deps.config },
  })
  return { app, logs }
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
