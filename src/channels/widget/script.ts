/** The embeddable widget as one classic script, assembled from the browser sources in client/ (no build step, no file reads). */
import { domSource } from './client/dom'
import { feedbackCss, feedbackSource } from './client/feedback'
import { panelSource } from './client/panel'
import { renderSource } from './client/render'
import { widgetCss } from './client/styles'
import { transportSource } from './client/transport'

// the browser code is kept as source text so Node (tsx) and Workers (esbuild) serve the same bytes;
// it never meets a bundler, so it is plain ES2017 with no imports
const boot = String.raw`
// the service: data-endpoint, else the origin this script came from
function endpointOf(script) {
  var configured = script && script.getAttribute('data-endpoint')
  try {
    var url = new URL(configured || new URL(script.src).origin, window.location.href)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http')
    return (url.origin + url.pathname).replace(/\/+$/, '')
  } catch (error) {
    return window.location.origin
  }
}

// data-open="true": open on load everywhere; "wide": only on screens wider than a phone's (481px
// and up), where the panel leaves the page in view; anything else: closed until asked
function opensOnLoad(script) {
  var value = script && script.getAttribute('data-open')
  if (value === 'true') return true
  return value === 'wide' && !!window.matchMedia && window.matchMedia('(min-width: 481px)').matches
}

var script = document.currentScript
var widget = createWidget(endpointOf(script), CSS, {
  position: script ? script.getAttribute('data-position') : null,
})

function mount() {
  document.body.appendChild(widget.host)
  if (opensOnLoad(script)) widget.open(false)
}
if (document.body) mount()
else document.addEventListener('DOMContentLoaded', mount)

window.citable = Object.freeze({ open: widget.open, close: widget.close, ask: widget.ask })
`

export const widgetScript = `/*! citable widget: ${'<script src=".../widget.js" data-endpoint="https://your-citable-host" defer></script>'} */
;(function () {
'use strict'
// a second script tag must not make a second launcher
if (window.citable) return
var CSS = ${JSON.stringify(widgetCss + feedbackCss)}
${domSource}
${transportSource}
${renderSource}
${feedbackSource}
${panelSource}
${boot}
})()
`
