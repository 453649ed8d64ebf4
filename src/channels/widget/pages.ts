/** The HTML of the demo page, the document page and their error page; every value goes through `html`. */
import type { CorpusDocument, Span } from '../../core/types'
import { type Html, html } from './html'

function layout(title: string, body: Html, scripts: Html | undefined = undefined): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/widget/page.css">
${scripts}
</head>
<body>
${body}
</body>
</html>
`.value
}

export interface DemoPageInput {
  documents: { docId: string; title: string }[]
  examples: string[]
  /** the origin the page was served from, for the embed snippet */
  origin: string
}

export function demoPage({ documents, examples, origin }: DemoPageInput): string {
  const count = documents.length === 1 ? 'one article' : `${documents.length} articles`
  const snippet = `<script src="${origin}/widget.js" data-endpoint="${origin}" defer></script>`
  const body = html`<main>
<h1>citable: answers from the articles, with their sources</h1>
<p class="lede">Ask a question in the chat panel. Every answer quotes the sentence it rests on; when the articles don't say, citable says so.</p>
<h2>What the corpus holds</h2>
<p id="corpus">This demo answers from ${count}:</p>
<ul class="titles">
${documents.map((d) => html`<li><a href="/documents/${encodeURIComponent(d.docId)}">${d.title}</a></li>`)}
</ul>
<h2>Try asking</h2>
<p>Questions citable made from the articles' facts and checked by answering them:</p>
<ul class="examples">
${examples.map((q) => html`<li><button type="button" data-question="${q}">${q}</button></li>`)}
</ul>
<h2>Put it on your page</h2>
<pre class="embed"><code>${snippet}</code></pre>
</main>`
  // open on load where the panel leaves the page in view; on a phone it waits for the launcher
  const scripts = html`<script src="/widget.js" data-open="wide" defer></script>
<script src="/widget/demo.js" defer></script>`
  return layout('citable: ask the articles', body, scripts)
}

/** the document with `span` marked; the text is split at the span and each part escaped */
export function documentPage(doc: CorpusDocument, span?: Span): string {
  const meta = [doc.author && `by ${doc.author}`, doc.published, doc.source].filter(Boolean)
  const text = span
    ? html`${doc.text.slice(0, span.start)}<mark id="quote">${doc.text.slice(span.start, span.end)}</mark>${doc.text.slice(span.end)}`
    : html`${doc.text}`
  const body = html`<main class="reading">
<p><a href="/">Back to the demo</a></p>
<h1>${doc.title}</h1>
${meta.length > 0 && html`<p class="meta">${meta.join(' · ')}</p>`}
${span && html`<div class="notice"><p>The answer cites the highlighted passage (<a href="#quote">jump to it</a>):</p><blockquote>${doc.text.slice(span.start, span.end)}</blockquote></div>`}
<article class="doc-text">${text}</article>
</main>`
  return layout(doc.title, body, span && html`<script src="/widget/document.js" defer></script>`)
}

export function errorPage(title: string, message: string): string {
  return layout(
    title,
    html`<main>
<h1>${title}</h1>
<p>${message}</p>
<p><a href="/">Back to the demo</a></p>
</main>`,
  )
}
