/** The web widget: the script, the demo page and the document page. */
import { type Context, Hono } from 'hono'
import { etag } from 'hono/etag'
import { answerQuestion } from '../../core/answer/answer'
import type { Knowledge } from '../../core/knowledge/pack'
import type { Span } from '../../core/types'
import type { AppDeps, AppEnv } from '../../http/deps'
import { HttpError, httpErrors } from '../../http/errors'
import { demoPagePolicy, documentPagePolicy } from './csp'
import { demoJs, pageCss } from './page-assets'
import { demoPage, documentPage, errorPage } from './pages'
import { widgetScript } from './script'

/** how many example questions the demo page offers */
const exampleCount = 4

/** static assets change only with a deploy; the ETag makes revalidation cheap */
const assetCache = 'public, max-age=300, stale-while-revalidate=86400'

const examples = new WeakMap<Knowledge, string[]>()

/**
 * example utterances from intents/ that this corpus really answers, one intent after another: a
 * question about an article the service does not hold is no example
 */
export function exampleQuestions(knowledge: Knowledge, count = exampleCount): string[] {
  const known = examples.get(knowledge)
  if (known) return known.slice(0, count)
  const rounds = Math.max(...knowledge.language.intents.map((i) => i.utterances.length))
  const ordered = Array.from({ length: rounds }, (_, n) =>
    knowledge.language.intents.map((i) => i.utterances[n]),
  ).flat()
  const answered = [...new Set(ordered.filter((u): u is string => u !== undefined))].filter(
    (u) => !answerQuestion(u, { knowledge, suggest: false }).answer.abstained,
  )
  examples.set(knowledge, answered.slice(0, 12))
  return answered.slice(0, count)
}

/** `start`/`end` from the query: both or neither, whole numbers inside the text */
export function parseSpan(start: string | undefined, end: string | undefined, length: number) {
  if (start === undefined && end === undefined) return undefined
  if (start === undefined || end === undefined)
    throw new HttpError('bad_request', 'start and end must be given together')
  if (!/^\d{1,9}$/.test(start) || !/^\d{1,9}$/.test(end))
    throw new HttpError('bad_request', 'start and end must be whole numbers')
  const span: Span = { start: Number(start), end: Number(end) }
  if (span.start >= span.end || span.end > length)
    throw new HttpError('bad_request', `start and end must satisfy 0 <= start < end <= ${length}`)
  return span
}

/** a person following a link gets an HTML error page; anything else the contract's JSON error */
function pageError(c: Context<AppEnv>, error: HttpError) {
  if (!(c.req.header('accept') ?? '').includes('text/html')) throw error
  const title = error.code === 'not_found' ? 'Not found' : 'Bad link'
  c.header('content-security-policy', documentPagePolicy)
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

  widget.get('/', (c) => {
    // read per request: the living corpus swaps the knowledge when an article is added
    const { knowledge } = deps.service
    const documents = [...knowledge.documents.values()].map(({ docId, title }) => ({
      docId,
      title,
    }))
    const page = demoPage({
      documents,
      examples: exampleQuestions(knowledge),
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
