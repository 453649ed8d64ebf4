/** The owner's page as HTML: unanswered questions, unhelpful answers, answered vs refused per day, the articles. */
import { type Html, html } from '../../channels/widget/html'
import type { ArticleSummary, DayCount, FeedbackRecord } from '../../core/store'
import type { QuestionGroup } from '../../store/group'

/** the owner's pages: no script at all, styles from /admin/admin.css, forms only to this origin */
export const adminPagePolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

function layout(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="stylesheet" href="/admin/admin.css">
</head>
<body>
${body}
</body>
</html>
`.value
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

export function loginPage(message?: string): string {
  return layout(
    'citable: sign in',
    html`<main class="login">
<h1>citable: the owner's page</h1>
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="/admin/login">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</main>`,
  )
}

export interface AdminArticle extends ArticleSummary {
  passages: number
  facts: number
}

export interface AdminPageInput {
  articles: AdminArticle[]
  groups: QuestionGroup[]
  unhelpful: FeedbackRecord[]
  days: DayCount[]
  /** false without a store, or with QUESTION_LOG=off */
  logging: boolean
  retentionDays: number
  notice?: string
  error?: string
  /** the form's last input, kept when an article was refused */
  draft?: { docId: string; article: string }
  /** false where the corpus is the deployed pack (Workers): no add or remove */
  editable?: boolean
}

/** answered (below) and refused (on top) per day, as bars; the numbers are in the table after it */
export function dayChart(days: DayCount[]): Html {
  if (days.length === 0) return html`<p class="empty">No questions in the log yet.</p>`
  const height = 120
  const bar = 18
  const gap = 6
  const max = Math.max(1, ...days.map((d) => d.answered + d.refused))
  const scale = (n: number) => Math.round((n / max) * (height - 20))
  const width = days.length * (bar + gap) + gap
  const bars = days.map((d, i) => {
    const x = gap + i * (bar + gap)
    const a = scale(d.answered)
    const r = scale(d.refused)
    return html`<g><title>${d.day}: ${d.answered} answered, ${d.refused} refused</title>
<rect class="answered" x="${x}" y="${height - a}" width="${bar}" height="${a}"></rect>
<rect class="refused" x="${x}" y="${height - a - r}" width="${bar}" height="${r}"></rect></g>`
  })
  return html`<figure>
<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="chart-title">Answered and refused questions per day</title>
${bars}
</svg>
<figcaption><span class="key answered-key">answered</span> <span class="key refused-key">refused</span></figcaption>
</figure>
<table class="days">
<thead><tr><th scope="col">Day (UTC)</th><th scope="col">Answered</th><th scope="col">Refused</th></tr></thead>
<tbody>${days.map((d) => html`<tr><td>${d.day}</td><td>${d.answered}</td><td>${d.refused}</td></tr>`)}</tbody>
</table>`
}

function groupsSection(groups: QuestionGroup[]): Html {
  if (groups.length === 0) return html`<p class="empty">Every logged question was answered.</p>`
  return html`<table class="groups">
<thead><tr><th scope="col">Asked</th><th scope="col">Question</th><th scope="col">Last asked (UTC)</th><th scope="col">Why refused</th></tr></thead>
<tbody>${groups.map(
    (g) => html`<tr>
<td class="count">${g.count}</td>
<td><p class="q">${g.question}</p>${g.variants.length ? html`<p class="variants">also: ${g.variants.slice(0, 5).join(' · ')}</p>` : ''}${
      g.terms.length ? html`<p class="terms">key terms: ${g.terms.join(', ')}</p>` : ''
    }</td>
<td>${when(g.lastAt)}</td>
<td>${g.reasons.slice(0, 2).join('; ')}</td>
</tr>`,
  )}</tbody>
</table>`
}

function unhelpfulSection(items: FeedbackRecord[]): Html {
  if (items.length === 0) return html`<p class="empty">No answer has been marked unhelpful.</p>`
  return html`<ol class="feedback">${items.map(
    (f) => html`<li>
<p class="q">${f.question}</p>
<p class="a">${f.answer}</p>
${f.comment ? html`<p class="comment">“${f.comment}”</p>` : ''}
${
  f.citations.length
    ? html`<ul class="cites">${f.citations.map(
        (c) =>
          html`<li><a href="/documents/${encodeURIComponent(c.docId)}?start=${c.start}&amp;end=${c.end}#quote">${c.title}</a>: “${c.quote}”</li>`,
      )}</ul>`
    : html`<p class="cites none">no citations${f.reason ? html` (${f.reason})` : ''}</p>`
}
<p class="meta">${when(f.at)} · ${f.channel}</p>
</li>`,
  )}</ol>`
}

function articlesSection(
  articles: AdminArticle[],
  draft?: AdminPageInput['draft'],
  editable = true,
): Html {
  if (!editable)
    return html`<p class="meta">This service answers from the pack it was deployed with: redeploy to change the articles.</p>
<table class="articles">
<thead><tr><th scope="col">docId</th><th scope="col">Title</th><th scope="col">Published</th><th scope="col">Passages</th><th scope="col">Facts</th></tr></thead>
<tbody>${articles.map(
      (a) =>
        html`<tr><td><a href="/documents/${encodeURIComponent(a.docId)}">${a.docId}</a></td><td>${a.title}</td><td>${a.published ?? ''}</td><td>${a.passages}</td><td>${a.facts}</td></tr>`,
    )}</tbody>
</table>`
  return html`<table class="articles">
<thead><tr><th scope="col">docId</th><th scope="col">Title</th><th scope="col">Published</th><th scope="col">Passages</th><th scope="col">Facts</th><th scope="col">From</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>${articles.map(
    (a) => html`<tr>
<td><a href="/documents/${encodeURIComponent(a.docId)}">${a.docId}</a></td>
<td>${a.title}</td><td>${a.published ?? ''}</td><td>${a.passages}</td><td>${a.facts}</td><td>${a.origin === 'seed' ? 'corpus/' : 'added'}</td>
<td><form method="post" action="/admin/articles/${encodeURIComponent(a.docId)}/delete"><button type="submit" class="remove" aria-label="Remove ${a.docId}">Remove</button></form></td>
</tr>`,
  )}</tbody>
</table>
<h3>Add or replace an article</h3>
<form method="post" action="/admin/articles" class="add">
<label for="docId">docId</label>
<input id="docId" name="docId" required pattern="[a-z0-9_\\-]{1,128}" value="${draft?.docId ?? ''}" placeholder="harbour-report-2024">
<label for="article">Article (markdown: front matter with title, author, published, source; then the text)</label>
<textarea id="article" name="article" rows="12" required placeholder="---&#10;title: ...&#10;published: 2024-05-01&#10;---&#10;The article...">${draft?.article ?? ''}</textarea>
<button type="submit">Add the article</button>
</form>`
}

export function adminPage(input: AdminPageInput): string {
  const logNote = input.logging
    ? `the question log keeps ${input.retentionDays} days`
    : 'the question log is off (QUESTION_LOG=off, or no store): nothing below is being collected'
  return layout(
    'citable: the owner\u2019s page',
    html`<header><h1>citable: the owner\u2019s page</h1>
<form method="post" action="/admin/logout"><button type="submit">Sign out</button></form></header>
<main>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<p class="meta">${input.articles.length} articles; ${logNote}.</p>
<section aria-labelledby="unanswered"><h2 id="unanswered">Questions the articles did not answer</h2>${groupsSection(input.groups)}</section>
<section aria-labelledby="unhelpful"><h2 id="unhelpful">Answers marked unhelpful</h2>${unhelpfulSection(input.unhelpful)}</section>
<section aria-labelledby="per-day"><h2 id="per-day">Answered and refused per day</h2>${dayChart(input.days)}</section>
<section aria-labelledby="articles"><h2 id="articles">Articles</h2>${articlesSection(input.articles, input.draft, input.editable)}</section>
</main>`,
  )
}

export const adminCss = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --accent: #0b57d0; --line: #d0d7de; --refused: #b35900; --answered: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
header { display: flex; justify-content: space-between; align-items: center; padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { font-size: 1.2rem; margin: 0; }
main { max-width: 64rem; padding: 1rem 1.25rem 4rem; }
main.login { max-width: 24rem; margin: 4rem auto; }
h2 { font-size: 1.05rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--line); }
td.count { font-weight: 600; text-align: right; width: 4rem; }
p { margin: .2rem 0; }
.q { font-weight: 600; }
.variants, .terms, .meta, .empty { color: var(--muted); font-size: .9rem; }
.feedback { padding-left: 1.25rem; }
.feedback > li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; margin-bottom: .5rem; }
.cites { margin: .3rem 0; padding-left: 1.1rem; font-size: .9rem; }
.comment { font-style: italic; }
.notice { background: #dafbe1; border: 1px solid #4ac26b; border-radius: 6px; padding: .4rem .75rem; }
.error { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: .4rem .75rem; }
.chart { display: block; background: #fff; border: 1px solid var(--line); max-width: 100%; height: auto; }
.chart .answered { fill: var(--answered); }
.chart .refused { fill: var(--refused); }
figure { margin: 0 0 .5rem; }
figcaption { font-size: .85rem; color: var(--muted); }
.key::before { content: ""; display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -.05em; }
.answered-key::before { background: var(--answered); }
.refused-key::before { background: var(--refused); }
table.days { width: auto; font-size: .85rem; }
form.add { display: grid; gap: .35rem; max-width: 44rem; }
input, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 4px; width: 100%; }
textarea { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
button { font: inherit; padding: .3rem .8rem; border-radius: 4px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
button[type=submit] { color: var(--accent); }
button.remove { color: #cf222e; }
.login form { display: grid; gap: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
