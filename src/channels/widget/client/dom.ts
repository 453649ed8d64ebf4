/** Browser source: building elements (text only ever as text nodes), styles in the shadow root, tab storage. */

export const domSource = `
function h(tag, attrs, children) {
  var el = document.createElement(tag)
  Object.keys(attrs || {}).forEach(function (name) {
    var value = attrs[name]
    if (value === false || value === null || value === undefined) return
    el.setAttribute(name, value === true ? '' : String(value))
  })
  ;(children || []).forEach(function (child) {
    if (child === null || child === undefined || child === false) return
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  })
  return el
}

// constructable sheets are not subject to the host page's CSP style-src; <style> is the fallback
function adoptStyles(root, css) {
  try {
    var sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } catch (error) {
    root.appendChild(h('style', {}, [css]))
  }
}

// sessionStorage can be missing or throw (privacy modes, sandboxed frames): then nothing is kept
function readState(key) {
  try {
    var state = JSON.parse(window.sessionStorage.getItem(key) || 'null')
    if (state && typeof state === 'object')
      return {
        sessionId: typeof state.sessionId === 'string' ? state.sessionId : undefined,
        turns: Array.isArray(state.turns) ? state.turns : [],
      }
  } catch (error) {}
  return { sessionId: undefined, turns: [] }
}

function writeState(key, state) {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(state))
  } catch (error) {}
}
`
