/** Turns about the last answer: "why?", "source?", "tell me more", "what else does the article say about X?". */
import { abstain, cite, uniqueCitations } from '../answer/cite'
import type { Knowledge } from '../knowledge/types'
import { rankSentences } from '../retrieve/sentences'
import type { Answer, Citation } from '../types'
import type { MetaTurn } from './followup'
import type { SessionState } from './session'

function quoteList(citations: Citation[]): string {
  return citations.map((c, i) => `[${i + 1}] "${c.quote}" (${c.title})`).join(' ')
}

type LastAnswer = NonNullable<SessionState['lastAnswer']>

/** "which source says 2,150?": the figure or words after "says", found in one of the last answer's quotes */
function whichSource(knowledge: Knowledge, last: LastAnswer, question: string): Answer {
  const wanted =
    /\b(?:says|said|gives|gave|reports|reported|states|stated)\s+(.+?)\??$/i
      .exec(question)?.[1]
      ?.trim()
      .toLowerCase() ?? ''
  const hits = last.citations.filter((c) => wanted && c.quote.toLowerCase().includes(wanted))
  if (hits.length === 0)
    return abstain({
      reason: 'no such figure in the last answer',
      hint: "None of the last answer's sources says that.",
    })
  const names = hits.map((c) => {
    const doc = knowledge.documents.get(c.docId)
    return `"${c.title}"${doc?.source ? ` (${doc.source})` : ''}`
  })
  return {
    answer: `${names.join(' and ')} says so: ${quoteList(hits)}`,
    abstained: false,
    kind: 'passage',
    intent: 'which',
    confidence: 0.9,
    citations: hits,
  }
}

// "fell from 7,613 to 6,630": the figure before and the one after
const fromTo =
  /\bfrom\s+([£$€]?\d[\d,.]*(?:\s*(?:m|bn|million|billion|%))?)\s+(?:\S+\s+){0,3}?to\s+([£$€]?\d[\d,.]*)/i

/** "what was the number before that?": the figure a change in the last answer's quote came from */
function before(last: LastAnswer): Answer {
  for (const c of last.citations) {
    const m = fromTo.exec(c.quote)
    // the change must lead to the figure the last answer gave
    if (m && last.text.includes(m[2]!))
      return {
        answer: `${m[1]} (“${c.quote}”)`,
        abstained: false,
        kind: 'fact',
        ...(/^\d[\d,.]*$/.test(m[1]!) ? { value: Number(m[1]!.replace(/,/g, '')) } : {}),
        intent: 'before',
        reason: 'the figure the last answer changed from',
        confidence: 0.9,
        citations: [c],
      }
  }
  return abstain({
    reason: 'no earlier figure',
    hint: 'The last answer gives no figure it changed from.',
    confidence: 0.8,
  })
}

/** "tell me more": the whole passages behind the last answer, and the one after the first, as context */
function more(knowledge: Knowledge, last: LastAnswer): Answer {
  const passages = [...new Set(last.citations.map((c) => c.passageId))]
    .map((id) => knowledge.passageById.get(id)!)
    .filter(Boolean)
  const first = passages[0]
  const next = first
    ? knowledge.passages.find(
        (p) => p.docId === first.docId && p.index > first.index && p.kind === 'paragraph',
      )
    : undefined
  const shown = [
    ...passages,
    ...(next && !passages.includes(next) && passages.length < 2 ? [next] : []),
  ]
  // the passages whole in the answer, cited sentence by sentence so each quote stays a sentence
  const citations = uniqueCitations(
    shown.flatMap((p) => p.sentences.map((span) => cite(knowledge, p.docId, p.id, span))),
  )
  const text = shown
    .map((p) => knowledge.documents.get(p.docId)!.text.slice(p.start, p.end))
    .join('\n\n')
  return {
    answer: text,
    abstained: false,
    kind: 'passage',
    intent: 'more',
    confidence: 0.9,
    citations,
  }
}

/** what else about X: sentences naming X that the last answer did not cite */
function whatElse(knowledge: Knowledge, last: LastAnswer, topic: string[]): Answer {
  const names = topic.map((id) => knowledge.entityById.get(id)).filter((e) => e !== undefined)
  if (names.length === 0)
    return abstain({ reason: 'no topic', hint: 'Name what you want to know more about.' })
  const cited = new Set(last.citations.map((c) => `${c.docId}:${c.start}`))
  const query = names
    .flatMap((e) => e.name.toLowerCase().split(/\s+/))
    .map((term) => ({ term, weight: 1 }))
  const ranked = rankSentences(knowledge, query, { passages: 12 }).filter((r) => {
    // the sentence, or the passage it stands in, names the topic
    const text = knowledge.documents
      .get(r.passage.docId)!
      .text.slice(r.passage.start, r.passage.end)
      .toLowerCase()
    return (
      r.passage.kind !== 'heading' &&
      !cited.has(`${r.passage.docId}:${r.span.start}`) &&
      names.some((e) => e.aliases.some((a) => text.includes(a)))
    )
  })
  if (ranked.length === 0)
    return abstain({
      reason: 'nothing else',
      hint: `The articles say nothing more about ${names[0]!.name}.`,
    })
  const citations = uniqueCitations(
    ranked.slice(0, 3).map((r) => cite(knowledge, r.passage.docId, r.passage.id, r.span)),
  )
  return {
    answer: citations.map((c) => c.quote).join(' '),
    abstained: false,
    kind: 'passage',
    intent: 'else',
    confidence: 0.8,
    citations,
  }
}

export function answerMeta(
  knowledge: Knowledge,
  meta: MetaTurn,
  session: SessionState,
  topic: string[] = [],
  /** the turn as asked, for "which source says 2,150?" */
  question = '',
): Answer {
  const last = session.lastAnswer
  if (!last || (last.abstained && meta !== 'else'))
    return abstain({
      reason: 'nothing to explain',
      hint: 'Ask a question about the articles first.',
      confidence: 0.9,
    })
  if (meta === 'which') return whichSource(knowledge, last, question)
  if (meta === 'why' || meta === 'source') {
    return {
      answer: `${meta === 'why' ? 'Because the article says so' : 'Source'}: ${quoteList(last.citations)}`,
      abstained: false,
      kind: 'passage',
      intent: meta,
      confidence: 0.95,
      citations: last.citations,
    }
  }
  if (meta === 'more') return more(knowledge, last)
  if (meta === 'before') return before(last)
  return whatElse(knowledge, last, topic)
}
