/** The demo and document pages' stylesheet, their scripts and the favicon, served as files so the CSP needs nothing inline. */

export const pageCss = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --accent: #0b57d0; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 46rem; padding: 2rem 1.25rem 7rem; }
/* a reading column in the middle of the window, as an article page is */
main.reading { margin: 0 auto; max-width: 42rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
.lede { color: var(--muted); margin-top: 0; }
.titles { padding-left: 1.25rem; }
.examples { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.examples button { font: inherit; font-size: .95rem; padding: .4rem .8rem; border-radius: 999px; border: 1px solid var(--line); background: #fff; color: var(--accent); cursor: pointer; }
.examples button:hover { background: #eef4ff; }
.embed { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; font-size: .85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.notice { background: #fff8c5; border: 1px solid #e3c44a; border-radius: 8px; padding: .5rem .75rem; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; font-size: 1.05rem; line-height: 1.7; }
.notice blockquote { margin: .25rem 0 0; font-style: italic; }
mark { background: #ffe066; color: inherit; padding: .1em 0; scroll-margin: 30vh; }
/* the demo leaves the right of a wide window to the open panel (400px and its margin) */
@media (min-width: 1000px) { main:not(.reading) { margin-left: max(2rem, calc(50vw - 40rem)); margin-right: 460px; } }
`

/** example-question buttons ask through the widget's public API */
export const demoJs = `
document.addEventListener('click', function (event) {
  var button = event.target instanceof Element ? event.target.closest('button[data-question]') : null
  if (button && window.citable) window.citable.ask(button.getAttribute('data-question'))
})
`

/** the document page brings the highlighted quote into view, also when the link has no #quote */
export const documentJs = `
var quote = document.getElementById('quote')
if (quote && window.location.hash !== '#quote') quote.scrollIntoView({ block: 'center' })
`

/** a speech bubble with a quotation mark, in the widget's blue */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<path fill="#0b57d0" d="M6 3h20a4 4 0 0 1 4 4v13a4 4 0 0 1-4 4H14l-7 6v-6H6a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z"/>
<path fill="#fff" d="M10 17c0-4 1.6-6.4 4.4-7.4l.8 1.6C13.6 12 13 13 13 14h2v4h-5zm8 0c0-4 1.6-6.4 4.4-7.4l.8 1.6c-1.6.8-2.2 1.8-2.2 2.8h2v4h-5z"/>
</svg>
`
