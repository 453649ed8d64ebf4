/** /admin: the owner's page, its login, and its forms to add and remove articles. */
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { groupQuestions } from '../../store/group'
import { adminCss, adminPage, adminPagePolicy, loginPage } from '../admin/page'
import {
  adminCookie,
  countedCheck,
  notConfigured,
  sessionValue,
  tooManyFailures,
} from '../admin-auth'
import { articleFromMarkdown } from '../article-input'
import type { AppDeps, AppEnv } from '../deps'
import { HttpError } from '../errors'
import { changeRefused, countsByDocument, livingCorpus } from './documents'

const day = 86_400_000
/** refused questions read for grouping; the page shows the groups, not every question */
const refusalsRead = 2_000

export function adminRoutes(deps: AppDeps) {
  const admin = new Hono<AppEnv>()
  const retentionDays = deps.config.questionLog?.retentionDays ?? 30

  const page = (c: Context<AppEnv>, body: string, status: 200 | 400 | 401 | 409 | 429 = 200) => {
    c.header('content-security-policy', adminPagePolicy)
    c.header('cache-control', 'no-store')
    return c.html(body, status)
  }

  // the owner's pages: 503 without ADMIN_TOKEN, the login form without the right token
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.path === '/admin/admin.css') return next()
    const token = deps.config.adminToken
    if (!token) throw notConfigured()
    if (c.req.method === 'POST') {
      // SameSite=Strict keeps other sites' forms from carrying the cookie; a wrong Origin is refused too
      const origin = c.req.header('origin')
      if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin)
        throw new HttpError('forbidden', 'the form was sent from another site')
    }
    if (c.req.path === '/admin/login') return next()
    const check = await countedCheck(c, deps, token)
    if (check === 'ok') return next()
    if (typeof check === 'object') {
      if (c.req.header('authorization') !== undefined) throw tooManyFailures(check.retryAfter)
      return locked(c, check.retryAfter)
    }
    if (c.req.header('authorization') !== undefined)
      throw new HttpError('unauthorized', 'the admin token is wrong', {
        'WWW-Authenticate': 'Bearer realm="citable"',
      })
    return page(
      c,
      loginPage(check === 'wrong' ? 'Your sign-in has expired: sign in again.' : undefined),
      401,
    )
  }
  // the form's answer to a client past the failure limit: the login page, 429 and Retry-After
  const locked = (c: Context<AppEnv>, retryAfter: number) => {
    c.header('retry-after', String(retryAfter))
    const minutes = Math.ceil(retryAfter / 60)
    return page(
      c,
      loginPage(
        `Too many wrong tokens from your address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      ),
      429,
    )
  }
  admin.use('/admin', guard)
  admin.use('/admin/*', guard)

  admin.get('/admin/admin.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8')
    c.header('cache-control', 'public, max-age=300')
    return c.body(adminCss)
  })

  admin.post('/admin/login', async (c) => {
    const form = await c.req.parseBody()
    const given = typeof form.token === 'string' ? form.token : ''
    const token = deps.config.adminToken!
    const check = await countedCheck(c, deps, token, given)
    if (typeof check === 'object') return locked(c, check.retryAfter)
    if (check !== 'ok') return page(c, loginPage('That token is not right.'), 401)
    setCookie(c, adminCookie, await sessionValue(token), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/admin',
      maxAge: 12 * 3600,
    })
    return c.redirect('/admin', 303)
  })

  admin.post('/admin/logout', (c) => {
    deleteCookie(c, adminCookie, { path: '/admin' })
    return c.redirect('/admin', 303)
  })

  async function render(
    c: Context<AppEnv>,
    extra: { notice?: string; error?: string; draft?: { docId: string; article: string } } = {},
    status: 200 | 400 | 409 = 200,
  ) {
    const knowledge = deps.service.knowledge
    const counts = countsByDocument(knowledge)
    const store = deps.store
    const since = deps.service.now() - retentionDays * day
    // with a living corpus the store holds the articles; otherwise (Workers) the deployed pack does
    const summaries =
      store && deps.corpus
        ? await store.articles()
        : [...knowledge.documents.values()].map((d) => ({
            docId: d.docId,
            title: d.title,
            published: d.published,
            origin: 'seed' as const,
            characters: d.text.length,
            updatedAt: 0,
          }))
    const [refused, unhelpful, days] = store
      ? await Promise.all([
          store.refusals(since, refusalsRead),
          store.unhelpful(50),
          store.answersPerDay(since),
        ])
      : [[], [], []]
    const body = adminPage({
      articles: summaries.map((a) => ({
        ...a,
        ...(counts.get(a.docId) ?? { passages: 0, facts: 0 }),
      })),
      groups: groupQuestions(refused),
      unhelpful,
      days,
      logging: Boolean(store) && deps.config.questionLog?.enabled !== false,
      retentionDays,
      editable: Boolean(deps.corpus),
      ...extra,
    })
    return page(c, body, status)
  }

  admin.get('/admin', (c) => {
    const added = c.req.query('added')
    const removed = c.req.query('removed')
    const notice = added
      ? `Added "${added}": it answers now.`
      : removed
        ? `Removed "${removed}".`
        : undefined
    return render(c, { notice })
  })

  admin.post('/admin/articles', async (c) => {
    const form = await c.req.parseBody()
    const docId = typeof form.docId === 'string' ? form.docId.trim() : ''
    const article = typeof form.article === 'string' ? form.article : ''
    try {
      const doc = articleFromMarkdown(docId, article)
      await livingCorpus(deps).put(doc).catch(changeRefused)
      return c.redirect(`/admin?added=${encodeURIComponent(doc.docId)}`, 303)
    } catch (error) {
      if (!(error instanceof HttpError) || error.code === 'not_configured') throw error
      return render(
        c,
        { error: error.message, draft: { docId, article } },
        error.code === 'conflict' ? 409 : 400,
      )
    }
  })

  admin.post('/admin/articles/:docId/delete', async (c) => {
    const docId = c.req.param('docId')
    const corpus = livingCorpus(deps)
    if (!corpus.documents().some((d) => d.docId === docId))
      return render(c, { error: `No article "${docId}".` }, 400)
    try {
      await corpus.remove(docId).catch(changeRefused)
    } catch (error) {
      if (error instanceof HttpError && error.code === 'conflict')
        return render(c, { error: error.message }, 409)
      throw error
    }
    return c.redirect(`/admin?removed=${encodeURIComponent(docId)}`, 303)
  })

  return admin
}
