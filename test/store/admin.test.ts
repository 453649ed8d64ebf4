/** /admin: sign-in by bearer token or cookie, the CSP, and what the owner sees and does there. */
import { describe, expect, it, vi } from 'vitest'
import { adminPagePolicy } from '../../src/http/admin/page'
import { constantTimeEqual } from '../../src/http/admin-auth'
import { recordsOf } from '../../src/http/answered'
import { adminToken, bearer, fixture, storeApp } from './helpers'

const form = (
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
})

async function signIn(app: Awaited<ReturnType<typeof storeApp>>['app']) {
  const res = await app.request('/admin/login', form({ token: adminToken }))
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/admin')
  const cookie = res.headers.get('set-cookie')!
  expect(cookie).toMatch(
    /^citable_admin=[0-9a-f]{64}; Max-Age=43200; Path=\/admin; HttpOnly; SameSite=Strict$/,
  )
  // the cookie is a keyed hash, never the token
  expect(cookie).not.toContain(adminToken)
  return { cookie: cookie.split(';')[0]! }
}

describe('signing in to /admin', () => {
  it('shows the login form with 401 to a browser without a token', async () => {
    const { app } = await storeApp()
    const res = await app.request('/admin')
    expect(res.status).toBe(401)
    expect(res.headers.get('content-security-policy')).toBe(adminPagePolicy)
    const page = await res.text()
    expect(page).toContain('<form method="post" action="/admin/login">')
    expect(page).not.toMatch(/<script|style="/)
  })

  it('refuses a wrong token in the form with 401 and sets no cookie', async () => {
    const { app } = await storeApp()
    const res = await app.request('/admin/login', form({ token: 'wrong-token-wrong-token' }))
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.text()).toContain('That token is not right.')
  })

  it('refuses a wrong bearer token with the JSON 401', async () => {
    const { app } = await storeApp()
    const res = await app.request('/admin', { headers: bearer('wrong-token-wrong-token') })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'the admin token is wrong' },
    })
  })

  it('lets the right token in by form (cookie) and by bearer token; signing out ends it', async () => {
    const { app } = await storeApp()
    const { cookie } = await signIn(app)
    expect((await app.request('/admin', { headers: { cookie } })).status).toBe(200)
    expect((await app.request('/admin', { headers: bearer() })).status).toBe(200)
    const forged = await app.request('/admin', {
      headers: { cookie: `citable_admin=${'0'.repeat(64)}` },
    })
    expect(forged.status).toBe(401)
    const out = await app.request('/admin/logout', form({}, { cookie }))
    expect(out.status).toBe(303)
    expect(out.headers.get('set-cookie')).toMatch(/^citable_admin=; Max-Age=0; Path=\/admin/)
  })

  it('refuses a form sent from another site', async () => {
    const { app } = await storeApp()
    const { cookie } = await signIn(app)
    const res = await app.request(
      '/admin/articles',
      form({ docId: 'x', article: '# X\n\nText.' }, { cookie, origin: 'https://evil.example' }),
    )
    expect(res.status).toBe(403)
  })
})

describe('the owner page', () => {
  it('groups the unanswered questions, lists unhelpful answers and charts answered vs refused', async () => {
    const { app, deps } = await storeApp()
    const askIt = async (q: string) =>
      (await (await app.request(`/api/answer?q=${encodeURIComponent(q)}`)).json()) as {
        answerId: string
      }
    await askIt('What is the capital of France?')
    await askIt('what is the capital of france')
    await askIt('Capital of France?')
    await askIt('Who won the football world cup?')
    const answered = await askIt('How many pilots did MOHURD run?')
    await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        answerId: answered.answerId,
        helpful: false,
        comment: 'I wanted the NDRC',
      }),
    })
    await recordsOf(deps).settled()

    const page = await (await app.request('/admin', { headers: bearer() })).text()
    // one group of three for France (same text, then the same key terms), one for the cup
    const rows = [
      ...page.matchAll(/<td class="count">(\d+)<\/td>\s*<td><p class="q">([^<]+)<\/p>/g),
    ].map((m) => [Number(m[1]), m[2]])
    expect(rows).toEqual([
      [3, 'What is the capital of France?'],
      [1, 'Who won the football world cup?'],
    ])
    expect(page).toContain('key terms: capital, france')
    expect(page).toContain('<p class="q">How many pilots did MOHURD run?</p>')
    expect(page).toContain('“I wanted the NDRC”')
    expect(page).toMatch(/<a href="\/documents\/china-smart-cities\?start=\d+&amp;end=\d+#quote">/)
    const today = new Date().toISOString().slice(0, 10)
    expect(page).toContain(`<title>${today}: 1 answered, 4 refused</title>`)
    expect(page).toContain('<rect class="answered"')
    expect(page).not.toMatch(/<script|style="/)
  })

  it('adds an article from the form and removes it again', async () => {
    const { app } = await storeApp()
    const { cookie } = await signIn(app)
    const added = await app.request(
      '/admin/articles',
      form({ docId: 'northmark-renewables', article: fixture('northmark-renewables') }, { cookie }),
    )
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe('/admin?added=northmark-renewables')
    const page = await (
      await app.request('/admin?added=northmark-renewables', { headers: { cookie } })
    ).text()
    expect(page).toContain('Added &quot;northmark-renewables&quot;: it answers now.')
    expect(page).toContain('action="/admin/articles/northmark-renewables/delete"')

    const removed = await app.request(
      '/admin/articles/northmark-renewables/delete',
      form({}, { cookie }),
    )
    expect(removed.headers.get('location')).toBe('/admin?removed=northmark-renewables')
    expect((await app.request('/api/documents/northmark-renewables')).status).toBe(404)
  })

  it('shows a refused article with its reason and keeps what was typed', async () => {
    const { app } = await storeApp()
    const { cookie } = await signIn(app)
    const res = await app.request(
      '/admin/articles',
      form({ docId: 'no-title', article: 'Plain words.' }, { cookie }),
    )
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain(
      'the article: no title: add &quot;title:&quot; front matter or a &quot;# &quot; heading',
    )
    expect(page).toContain('>Plain words.</textarea>')
  })
})

describe('the admin token comparison', () => {
  it.each([
    ['the same token', adminToken, adminToken, true],
    ['a token one character short', adminToken.slice(0, -1), adminToken, false],
    ['a token differing in its last character', `${adminToken.slice(0, -1)}x`, adminToken, false],
    ['an empty token', '', adminToken, false],
  ])('compares %s by the digests of both, whatever their lengths', async (_, sent, token, same) => {
    const digest = vi.spyOn(crypto.subtle, 'digest')
    try {
      expect(await constantTimeEqual(sent, token)).toBe(same)
      // both sides are hashed to 32 bytes and every byte is compared: no early exit on length or content
      expect(digest).toHaveBeenCalledTimes(2)
    } finally {
      digest.mockRestore()
    }
  })
})
