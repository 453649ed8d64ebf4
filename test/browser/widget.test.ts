/** The widget in a real browser: the demo page, answers and footnotes, sessions, safety, keyboard, phone size, errors and embedding origins. */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fill } from '../../src/channels/widget/client/transport'
import { createApp } from '../../src/http/app'
import { realService, testConfig } from '../widget/helpers'
import {
  artifacts,
  askWidget,
  countInShadow,
  embedPage,
  focusedInWidget,
  hasChromium,
  type Listening,
  launchChromium,
  listen,
  recordAnswerRequests,
  watchPage,
} from './helpers'

if (!hasChromium) console.warn('skipping browser tests: /usr/bin/chromium is missing')

const pilots = 'How many pilots did MOHURD run?'

describe.skipIf(!hasChromium)('the web widget in chromium', () => {
  let browser: Browser
  let service: Listening
  let allowedSite: Listening
  let otherSite: Listening
  let context: BrowserContext | undefined

  beforeAll(async () => {
    // the embedding sites must exist first: their origins go into the service's allowedOrigins
    let widgetOrigin = ''
    const page = () =>
      new Response(embedPage(widgetOrigin), { headers: { 'content-type': 'text/html' } })
    ;[allowedSite, otherSite, browser] = await Promise.all([
      listen(page),
      listen(page),
      launchChromium(),
    ])
    const app = createApp({
      service: realService(),
      config: testConfig({ allowedOrigins: [allowedSite.origin] }),
    })
    service = await listen(app.fetch)
    widgetOrigin = service.origin
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all([service, allowedSite, otherSite].map((s) => s?.close()))
  })

  afterEach(async () => {
    await context?.close()
    context = undefined
  })

  async function open(url: string, viewport = { width: 1280, height: 800 }) {
    // no opening animation: boxes and screenshots are taken at rest
    context = await browser.newContext({ viewport, reducedMotion: 'reduce' })
    const page = await context.newPage()
    const watched = watchPage(page)
    const requests = recordAnswerRequests(page)
    await page.goto(url)
    await page.locator('citable-widget .launcher').waitFor({ state: 'attached' })
    return { page, ...watched, requests }
  }

  function screenshot(page: Page, name: string) {
    return page.screenshot({ path: `${artifacts}/${name}.png` })
  }

  it('opens on the demo page, lists the corpus and styles itself under the strict CSP', async () => {
    const { page, problems } = await open(`${service.origin}/`)
    await expect(page.locator('#corpus').textContent()).resolves.toBe(
      'This demo answers from one article:',
    )
    await page.getByRole('dialog', { name: 'Ask the articles' }).waitFor()
    const position = await page
      .locator('citable-widget .launcher')
      .evaluate((el) => getComputedStyle(el).position)
    expect(position).toBe('fixed')
    expect(problems).toEqual([])
  })

  it('asks an example question from the demo page when it is clicked', async () => {
    const { page, requests, problems } = await open(`${service.origin}/`)
    await page.getByRole('button', { name: pilots }).click()
    await page.locator('citable-widget .msg.bot').waitFor()
    expect(requests.map((r) => r.question)).toEqual([pilots])
    await expect(focusedInWidget(page)).resolves.toBe('input')
    expect(problems).toEqual([])
  })

  it('answers with a footnote that reveals the quote and links to the marked passage', async () => {
    const { page, problems } = await open(`${service.origin}/`)
    const response = page.waitForResponse((r) => r.url().endsWith('/api/answer'))
    const reply = await askWidget(page, pilots)
    const result = await (await response).json()
    await expect(reply.locator('.text').textContent()).resolves.toContain(result.answer)
    await expect(reply.locator('.text').textContent()).resolves.toContain('286')
    expect(result.citations[0].quote).toContain('286 smart city pilots')

    const note = reply.locator('.note').first()
    await expect(note.isHidden()).resolves.toBe(true)
    await reply.getByRole('button', { name: 'Source 1' }).click()
    await expect(note.locator('.quote').textContent()).resolves.toBe(
      `\u201c${result.citations[0].quote}\u201d`,
    )
    await screenshot(page, 'widget-answer')

    const [documentPage] = await Promise.all([
      page.context().waitForEvent('page'),
      note.getByRole('link', { name: /Show in the article/ }).click(),
    ])
    await documentPage.waitForLoadState()
    await expect(documentPage.locator('mark#quote').textContent()).resolves.toBe(
      result.citations[0].quote,
    )
    await screenshot(documentPage, 'document-page')
    expect(problems).toEqual([])
  })

  it('keeps one session for a follow-up in the same panel and across a reload', async () => {
    const { page, requests } = await open(`${service.origin}/`)
    await askWidget(page, pilots)
    await askWidget(page, 'And the NDRC?')
    await page.reload()
    await page.locator('citable-widget .msg.bot').nth(1).waitFor()
    await askWidget(page, 'What about MIIT?')
    expect(requests.map((r) => r.question)).toEqual([pilots, 'And the NDRC?', 'What about MIIT?'])
    expect(requests[0]!.sessionId).toBeUndefined()
    expect(requests[1]!.sessionId).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(requests[2]!.sessionId).toBe(requests[1]!.sessionId)
  })

  it('shows an abstention as such', async () => {
    const { page } = await open(`${service.origin}/`)
    const reply = await askWidget(page, 'Who won the football world cup?')
    await expect(reply.getAttribute('class')).resolves.toBe('msg bot abstained')
    await expect(reply.locator('.badge').textContent()).resolves.toBe('Not in the articles')
    await screenshot(page, 'widget-abstained')
  })

  it('shows a question full of HTML as text and runs nothing', async () => {
    const { page, dialogs } = await open(`${service.origin}/`)
    const question = 'What is <img src=x onerror=alert(1)> <script>alert(2)</script>?'
    await askWidget(page, question)
    await expect(page.locator('citable-widget .msg.user .text').textContent()).resolves.toBe(
      question,
    )
    await expect(countInShadow(page, 'img, script')).resolves.toBe(0)
    expect(dialogs).toEqual([])
  })

  it('renders server text as text and asks a follow-up chip in the same session', async () => {
    const { page, dialogs, requests } = await open(`${service.origin}/`)
    const hostile = '<img src=x onerror=alert(3)>'
    await page.route('**/api/answer', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          answer: `It says ${hostile}.`,
          abstained: false,
          kind: 'passage',
          confidence: 0.5,
          citations: [
            {
              docId: 'd"><x',
              title: `<b>${hostile}</b>`,
              passageId: 'p',
              quote: hostile,
              start: 1,
              end: 2,
            },
          ],
          sessionId: 'chip-session',
          followUps: [`Why ${hostile}?`],
        }),
      }),
    )
    const reply = await askWidget(page, 'anything')
    await expect(reply.locator('.text').textContent()).resolves.toBe(`It says ${hostile}. [1]`)
    await reply.getByRole('button', { name: 'Source 1' }).click()
    await expect(reply.locator('.source').textContent()).resolves.toContain(`<b>${hostile}</b>`)
    await expect(reply.getByRole('link').getAttribute('href')).resolves.toBe(
      `${service.origin}/documents/d%22%3E%3Cx?start=1&end=2#quote`,
    )
    await reply.getByRole('button', { name: `Why ${hostile}?` }).click()
    await page.locator('citable-widget .msg.bot').nth(1).waitFor()
    expect(requests[1]).toEqual({ question: `Why ${hostile}?`, sessionId: 'chip-session' })
    await expect(countInShadow(page, 'img, b, x')).resolves.toBe(0)
    expect(dialogs).toEqual([])
  })

  it('moves focus with the panel, closes on Escape and sends on Enter only', async () => {
    const { page, requests } = await open(`${service.origin}/`)
    const input = page.getByRole('textbox', { name: 'Your question' })
    await input.focus()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await expect(focusedInWidget(page)).resolves.toBe('launcher')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    await expect(focusedInWidget(page)).resolves.toBe('input')
    await page.keyboard.type('first line')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type('second line')
    await expect(input.inputValue()).resolves.toBe('first line\nsecond line')
    expect(requests).toEqual([])
    await expect(page.getByRole('log').getAttribute('aria-live')).resolves.toBe('polite')
    await page.getByRole('button', { name: 'Close chat' }).click()
    await expect(focusedInWidget(page)).resolves.toBe('launcher')
  })

  it('fills a phone-sized screen', async () => {
    const { page } = await open(`${service.origin}/`, { width: 375, height: 740 })
    await askWidget(page, pilots)
    const box = await page.getByRole('dialog').boundingBox()
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 740 })
    await screenshot(page, 'widget-phone')
  })

  it('says when to retry after a 429 and offers to retry when the service is unreachable', async () => {
    const { page } = await open(`${service.origin}/`)
    await page.route('**/api/answer', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '30' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }),
      }),
    )
    const limited = await askWidget(page, pilots)
    await expect(limited.locator('.text').textContent()).resolves.toBe(
      fill('rateLimited', { wait: '30 seconds' }),
    )
    await page.unroute('**/api/answer')
    await page.route('**/api/answer', (route) => route.abort('connectionrefused'))
    const down = await askWidget(page, pilots)
    await expect(down.locator('.text').textContent()).resolves.toBe(
      fill('unreachable', { host: new URL(service.origin).host }),
    )
    await screenshot(page, 'widget-errors')
    await page.unroute('**/api/answer')
    await down.getByRole('button', { name: 'Try again' }).click()
    await page.locator('citable-widget .msg.bot').waitFor()
  })

  it('shows the service’s reason for a 4xx', async () => {
    const { page } = await open(`${service.origin}/`)
    await page.route('**/api/answer', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'invalid_question', message: 'too long' } }),
      }),
    )
    const reply = await askWidget(page, pilots)
    await expect(reply.locator('.text').textContent()).resolves.toBe(
      fill('rejected', { detail: 'too long' }),
    )
    await expect(reply.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0)
  })

  it('works embedded on another origin that ALLOWED_ORIGINS names, whatever its CSS', async () => {
    const { page } = await open(`${allowedSite.origin}/`)
    await page.getByRole('button', { name: 'Ask the articles' }).click()
    const reply = await askWidget(page, pilots)
    await expect(reply.getAttribute('class')).resolves.toMatch(/^msg bot/)
    await screenshot(page, 'widget-embedded')
  })

  it('says it cannot reach the service from an origin that is not allowed', async () => {
    const { page } = await open(`${otherSite.origin}/`)
    await page.getByRole('button', { name: 'Ask the articles' }).click()
    const reply = await askWidget(page, pilots)
    await expect(reply.locator('.text').textContent()).resolves.toBe(
      fill('unreachable', { host: new URL(service.origin).host }),
    )
  })
})
