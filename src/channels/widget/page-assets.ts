/** The demo and document pages' stylesheet and the demo's one script, served as files so the CSP needs nothing inline. */

export const pageCss = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --accent: #0b57d0; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 46rem; padding: 2rem 1.25rem 6rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
.lede { color: var(--muted); margin-top: 0; }
.titles { padding-left: 1.25rem; }
.examples { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.examples button { font: inherit; font-size: .95rem; padding: .4rem .8rem; border-radius: 999px; border: 1px solid var(--line); background: #fff; color: var(--accent); cursor: pointer; }
.examples button:hover { background: #eef4ff; }
.embed { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; overflow-x: auto; font-size: .85rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.notice { background: #fff8c5; border: 1px solid #e3c44a; border-radius: 8px; padding: .5rem .75rem; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
mark { background: #ffe066; color: inherit; padding: .1em 0; scroll-margin: 30vh; }
@media (min-width: 1000px) { main { margin-left: max(2rem, calc(50vw - 40rem)); } }
`

/** example-question buttons ask through the widget's public API */
export const demoJs = `
document.addEventListener('click', function (event) {
  var button = event.target instanceof Element ? event.target.closest('button[data-question]') : null
  if (button && window.citable) window.citable.ask(button.getAttribute('data-question'))
})
`
