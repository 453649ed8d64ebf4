/** GET /widget.js: headers, caching, and a script that never turns text into markup. */
import { describe, expect, it } from 'vitest'
import { errorMessages, fill } from '../../src/channels/widget/client/transport'
import { widgetScript } from '../../src/channels/widget/script'
import { widgetApp } from './helpers'

describe('GET /widget.js', () => {
  it('Should serve the widget as cacheable JavaScript', async () => {
    const res = await widgetApp().request('/widget.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe(
      'public, max-age=300, stale-while-revalidate=86400',
    )
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/)
    expect(await res.text()).toBe(widgetScript)
  })

  it('Should answer 304 when the ETag still matches', async () => {
    const app = widgetApp()
    const etag = (await app.request('/widget.js')).headers.get('etag')!
    const res = await app.request('/widget.js', { headers: { 'if-none-match': etag } })
    expect(res.status).toBe(304)
    expect(await res.text()).toBe('')
  })

  it('Should let other origins load the script', async () => {
    const res = await widgetApp().request('/widget.js')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
  })

  it('Should be one classic script that parses', () => {
    expect(() => new Function(widgetScript)).not.toThrow()
    expect(widgetScript).not.toMatch(/^\s*(import|export)\s/m)
  })

  it('Should never turn text into markup', () => {
    for (const sink of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'eval(',
      'new Function',
      "setAttribute('style'",
      'srcdoc',
    ])
      expect(widgetScript).not.toContain(sink)
    expect(widgetScript).toContain('document.createTextNode(child)')
  })

  it('Should put its UI in an open shadow root with adopted styles', () => {
    expect(widgetScript).toContain("attachShadow({ mode: 'open' })")
    expect(widgetScript).toContain('adoptedStyleSheets')
  })
})

describe('widget error messages', () => {
  it('Should fill in the waiting time', () => {
    expect(fill('rateLimited', { wait: '30 seconds' })).toBe(
      'Too many questions in a short time. Try again in 30 seconds.',
    )
  })

  it('Should fill placeholders once, not the values again', () => {
    expect(fill('rejected', { detail: '{detail} question must not be empty' })).toBe(
      'The service could not take that question: {detail} question must not be empty',
    )
  })

  it('Should ship the same message table to the browser', () => {
    expect(widgetScript).toContain(JSON.stringify(errorMessages))
  })
})
