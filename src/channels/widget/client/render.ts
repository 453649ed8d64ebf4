/** Browser source: a question, an answer with numbered footnotes and follow-up chips, an abstention, an error. */

export const renderSource = String.raw`
function isCitation(c) {
  return !!c && typeof c === 'object' && typeof c.docId === 'string' &&
    typeof c.quote === 'string' && typeof c.title === 'string'
}

// the document page marks the quoted span and scrolls to it (#quote) without any script
function passageHref(endpoint, c) {
  var href = endpoint + '/documents/' + encodeURIComponent(c.docId)
  if (Number.isInteger(c.start) && Number.isInteger(c.end))
    href += '?start=' + c.start + '&end=' + c.end + '#quote'
  return href
}

function renderQuestion(question) {
  return h('div', { class: 'msg user' }, [
    h('span', { class: 'visually-hidden' }, ['You asked: ']),
    h('p', { class: 'text' }, [question]),
  ])
}

function renderNote(endpoint, c, n, id) {
  return h('li', { id: id, class: 'note', hidden: true }, [
    h('span', { class: 'num', 'aria-hidden': 'true' }, ['[' + n + ']']),
    h('blockquote', { class: 'quote' }, ['\u201c' + c.quote + '\u201d']),
    h('p', { class: 'source' }, [
      c.title + ' \u00b7 ',
      h('a', { href: passageHref(endpoint, c), target: '_blank', rel: 'noopener' }, [
        'Show in the article',
        h('span', { class: 'visually-hidden' }, [' (opens in a new tab)']),
      ]),
    ]),
  ])
}

// ctx: { endpoint, nextId(), ask(question) }
function renderAnswer(result, ctx) {
  var abstained = result.abstained === true
  var msg = h('div', { class: abstained ? 'msg bot abstained' : 'msg bot' })
  msg.appendChild(h('p', { class: 'badge' }, [abstained ? 'Not in the articles' : 'From the articles']))
  var text = h('p', { class: 'text' }, [String(result.answer)])
  msg.appendChild(text)
  var citations = (Array.isArray(result.citations) ? result.citations : []).filter(isCitation)
  if (citations.length > 0) {
    var notes = h('ol', { class: 'notes', 'aria-label': 'Sources' })
    citations.forEach(function (c, i) {
      var n = i + 1
      var note = renderNote(ctx.endpoint, c, n, ctx.nextId('note'))
      var ref = h('button', {
        type: 'button', class: 'ref', 'aria-expanded': 'false',
        'aria-controls': note.id, 'aria-label': 'Source ' + n,
      }, ['[' + n + ']'])
      ref.addEventListener('click', function () {
        var open = ref.getAttribute('aria-expanded') !== 'true'
        ref.setAttribute('aria-expanded', String(open))
        note.hidden = !open
      })
      text.appendChild(document.createTextNode(' '))
      text.appendChild(ref)
      notes.appendChild(note)
    })
    msg.appendChild(notes)
  }
  var followUps = (Array.isArray(result.followUps) ? result.followUps : [])
    .filter(function (q) { return typeof q === 'string' && q.trim() !== '' }).slice(0, 4)
  if (followUps.length > 0) {
    msg.appendChild(h('div', { class: 'chips', role: 'group', 'aria-label': 'Follow-up questions' },
      followUps.map(function (q) {
        var chip = h('button', { type: 'button', class: 'chip' }, [q])
        chip.addEventListener('click', function () { ctx.ask(q) })
        return chip
      })))
  }
  if (typeof result.answerId === 'string') msg.appendChild(renderFeedback(ctx.endpoint, result.answerId))
  return msg
}

function renderError(message, retry) {
  var msg = h('div', { class: 'msg error' }, [
    h('p', { class: 'badge' }, ['Something went wrong']),
    h('p', { class: 'text' }, [message]),
  ])
  if (retry) {
    var button = h('button', { type: 'button', class: 'retry' }, ['Try again'])
    button.addEventListener('click', function () { msg.remove(); retry() })
    msg.appendChild(button)
  }
  return msg
}
`
