/** Browser source: a quiet thumbs up / down under each answer, sent to POST /api/feedback. */

export const feedbackCss = `
.feedback { display: flex; align-items: center; gap: 4px; margin-top: 8px; font-size: 12px; color: #57606a; }
.feedback .vote { font: inherit; font-size: 14px; line-height: 1; min-width: 32px; min-height: 28px; padding: 2px 6px; border: 1px solid transparent; border-radius: 6px; background: transparent; color: #57606a; cursor: pointer; }
.feedback .vote:hover { border-color: #d0d7de; background: #f6f8fa; }
.feedback .vote[aria-pressed="true"] { border-color: #0b57d0; background: #eef4ff; color: #0b57d0; }
.feedback .said { margin-left: 4px; }
`

export const feedbackSource = String.raw`
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

function renderFeedback(endpoint, answerId) {
  var said = h('span', { class: 'said', role: 'status' }, [])
  var up = h('button', { type: 'button', class: 'vote', 'aria-pressed': 'false', 'aria-label': 'Helpful' }, ['\ud83d\udc4d'])
  var down = h('button', { type: 'button', class: 'vote', 'aria-pressed': 'false', 'aria-label': 'Not helpful' }, ['\ud83d\udc4e'])
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
