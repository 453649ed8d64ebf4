/** Test helpers for the widget: apps over the seed fixture or a small corpus whose text is full of HTML. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Service } from '../../src/core/conversation/ask'
import { createApp } from '../../src/http/app'
import type { AppConfig } from '../../src/http/deps'
import { nodeService } from '../../src/runtime/node/service'
import { seedService } from '../corpora'

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    allowedOrigins: [],
    rateLimitPerMinute: 0,
    slack: { apiBase: 'http://127.0.0.1:9/api' },
    ...overrides,
  }
}

let real: Service | undefined
/** the service over the seed fixture (test/fixtures/seed): built once per test file */
export function realService(): Service {
  real ??= seedService()
  return real
}

export const hostileTitle = '<script>alert("title")</script> & friends'
export const hostileText = [
  'Plain words first.',
  '',
  'Then <img src=x onerror=alert(1)> and a "quote" & an ampersand.',
  '',
  'The end </mark></article><script>alert(2)</script>',
].join('\n')

/** a service over one document whose title and text are HTML-looking on purpose */
export function hostileService(): Service {
  const dir = mkdtempSync(join(tmpdir(), 'citable-widget-'))
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  writeFileSync(join(corpus, 'hostile.md'), `---\ntitle: '${hostileTitle}'\n---\n${hostileText}\n`)
  return nodeService({ corpus })
}

export function widgetApp(service: Service = realService(), config = testConfig()) {
  return createApp({ service, config })
}
