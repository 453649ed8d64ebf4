/** The widget in a real browser: the demo page, answers and footnotes, sessions, safety, keyboard, phone size, errors and embedding origins. */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { exampleQuestions } from '../../src/channels/examples'
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
  overlaps,
  recordAnswerRequests,
  watchPage,
} from './helpers'

if (!hasChromium) console.warn('skipping browser tests: /usr/bin/chromium is missing')

const pilots = 'How many pilots did MOHURD run?'
const desktop = { width: 1280, height: 800 }
const phone = { width: 390, height: 844 }

describe.skipIf(!hasChromium)('the web widget in chromium', () => {
  let browser: Browser
  let service: Listening
  let allowedSite: Listening
  let otherSite: Listening
  let context: BrowserContext | undefined

  beforeAll(async () => {
    // the embedding sites must exist first: their origins go into the service's allowedOrigins
    let widgetOrigin = ''
    // ?position=... is passed on as data-position
    const page = (request: Request) => {
      const position = new URL(request.url).searchParams.get('position')
      const attributes = position ? ` data-position="${position}"` : ''
      return new Response(embedPage(widgetOrigin, attributes), {
        headers: { 'content-type': 'text/html' },
      })
    }
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

  async function open(url: string, viewport = desktop) {
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

  it('opens on a wide demo page beside the content, without the launcher, under the strict CSP', async () => {
    const { page, problems } = await open(`${service.origin}/`)
    await expect(page.locator('#corpus').textContent()).resolves.toBe(
      'This demo answers from one article:',
    )
    const dialog = page.getByRole('dialog', { name: 'Ask the articles' })
    await dialog.waitFor()
    const launcher = page.locator('citable-widget .launcher')
    await expect(launcher.evaluate((el) => getComputedStyle(el).position)).resolves.toBe('fixed')
    // the open panel has its own title: the launcher is not left under it
    await expect(launcher.isHidden()).resolves.toBe(true)
    const panel = (await dialog.boundingBox())!
    expect(panel.x + panel.width).toBeLessThanOrEqual(desktop.width)
    expect(panel.y + panel.height).toBeLessThanOrEqual(desktop.height)
    for (const selector of ['h1', '#corpus', '.examples', '.embed']) {
      const box = (await page.locator(selector).boundingBox())!
      expect(overlaps(box, panel), selector).toBe(false)
    }
    const embed = page.locator('.embed')
    await expect(embed.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true)
    await screenshot(page, 'demo-desktop')
    expect(problems).toEqual([])
  })

  it('leaves the demo page in view on a phone until the launcher is pressed', async () => {
    const { page, problems } = await open(`${service.origin}/`, phone)
    const launcher = page.locator('citable-widget .launcher')
    await launcher.waitFor()
    await expect(page.getByRole('dialog').isHidden()).resolves.toBe(true)
    // the snippet wraps rather than running off the screen, and the launcher does not cover it
    const embed = page.locator('.embed')
    await embed.scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await expect(embed.evaluate((el) => el.scrollWidth <= el.clientWidth)).resolves.toBe(true)
    const embedBox = (await embed.boundingBox())!
    expect(embedBox.x + embedBox.width).toBeLessThanOrEqual(phone.width)
    expect(overlaps(embedBox, (await launcher.boundingBox())!)).toBe(false)
    await screenshot(page, 'demo-phone')

    await launcher.click()
    await expect(page.getByRole('dialog').boundingBox()).resolves.toEqual({
      x: 0,
      y: 0,
      ...phone,
    })
    await expect(launcher.isHidden()).resolves.toBe(true)
    await page.getByRole('button', { name: 'Close chat' }).click()
    await expect(launcher.isVisible()).resolves.toBe(true)
    expect(problems).toEqual([])
  })

  it('asks an example question from the demo page when it is clicked', async () => {
    const { page, requests, problems } = await open(`${service.origin}/`)
    const [example] = exampleQuestions(realService().knowledge)
    await page.getByRole('button', { name: example!.question }).click()
    const reply = page.locator('citable-widget .msg.bot')
    await reply.waitFor()
    expect(requests.map((r) => r.question)).toEqual([example!.question])
    await expect(reply.getAttribute('class')).resolves.toBe('msg bot')
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
    // a reading column in the middle of the window, the quote in view
    const column = (await documentPage.locator('main').boundingBox())!
    const viewport = documentPage.viewportSize()!
    expect(Math.abs(column.x + column.width / 2 - viewport.width / 2)).toBeLessThan(2)
    const mark = (await documentPage.locator('mark#quote').boundingBox())!
    expect(mark.y).toBeGreaterThanOrEqual(0)
    expect(mark.y + mark.height).toBeLessThanOrEqual(viewport.height)
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

  it('fills a phone-sized screen once asked', async () => {
    const { page } = await open(`${service.origin}/`, phone)
    await page.evaluate(
      (q) => (window as unknown as { citable: { ask(q: string): void } }).citable.ask(q),
      pilots,
    )
    await page.locator('citable-widget .msg.bot').waitFor()
    await expect(page.getByRole('dialog').boundingBox()).resolves.toEqual({ x: 0, y: 0, ...phone })
    await expect(page.locator('citable-widget .launcher').isHidden()).resolves.toBe(true)
    await screenshot(page, 'widget-phone')
  })

  it('puts each footnote of a list answer after the item it supports', async () => {
    const { page } = await open(`${service.origin}/`)
    const response = page.waitForResponse((r) => r.url().endsWith('/api/answer'))
    const reply = await askWidget(page, 'how many pilots?')
    const result = await (await response).json()
    expect(result.kind).toBe('list')
    expect(result.citations.length).toBeGreaterThan(2)
    const text = (await reply.locator('.text').textContent())!
    // every item is followed by the number of the quote that states it
    result.value.forEach((item: string) => {
      const n = result.citations.findIndex((c: { quote: string }) =>
        c.quote.startsWith(item.split(' (')[0]!),
      )
      expect(n, item).toBeGreaterThanOrEqual(0)
      expect(text, item).toContain(`${item} [${n + 1}]`)
    })
    // the footnotes sit inside the text, not in a row at its end
    const refs = reply.locator('.ref')
    const first = (await refs.first().boundingBox())!
    const last = (await refs.last().boundingBox())!
    expect(first.y).toBeLessThan(last.y)
    await screenshot(page, 'widget-list')
  })

  it('never suggests a question already asked in the conversation', async () => {
    const { page } = await open(`${service.origin}/`)
    const first = await askWidget(page, pilots)
    const offered = await first.locator('.chip').allTextContents()
    expect(offered.length).toBeGreaterThan(0)
    // asking a suggestion by typing it removes its chip
    await askWidget(page, offered[0]!)
    await expect(first.locator('.chip').allTextContents()).resolves.toEqual(offered.slice(1))
    await page.route('**/api/answer', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          answer: 'The biggest is the first.',
          abstained: false,
          kind: 'fact',
          confidence: 0.9,
          citations: [],
          sessionId: 'suggest-session',
          followUps: [pilots, offered[0]!.toUpperCase(), 'Which one is biggest?', 'Something new?'],
        }),
      }),
    )
    const reply = await askWidget(page, 'which one is biggest?')
    await expect(reply.locator('.chip').allTextContents()).resolves.toEqual(['Something new?'])
  })

  it('moves the launcher where data-position says', async () => {
    const { page } = await open(`${allowedSite.origin}/?position=bottom-left`)
    const launcher = page.locator('citable-widget .launcher')
    await launcher.waitFor()
    const box = (await launcher.boundingBox())!
    expect(box.x).toBe(20)
    expect(box.y + box.height).toBe(desktop.height - 20)
    await launcher.click()
    const panel = (await page.getByRole('dialog').boundingBox())!
    expect(panel.x).toBe(20)
    await screenshot(page, 'widget-left')
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
