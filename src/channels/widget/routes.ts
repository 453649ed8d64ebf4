/** The web widget: the script, the demo page and the document page. */
import { type Context, Hono } from 'hono'
import { etag } from 'hono/etag'
import type { Span } from '../../core/types'
import type { AppDeps, AppEnv } from '../../http/deps'
import { HttpError, httpErrors } from '../../http/errors'
import { exampleQuestions } from '../examples'
import { demoPagePolicy, documentPagePolicy, errorPagePolicy } from './csp'
import { demoJs, documentJs, faviconSvg, pageCss } from './page-assets'
import { demoPage, documentPage, errorPage } from './pages'
import { widgetScript } from './script'

/** static assets change only with a deploy; the ETag makes revalidation cheap */
const assetCache = 'public, max-age=300, stale-while-revalidate=86400'

/** `start`/`end` from the query: both or neither, whole numbers inside the text; an error names the one at fault */
export function parseSpan(start: string | undefined, end: string | undefined, length: number) {
  if (start === undefined && end === undefined) return undefined
  for (const [name, value] of [
    ['start', start],
    ['end', end],
  ] as const)
    if (value !== undefined && !/^\d{1,9}$/.test(value))
      throw new HttpError(
        'bad_request',
        `${name} must be a whole number (got "${value.slice(0, 20)}")`,
      )
  if (start === undefined)
    throw new HttpError('bad_request', 'start is missing: give start with end')
  if (end === undefined) throw new HttpError('bad_request', 'end is missing: give end with start')
  const span: Span = { start: Number(start), end: Number(end) }
  if (span.start >= span.end)
    throw new HttpError('bad_request', `start (${span.start}) must be less than end (${span.end})`)
  if (span.end > length)
    throw new HttpError(
      'bad_request',
      `end (${span.end}) is past the end of the text (${length} characters)`,
    )
  return span
}

/** a person following a link gets an HTML error page; anything else the contract's JSON error */
function pageError(c: Context<AppEnv>, error: HttpError) {
  if (!(c.req.header('accept') ?? '').includes('text/html')) throw error
  const title = error.code === 'not_found' ? 'Not found' : 'Bad link'
  c.header('content-security-policy', errorPagePolicy)
  return c.html(errorPage(title, error.message), httpErrors[error.code] as 400 | 404)
}

export function widgetRoutes(deps: AppDeps) {
  const widget = new Hono<AppEnv>()

  const asset = (body: string, type: string) => (c: Context<AppEnv>) => {
    c.header('content-type', type)
    c.header('cache-control', assetCache)
    // the script is embedded by other origins; the page assets only by ours
    if (type.startsWith('text/javascript')) c.header('cross-origin-resource-policy', 'cross-origin')
    return c.body(body)
  }
  widget.get('/widget.js', etag(), asset(widgetScript, 'text/javascript; charset=utf-8'))
  widget.get('/widget/demo.js', etag(), asset(demoJs, 'text/javascript; charset=utf-8'))
  widget.get('/widget/page.css', etag(), asset(pageCss, 'text/css; charset=utf-8'))
  widget.get('/widget/document.js', etag(), asset(documentJs, 'text/javascript; charset=utf-8'))
  // browsers ask for /favicon.ico whatever the page links; an SVG answers both
  for (const path of ['/favicon.ico', '/favicon.svg'])
    widget.get(path, etag(), asset(faviconSvg, 'image/svg+xml'))

  widget.get('/', (c) => {
    // read per request: the living corpus swaps the knowledge when an article is added
    const { knowledge } = deps.service
    const documents = [...knowledge.documents.values()].map(({ docId, title }) => ({
      docId,
      title,
    }))
    const page = demoPage({
      documents,
      examples: exampleQuestions(knowledge).map((e) => e.question),
      origin: new URL(c.req.url).origin,
    })
    c.header('content-security-policy', demoPagePolicy)
    c.header('cache-control', 'no-cache')
    return c.html(page)
  })

  widget.get('/documents/:docId', (c) => {
    const docId = c.req.param('docId')
    try {
      const doc = deps.service.knowledge.documents.get(docId)
      if (!doc) throw new HttpError('not_found', `no document "${docId}"`)
      const span = parseSpan(c.req.query('start'), c.req.query('end'), doc.text.length)
      c.header('content-security-policy', documentPagePolicy)
      c.header('cache-control', 'no-cache')
      return c.html(documentPage(doc, span))
    } catch (error) {
      if (error instanceof HttpError) return pageError(c, error)
      throw error
    }
  })

  return widget
}
