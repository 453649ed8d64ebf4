/**
 * The demo page's example questions: made from the facts of each article and kept only when the
 * service answers them from that article. Computed once per knowledge object, so a new corpus (a
 * restart, a new pack) gets new examples.
 */
import { answerQuestion } from '../core/conversation/turn'
import type { Knowledge } from '../core/knowledge/pack'
import type { Fact } from '../core/types'

export interface ExampleOptions {
  /** examples per article, when `limit` leaves room for that many of every article (else one); defaults to 2 */
  perArticle?: number
  /** examples on the page at most (articles past this get none); defaults to 8 */
  limit?: number
}
const defaults: Required<ExampleOptions> = { perArticle: 2, limit: 8 }

export type ExampleKind = 'count' | 'amount' | 'share' | 'growth' | 'list' | 'who' | 'where'

/** between kinds shown equally often so far: figures first, what citable is best at */
const preference: ExampleKind[] = ['count', 'growth', 'list', 'share', 'amount', 'who', 'where']

export interface Example {
  question: string
  docId: string
  kind: ExampleKind
}

type Candidate = Example

// ---- what the generator reads of the core: the facts' fields, entity names and answerQuestion ----

/** a name as the text writes it: "the Ministry of ...", "Ampero Systems" */
function nameOf(knowledge: Knowledge, id: string | undefined, written: string | undefined) {
  const entity = id ? knowledge.entityById.get(id) : undefined
  if (!entity) return written
  // when the text never says, "Ministry of ..." and "Port of ..." take "the"
  const takesThe = entity.article ?? (entity.type === 'org' && / of /.test(entity.name))
  return `${takesThe ? 'the ' : ''}${entity.name}`
}

/** the thing as a noun phrase, or nothing when the extractor kept a clause rather than a noun */
function nounOf(fact: Fact): string | undefined {
  const thing = fact.thing.trim()
  if (/["“”]/.test(thing) || thing.split(/\s+/).length > 6) return undefined
  if (
    /^(?:[A-Z][a-z]+ )?(?:invests?|spends?|has|have|had|is|was|will|made|up|and|it)\b/i.test(thing)
  )
    return undefined
  return thing
}

/** the questions a fact can be asked as, each with the kind it exercises */
function questionsFor(knowledge: Knowledge, fact: Fact): Omit<Candidate, 'docId'>[] {
  const thing = nounOf(fact)
  const owner = nameOf(knowledge, fact.ownerId, fact.owner)
  if (fact.kind === 'attribute') {
    const subject = fact.subject
    switch (fact.relation) {
      case 'role':
        return [{ question: `Who is ${subject}?`, kind: 'who' }]
      case 'spoke_at':
        return [{ question: `Where did ${subject} speak?`, kind: 'where' }]
      case 'held_in':
        return [{ question: `Where was ${subject} held?`, kind: 'where' }]
      case 'located_in':
        return [{ question: `Where is ${subject} based?`, kind: 'where' }]
      case 'works_for':
        return [{ question: `Which company does ${subject} work for?`, kind: 'who' }]
      default:
        return []
    }
  }
  if (!thing) return []
  const the = /^[A-Z]/.test(thing) ? thing : `the ${thing}`
  if (fact.kind === 'list') return [{ question: `What are ${the}?`, kind: 'list' }]
  if (fact.kind === 'change') {
    const what = fact.to.unit === 'count' && /s$/.test(thing) ? `the number of ${thing}` : the
    return [{ question: `How much did ${what} grow?`, kind: 'growth' }]
  }
  if (!owner) return []
  switch (fact.quantity.unit) {
    case 'count':
      // "39 Broadband China": a name is not a thing to count
      if (/^[A-Z]/.test(thing)) return []
      return [{ question: `How many ${thing} does ${owner} have?`, kind: 'count' }]
    case 'money':
      return [{ question: `How much does ${owner} invest?`, kind: 'amount' }]
    case 'percent':
      return [{ question: `What share of ${the} does ${owner} have?`, kind: 'share' }]
    default:
      return []
  }
}

/** a candidate is an example when the service answers it from a fact and cites its article */
function answersFrom(knowledge: Knowledge, candidate: Candidate): boolean {
  const { answer } = answerQuestion(candidate.question, { knowledge, suggest: false })
  return (
    !answer.abstained &&
    answer.kind !== 'passage' &&
    answer.citations.some((c) => c.docId === candidate.docId)
  )
}

// ---- choosing ----

function candidatesOf(knowledge: Knowledge, docId: string): Candidate[] {
  const seen = new Set<string>()
  const out: Candidate[] = []
  for (const fact of knowledge.facts) {
    if (fact.docId !== docId) continue
    for (const q of questionsFor(knowledge, fact)) {
      if (seen.has(q.question)) continue
      seen.add(q.question)
      out.push({ ...q, docId })
    }
  }
  return out
}

/** at most `count` examples of one article, of kinds the page shows least so far */
function pick(
  knowledge: Knowledge,
  candidates: Candidate[],
  used: Map<ExampleKind, number>,
  count: number,
): Example[] {
  const out: Example[] = []
  const tried = new Set<ExampleKind>()
  while (out.length < count) {
    const kinds = [...new Set(candidates.map((c) => c.kind))].filter((k) => !tried.has(k))
    if (kinds.length === 0) break
    const rank = (k: ExampleKind) => (used.get(k) ?? 0) * preference.length + preference.indexOf(k)
    const kind = kinds.reduce((a, b) => (rank(b) < rank(a) ? b : a))
    tried.add(kind)
    // a few tries per kind keeps the cost bounded on a long article
    const found = candidates
      .filter((c) => c.kind === kind)
      .slice(0, 3)
      .find((c) => answersFrom(knowledge, c))
    if (!found) continue
    out.push(found)
    used.set(kind, (used.get(kind) ?? 0) + 1)
  }
  return out
}

const computed = new WeakMap<Knowledge, Map<string, Example[]>>()

/** one or two verified questions per article, across kinds, for the first articles of the corpus */
export function exampleQuestions(knowledge: Knowledge, options: ExampleOptions = {}): Example[] {
  const { perArticle, limit } = { ...defaults, ...options }
  const byOptions = computed.get(knowledge) ?? new Map<string, Example[]>()
  computed.set(knowledge, byOptions)
  const key = `${perArticle}/${limit}`
  const known = byOptions.get(key)
  if (known) return known
  const used = new Map<ExampleKind, number>()
  const out: Example[] = []
  const each = knowledge.documents.size * perArticle <= limit ? perArticle : 1
  for (const docId of knowledge.documents.keys()) {
    if (out.length >= limit) break
    const room = Math.min(each, limit - out.length)
    out.push(...pick(knowledge, candidatesOf(knowledge, docId), used, room))
  }
  byOptions.set(key, out)
  return out
}
