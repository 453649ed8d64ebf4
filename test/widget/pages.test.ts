/** The demo page and the document page: CSP, what the corpus holds, the marked span, escaping, 404 and 400. */
import { describe, expect, it } from 'vitest'
import { exampleQuestions } from '../../src/channels/examples'
import { escapeHtml, html } from '../../src/channels/widget/html'
import { hostileService, hostileText, hostileTitle, realService, widgetApp } from './helpers'

const asBrowser = { headers: { accept: 'text/html,application/xhtml+xml' } }

describe('GET /', () => {
  it('Should serve the demo page under a strict CSP', async () => {
    const res = await widgetApp().request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = res.headers.get('content-security-policy')!
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ])
      expect(csp).toContain(directive)
    expect(csp).not.toContain('unsafe')
  })

  it('Should list what the corpus holds and offer the questions made from it', async () => {
    const page = await (await widgetApp().request('/')).text()
    expect(page).toContain('This demo answers from one article:')
    expect(page).toContain(
      '<a href="/documents/china-smart-cities">World Reports: How China is Developing Sustainable Smart Cities</a>',
    )
    const examples = [...page.matchAll(/<button type="button" data-question="([^"]*)">/g)].map(
      (m) => m[1],
    )
    expect(examples).toEqual(exampleQuestions(realService().knowledge).map((e) => e.question))
    expect(examples).toHaveLength(2)
  })

  it('Should load the widget open on wide screens only, a favicon and no inline script', async () => {
    const page = await (await widgetApp().request('/')).text()
    expect(page).toContain('<script src="/widget.js" data-open="wide" defer></script>')
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">')
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(page).not.toMatch(/\sstyle=|<style/)
  })

  it('Should escape corpus titles', async () => {
    const page = await (await widgetApp(hostileService()).request('/')).text()
    expect(page).not.toContain('<script>alert')
    expect(page).toContain(escapeHtml(hostileTitle))
  })
})

describe('GET /documents/:docId', () => {
  const doc = realService().knowledge.documents.get('china-smart-cities')!
  const start = doc.text.indexOf('286 smart city pilots')
  const end = start + '286 smart city pilots'.length

  it('Should highlight the quoted span', async () => {
    const res = await widgetApp().request(`/documents/china-smart-cities?start=${start}&end=${end}`)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('connect-src')
    const page = await res.text()
    expect(page).toContain('<mark id="quote">286 smart city pilots</mark>')
    expect(page.match(/<mark/g)).toHaveLength(1)
    expect(page).toContain('<blockquote>286 smart city pilots</blockquote>')
    expect(page).toContain('<script src="/widget/document.js" defer></script>')
    expect(page).toContain('<main class="reading">')
  })

  it('Should show the whole document without a mark when no span is given', async () => {
    const page = await (await widgetApp().request('/documents/china-smart-cities')).text()
    expect(page).not.toContain('<mark')
    expect(page).not.toContain('<script')
    expect(page).toContain(
      '<h1>World Reports: How China is Developing Sustainable Smart Cities</h1>',
    )
  })

  it('Should escape the text around and inside the mark', async () => {
    const app = widgetApp(hostileService())
    const from = hostileText.indexOf('<img')
    const to = hostileText.indexOf('ampersand.')
    const page = await (await app.request(`/documents/hostile?start=${from}&end=${to}`)).text()
    expect(page).toContain(
      '<mark id="quote">&lt;img src=x onerror=alert(1)&gt; and a &quot;quote&quot; &amp; an </mark>',
    )
    expect(page).toContain(
      'The end &lt;/mark&gt;&lt;/article&gt;&lt;script&gt;alert(2)&lt;/script&gt;',
    )
    expect(page.replace('<script src="/widget/document.js" defer></script>', '')).not.toContain(
      '<script',
    )
    expect(page).not.toContain('<img')
  })

  it('Should answer 404 JSON for an unknown document', async () => {
    const res = await widgetApp().request('/documents/no-such-doc')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'no document "no-such-doc"' },
    })
  })

  it('Should answer a browser with a 404 page', async () => {
    const res = await widgetApp().request('/documents/%3Cb%3Ex', asBrowser)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toContain('<p>no document &quot;&lt;b&gt;x&quot;</p>')
  })

  it.each([
    ['start=5', 'end is missing: give end with start'],
    ['end=5', 'start is missing: give start with end'],
    ['start=abc', 'start must be a whole number (got "abc")'],
    ['start=a&end=9', 'start must be a whole number (got "a")'],
    ['start=1&end=9.5', 'end must be a whole number (got "9.5")'],
    ['start=-1&end=9', 'start must be a whole number (got "-1")'],
    ['start=9&end=9', 'start (9) must be less than end (9)'],
    [
      'start=0&end=99999',
      `end (99999) is past the end of the text (${doc.text.length} characters)`,
    ],
  ])('Should refuse %s with 400', async (query, message) => {
    const res = await widgetApp().request(`/documents/china-smart-cities?${query}`)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message } })
  })

  it('Should answer a browser with a 400 page for a bad span', async () => {
    const res = await widgetApp().request('/documents/china-smart-cities?start=9&end=2', asBrowser)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<h1>Bad link</h1>')
  })
})

describe('GET /favicon.ico', () => {
  it.each(['/favicon.ico', '/favicon.svg'])('Should serve %s as an SVG', async (path) => {
    const res = await widgetApp().request(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })
})

describe('html', () => {
  it('Should escape values and keep nested markup', () => {
    const inner = html`<b>${'<i>'}</b>`
    expect(html`<p title="${'"x"'}">${inner}${["'", '&']}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&#39;&amp;</p>',
    )
  })
})
