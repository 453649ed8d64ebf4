/** Browser-test helpers: Debian's chromium through playwright-core, servers on 127.0.0.1 port 0, the widget's shadow root. */
import { existsSync, mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { type Browser, chromium, type Page } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'
export const hasChromium = existsSync(chromiumPath)
export const artifacts = 'test-artifacts'

/** playwright gives every launch a new, empty, temporary user-data-dir */
export function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true })
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface Listening {
  origin: string
  close: () => Promise<void>
}

export function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<Listening>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // the browser keeps connections alive; close() would wait for them
            ;(server as Server).closeAllConnections()
            server.close(() => done())
          }),
      })
    }) as Server
  })
}

/** a host page from another origin that embeds the widget and tries, with its own CSS, to break it */
export function embedPage(widgetOrigin: string, attributes = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Someone else's site</title>
<style>* { font-family: serif !important; color: #c00 !important; } button, div { display: none !important; }</style>
<script src="${widgetOrigin}/widget.js"${attributes} defer></script></head>
<body><h1>A partner site</h1><p>It embeds citable with one script tag.</p></body></html>`
}

/** what a page tells the console about CSP violations and script errors */
export function watchPage(page: Page) {
  const problems: string[] = []
  const dialogs: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Uncaught/.test(message.text()))
      problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return { problems, dialogs }
}

/** the JSON bodies the page POSTs to /api/answer, in order */
export function recordAnswerRequests(page: Page) {
  const bodies: { question: string; sessionId?: string }[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/answer'))
      bodies.push(request.postDataJSON())
  })
  return bodies
}

/** types a question into the widget and waits for the reply that follows it */
export async function askWidget(page: Page, question: string) {
  const replies = page.locator('citable-widget .msg.bot, citable-widget .msg.error')
  const before = await replies.count()
  await page.getByRole('textbox', { name: 'Your question' }).fill(question)
  await page.getByRole('textbox', { name: 'Your question' }).press('Enter')
  const reply = replies.nth(before)
  await reply.waitFor()
  return reply
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** whether two boxes share any area */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** counts elements matching `selector` inside the widget's shadow root */
export function countInShadow(page: Page, selector: string) {
  return page.evaluate(
    (s) => document.querySelector('citable-widget')?.shadowRoot?.querySelectorAll(s).length ?? -1,
    selector,
  )
}

/** the class of the focused element inside the widget */
export function focusedInWidget(page: Page) {
  return page.evaluate(
    () => document.querySelector('citable-widget')?.shadowRoot?.activeElement?.className ?? null,
  )
}
