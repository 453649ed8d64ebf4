/** Browser source: a quiet thumbs up / down under each answer, sent to POST /api/feedback. */

export const feedbackCss = `
.feedback { display: flex; align-items: center; gap: 4px; margin-top: 8px; font-size: 12px; color: #57606a; }
.feedback .vote { display: inline-grid; place-items: center; font: inherit; line-height: 1; min-width: 32px; min-height: 28px; padding: 2px 6px; border: 1px solid transparent; border-radius: 6px; background: transparent; color: #57606a; cursor: pointer; }
.feedback .vote:hover { border-color: #d0d7de; background: #f6f8fa; }
.feedback .vote[aria-pressed="true"] { border-color: #0b57d0; background: #eef4ff; color: #0b57d0; }
.feedback .vote svg { width: 16px; height: 16px; fill: currentColor; }
.feedback .said { margin-left: 4px; }
`

export const feedbackSource = `
// resolves true when the service kept the feedback; never rejects
async function sendFeedback(endpoint, answerId, helpful) {
  try {
    var response = await fetch(endpoint + '/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answerId: answerId, helpful: helpful }),
    })
    return response.ok
  } catch (error) {
    return false
  }
}

// a thumb drawn as SVG, so it shows without an emoji font; down is the same thumb turned over
var THUMB = 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z'
function thumb(down) {
  var ns = 'http://www.w3.org/2000/svg'
  var svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('aria-hidden', 'true')
  var path = document.createElementNS(ns, 'path')
  path.setAttribute('d', THUMB)
  if (down) path.setAttribute('transform', 'rotate(180 12 12)')
  svg.appendChild(path)
  return svg
}

function renderFeedback(endpoint, answerId) {
  var said = h('span', { class: 'said', role: 'status' }, [])
  var up = h('button', { type: 'button', class: 'vote', 'aria-pressed': 'false', 'aria-label': 'Helpful' }, [thumb(false)])
  var down = h('button', { type: 'button', class: 'vote', 'aria-pressed': 'false', 'aria-label': 'Not helpful' }, [thumb(true)])
  function vote(helpful) {
    return async function () {
      var ok = await sendFeedback(endpoint, answerId, helpful)
      if (ok) {
        up.setAttribute('aria-pressed', String(helpful))
        down.setAttribute('aria-pressed', String(!helpful))
      }
      said.textContent = ok ? 'Thanks for the feedback.' : "Couldn't send the feedback."
    }
  }
  up.addEventListener('click', vote(true))
  down.addEventListener('click', vote(false))
  return h('div', { class: 'feedback', role: 'group', 'aria-label': 'Was this answer helpful?' }, [up, down, said])
}
`
