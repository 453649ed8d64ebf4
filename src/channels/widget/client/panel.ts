/** Browser source: the launcher and panel in an open shadow root, focus and keys, the conversation (no question suggested twice), window.citable. */

export const panelSource = String.raw`
var MAX_TURNS = 30
var POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left']

// the same question, however it is typed
function normalQuestion(question) {
  return String(question).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
}

// options: { position: one of POSITIONS }
function createWidget(endpoint, css, options) {
  var position = options && POSITIONS.indexOf(options.position) !== -1 ? options.position : 'bottom-right'
  var storeKey = 'citable:' + endpoint
  var state = readState(storeKey)
  var busy = false
  var ids = 0
  var ctx = {
    endpoint: endpoint,
    nextId: function (prefix) { ids += 1; return prefix + '-' + ids },
    ask: function (question) { return ask(question) },
    asked: function (question) { return !!askedQuestions[normalQuestion(question)] },
  }
  var askedQuestions = {}
  state.turns.forEach(function (turn) { askedQuestions[normalQuestion(turn.question)] = true })

  var host = document.createElement('citable-widget')
  var root = host.attachShadow({ mode: 'open' })
  adoptStyles(root, css)

  var launcher = h('button', {
    type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'panel',
  }, [h('span', { class: 'launcher-icon', 'aria-hidden': 'true' }, ['?']), 'Ask the articles'])
  var closeButton = h('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, ['\u00d7'])
  var log = h('div', {
    class: 'log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'title', tabindex: '0',
  }, [h('p', { class: 'empty' }, ['Ask a question about the articles. Each answer cites its source; select a number like [1] to see the quote.'])])
  var status = h('p', { class: 'status', role: 'status' })
  var input = h('textarea', {
    id: 'question', class: 'input', rows: '2', maxlength: '1000', placeholder: 'Ask about the articles\u2026',
    enterkeyhint: 'send', autocomplete: 'off', 'aria-describedby': 'hint',
  })
  var send = h('button', { type: 'submit', class: 'send' }, ['Send'])
  var form = h('form', { class: 'composer' }, [
    h('label', { for: 'question', class: 'visually-hidden' }, ['Your question']), input, send,
  ])
  var panel = h('section', { id: 'panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: true }, [
    h('header', { class: 'header' }, [h('h2', { id: 'title', class: 'title' }, ['Ask the articles']), closeButton]),
    log, status, form,
    h('p', { id: 'hint', class: 'hint' }, ['Enter sends \u00b7 Shift+Enter starts a new line \u00b7 Esc closes']),
  ])
  root.appendChild(h('div', { class: 'root ' + position.split('-').join(' ') }, [launcher, panel]))

  function append(node) {
    log.appendChild(node)
    log.scrollTop = log.scrollHeight
  }

  function open(focus) {
    panel.hidden = false
    launcher.setAttribute('aria-expanded', 'true')
    log.scrollTop = log.scrollHeight
    if (focus !== false) input.focus()
  }

  function close() {
    if (panel.hidden) return
    panel.hidden = true
    launcher.setAttribute('aria-expanded', 'false')
    launcher.focus()
  }

  function setBusy(value) {
    busy = value
    send.disabled = value
    log.setAttribute('aria-busy', String(value))
    status.textContent = value ? 'Looking in the articles\u2026' : ''
  }

  function remember(question, answer) {
    state.sessionId = answer.sessionId
    state.turns.push({
      question: question,
      answer: { answer: answer.answer, abstained: answer.abstained, citations: answer.citations, followUps: answer.followUps },
    })
    state.turns = state.turns.slice(-MAX_TURNS)
    writeState(storeKey, state)
  }

  // retrying re-sends a question whose bubble is already in the log
  async function ask(question, retrying) {
    question = String(question).trim().slice(0, 1000)
    if (!question || busy) return
    open(false)
    askedQuestions[normalQuestion(question)] = true
    // a chip for what was just asked is no longer a suggestion
    Array.prototype.forEach.call(log.querySelectorAll('.chip'), function (chip) {
      if (normalQuestion(chip.textContent) === normalQuestion(question)) chip.remove()
    })
    if (!retrying) append(renderQuestion(question))
    setBusy(true)
    var outcome = await askService(endpoint, question, state.sessionId)
    setBusy(false)
    if (outcome.answer) {
      remember(question, outcome.answer)
      append(renderAnswer(outcome.answer, ctx))
    } else {
      append(renderError(outcome.error, outcome.retry ? function () { ask(question, true) } : null))
    }
  }

  launcher.addEventListener('click', function () { panel.hidden ? open() : close() })
  closeButton.addEventListener('click', close)
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { event.preventDefault(); close() }
  })
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return
    event.preventDefault()
    if (busy) return
    // requestSubmit is missing in older WebKit browsers
    if (form.requestSubmit) form.requestSubmit()
    else form.dispatchEvent(new Event('submit', { cancelable: true }))
  })
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    var question = input.value.trim()
    if (!question || busy) return
    input.value = ''
    ask(question)
  })

  // the log is filled before it is in the document, so a restored conversation is not re-announced
  state.turns.forEach(function (turn) {
    try {
      log.appendChild(renderQuestion(String(turn.question)))
      log.appendChild(renderAnswer(turn.answer, ctx))
    } catch (error) {}
  })

  return {
    host: host,
    open: open,
    close: close,
    ask: function (question) { open(); return ask(question) },
  }
}
`
