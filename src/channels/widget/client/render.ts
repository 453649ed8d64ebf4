/** Browser source: a question, an answer with numbered footnotes (a list's after each item) and follow-up chips, an abstention, an error. */

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

// words that say nothing about which item a quote supports
var FILLER = { the: 1, of: 1, and: 1, for: 1, a: 1, an: 1, in: 1, to: 1, on: 1 }

function wordsOf(text) {
  return String(text).toLowerCase().split(/[^a-z0-9.%]+/).filter(function (w) { return w && !FILLER[w] })
}

// the citation whose quote states an item: the quote that holds it, else the one sharing most of
// its words (a figure counts three times); -1 when none shares a word or two tie
function citationOf(item, citations) {
  var needle = String(item).toLowerCase()
  for (var i = 0; i < citations.length; i++)
    if (citations[i].quote.toLowerCase().indexOf(needle) !== -1) return i
  var words = wordsOf(item)
  var best = -1
  var bestScore = 0
  var tie = false
  citations.forEach(function (c, i) {
    var quote = {}
    wordsOf(c.quote).forEach(function (w) { quote[w] = 1 })
    var score = words.reduce(function (sum, w) { return sum + (quote[w] ? (/\d/.test(w) ? 3 : 1) : 0) }, 0)
    if (score > bestScore) { best = i; bestScore = score; tie = false } else if (score === bestScore && score > 0) tie = true
  })
  return tie ? -1 : best
}

// where each footnote goes in the answer: after the list item it supports, else at the end
// returns [{ at, index }] sorted by position
function footnotePlaces(result, text, citations) {
  var places = []
  var placed = {}
  var items = result.kind === 'list' && Array.isArray(result.value) ? result.value : []
  var cursor = 0
  var runs = []
  items.forEach(function (item) {
    var at = text.indexOf(String(item), cursor)
    var index = citationOf(item, citations)
    if (at === -1 || index === -1) return
    cursor = at + String(item).length
    var last = runs[runs.length - 1]
    // items that share one quote get one footnote, after the last of them
    if (last && last.index === index) last.at = cursor
    else runs.push({ at: cursor, index: index })
  })
  // a single quote for the whole list is cited at the end, as any other answer
  if (runs.length > 1 || (runs.length === 1 && citations.length > 1)) {
    runs.forEach(function (run) {
      if (placed[run.index]) return
      placed[run.index] = true
      places.push(run)
    })
  }
  citations.forEach(function (c, i) { if (!placed[i]) places.push({ at: text.length, index: i }) })
  return places
}

// ctx: { endpoint, nextId(), ask(question), asked(question) }
function renderAnswer(result, ctx) {
  var abstained = result.abstained === true
  var msg = h('div', { class: abstained ? 'msg bot abstained' : 'msg bot' })
  msg.appendChild(h('p', { class: 'badge' }, [abstained ? 'Not in the articles' : 'From the articles']))
  var answer = String(result.answer)
  var text = h('p', { class: 'text' })
  msg.appendChild(text)
  var citations = (Array.isArray(result.citations) ? result.citations : []).filter(isCitation)
  var notes = h('ol', { class: 'notes', 'aria-label': 'Sources' })
  var refs = citations.map(function (c, i) {
    var n = i + 1
    var note = renderNote(ctx.endpoint, c, n, ctx.nextId('note'))
    notes.appendChild(note)
    return function () {
      var ref = h('button', {
        type: 'button', class: 'ref', 'aria-expanded': 'false',
        'aria-controls': note.id, 'aria-label': 'Source ' + n,
      }, ['[' + n + ']'])
      ref.addEventListener('click', function () {
        var open = ref.getAttribute('aria-expanded') !== 'true'
        ref.setAttribute('aria-expanded', String(open))
        note.hidden = !open
      })
      return ref
    }
  })
  var from = 0
  footnotePlaces(result, answer, citations).forEach(function (place) {
    if (place.at > from) text.appendChild(document.createTextNode(answer.slice(from, place.at)))
    from = Math.max(from, place.at)
    text.appendChild(document.createTextNode(' '))
    text.appendChild(refs[place.index]())
  })
  if (from < answer.length) text.appendChild(document.createTextNode(answer.slice(from)))
  if (citations.length > 0) msg.appendChild(notes)
  // a suggestion of a question already asked in this conversation is no suggestion
  var followUps = (Array.isArray(result.followUps) ? result.followUps : [])
    .filter(function (q) { return typeof q === 'string' && q.trim() !== '' && !ctx.asked(q) }).slice(0, 4)
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
