/** The Content-Security-Policy of the widget's own pages: nothing inline, nothing from elsewhere. */

const common = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

/** the demo page runs /widget.js and /widget/demo.js and the widget calls the API on this origin */
export const demoPagePolicy = [...common, "script-src 'self'", "connect-src 'self'"].join('; ')

/** the document page runs only /widget/document.js (which scrolls to the quote) and fetches nothing */
export const documentPagePolicy = [...common, "script-src 'self'"].join('; ')

/** an error page is text and a stylesheet: no script at all */
export const errorPagePolicy = common.join('; ')
