/** The owner's round trip in Chromium: add an article on /admin, ask about it in the widget, mark it unhelpful, see it on /admin. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordsOf } from '../../src/http/answered'
import { adminToken, fixture, storeApp, tempDir } from '../store/helpers'
import {
  artifacts,
  askWidget,
  hasChromium,
  type Listening,
  launchChromium,
  listen,
  watchPage,
} from './helpers'

if (!hasChromium) console.warn('skipping browser tests: /usr/bin/chromium is missing')

const question = 'How many TEU did Kestrel Bay handle?'

describe.skipIf(!hasChromium)('/admin in chromium', () => {
  let browser: Browser
  let service: Listening
  let settled: () => Promise<void>

  beforeAll(async () => {
    const started = await storeApp({}, {}, { dataDir: tempDir() })
    settled = () => recordsOf(started.deps).settled()
    ;[service, browser] = await Promise.all([listen(started.app.fetch), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  it('adds an article, answers from it in the widget, and shows the unhelpful answer to the owner', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    })
    const page = await context.newPage()
    const { problems } = watchPage(page)

    // sign in with the form: the cookie is HttpOnly, so the page's script could not read it
    await page.goto(`${service.origin}/admin`)
    await page.getByLabel('Admin token').fill(adminToken)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Articles', exact: true }).waitFor()
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({
      name: 'citable_admin',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/admin',
    })

    await page.getByLabel('docId').fill('kestrel-bay-port')
    await page
      .getByRole('textbox', { name: /^Article \(markdown/ })
      .fill(fixture('kestrel-bay-port'))
    await page.getByRole('button', { name: 'Add the article' }).click()
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Added "kestrel-bay-port": it answers now.',
    )
    await expect(
      page.getByRole('button', { name: 'Remove kestrel-bay-port' }).count(),
    ).resolves.toBe(1)
    await page.screenshot({ path: `${artifacts}/admin-added.png`, fullPage: true })

    // the widget on the demo page answers from it, with no restart
    await page.goto(`${service.origin}/`)
    const reply = await askWidget(page, question)
    await expect(reply.locator('.badge').textContent()).resolves.toBe('From the articles')
    await reply.getByRole('button', { name: 'Not helpful' }).click()
    // the thanks appears once the service kept the feedback
    await reply.getByRole('status').getByText('Thanks for the feedback.').waitFor()
    await expect(
      reply.getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true')
    await page.screenshot({ path: `${artifacts}/widget-feedback.png` })

    // a question nobody answers, for the owner's list
    await askWidget(page, 'What is the capital of France?')
    await settled()

    await page.goto(`${service.origin}/admin`)
    const unhelpful = page.locator('section[aria-labelledby="unhelpful"]')
    await expect(unhelpful.locator('.q').first().textContent()).resolves.toBe(question)
    await expect(unhelpful.locator('.cites a').first().textContent()).resolves.toBe(
      'Kestrel Bay port posts record year as rail and automation pay off',
    )
    const unanswered = page.locator('section[aria-labelledby="unanswered"]')
    await expect(unanswered.locator('.q').first().textContent()).resolves.toBe(
      'What is the capital of France?',
    )
    // the chart's colours come from the stylesheet, which the CSP allows
    const fill = await page
      .locator('rect.answered')
      .first()
      .evaluate((el) => getComputedStyle(el).fill)
    expect(fill).toBe('rgb(26, 127, 55)')
    await page.screenshot({ path: `${artifacts}/admin-feedback.png`, fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })
})
