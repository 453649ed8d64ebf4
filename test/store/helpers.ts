/** Stores for tests: libSQL in memory (or a temporary file), the seed corpus, and an app over them. */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ask, type Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import type { Knowledge } from '../../src/core/knowledge/pack'
import type { AnswerRecord } from '../../src/core/store'
import { createApp } from '../../src/http/app'
import type { AppConfig, AppDeps, LogLine } from '../../src/http/deps'
import { startStoreService } from '../../src/runtime/node/store/start'
import { buildInProcess } from '../../src/store/living'
import { seedCorpus } from '../corpora'

export const adminToken = 'test-admin-token-0123456789'
export const fixture = (name: string) =>
  readFileSync(join('test/fixtures/corpus', `${name}.md`), 'utf8')
export const tempDir = () => mkdtempSync(join(tmpdir(), 'citable-test-'))

export const storeConfig: AppConfig = {
  allowedOrigins: [],
  rateLimitPerMinute: 0,
  slack: { signingSecret: 'test-signing-secret', apiBase: 'http://127.0.0.1:9/api' },
  adminToken,
  questionLog: { enabled: true, retentionDays: 30 },
}

/** the service on a fresh in-memory store seeded from the seed fixture, and the app over it */
export async function storeApp(
  config: Partial<AppConfig> = {},
  deps: Partial<AppDeps> = {},
  location: { url?: string; dataDir?: string } = { url: ':memory:' },
) {
  const started = await startStoreService({
    corpus: seedCorpus,
    ...location,
    build: buildInProcess,
  })
  const logs: LogLine[] = []
  const all: AppDeps = {
    service: started.service,
    store: started.store,
    corpus: started.corpus,
    config: { ...storeConfig, ...config },
    log: (line) => logs.push(line),
    ...deps,
  }
  return { ...started, app: createApp(all), deps: all, logs }
}

export const bearer = (token = adminToken) => ({ authorization: `Bearer ${token}` })

export function record(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    answerId: 'a1',
    at: Date.UTC(2026, 0, 2, 12),
    channel: 'api',
    question: 'What is the capital of France?',
    answer: "The articles don't say.",
    citations: [],
    kind: 'none',
    abstained: true,
    reason: 'unknown name: France',
    confidence: 0.9,
    latencyMs: 0.5,
    ...overrides,
  }
}

/** what each turn of every conversation answers on the knowledge, session ids left out: two knowledges that
 * answer alike give equal lists */
export async function answersOf(
  knowledge: Knowledge,
  conversations: string[][],
): Promise<unknown[]> {
  let n = 0
  const service: Service = {
    knowledge,
    sessions: createMemoryStore(),
    newId: () => `s${n++}`,
    now: () => Date.UTC(2026, 0, 1),
  }
  const out: unknown[] = []
  for (const turns of conversations) {
    const sessionId = service.newId()
    for (const question of turns) {
      const { sessionId: _, ...answer } = await ask(service, { question, sessionId })
      out.push({ question, ...answer })
    }
  }
  return out
}
