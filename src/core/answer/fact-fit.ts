/** Whether a structured answer's facts are the ones asked about: the owners named, the things the articles
 * name, the thing counted. */
import type { Knowledge } from '../knowledge/pack'
import type { AnswerType } from '../nlu/language'
import { terms } from '../nlu/nlp'
import { escapeRegex, nameKey } from '../nlu/normalize'
import type { Answer, Fact } from '../types'
import { usedInFamily } from './passage'
import { canon, type Query } from './query'
import { partOfPeriod } from './support'
import { fitsAsked } from './typed/agree'
import { type Candidate, saidOfAnotherCounterpart } from './typed/retrieval'

/** the question names the entity as a name: by a phrase of its aliases, or a one-word alias written with a
 * capital ("MOST" is the ministry, "the most pilots" is not) */
function writtenAsName(knowledge: Knowledge, id: string, text: string): boolean {
  const lower = ` ${nameKey(text)} `
  return (knowledge.entityById.get(id)?.aliases ?? []).some((a) => {
    if (a.includes(' ')) return lower.includes(` ${nameKey(a)} `)
    const m = new RegExp(`(?<![A-Za-z])${escapeRegex(a)}(?![A-Za-z])`, 'i').exec(text)
    return m !== null && /[A-Z]/.test(m[0])
  })
}

/** every fact used belongs to an owner the question names; a thing word ("wind") asked as an owner
 * ("how many TEU does wind have?") is no licence to give a company's figure */
export function ownersAgree(knowledge: Knowledge, query: Query, facts: Fact[]): boolean {
  const named = query.ownerIds.filter(
    (id) =>
      knowledge.entityById.get(id)?.type !== 'other' && writtenAsName(knowledge, id, query.text),
  )
  const things = query.ownerIds.filter((id) => knowledge.entityById.get(id)?.type === 'other')
  return facts.every((f) => {
    if (!f.ownerId || query.ownerIds.includes(f.ownerId)) return true
    if (named.length > 0) return false
    // the thing word names what the fact counts ("wind farms"), not whose it is
    return things.every((id) => {
      const words = (knowledge.entityById.get(id)?.name ?? '').toLowerCase().split(' ')
      return words.every((w) => f.thing.toLowerCase().includes(w))
    })
  })
}

/** asked of a thing word ("how many TEU does wind have?"), the figure must be of the other thing asked:
 * wind farms do not answer TEU */
export function thingsAgree(knowledge: Knowledge, query: Query, facts: Fact[]): boolean {
  const types = query.ownerIds.map((id) => knowledge.entityById.get(id)?.type)
  if (types.length === 0 || types.some((t) => t !== 'other')) return true
  const own = new Set(
    query.ownerIds.flatMap((id) =>
      (knowledge.entityById.get(id)?.name ?? '').toLowerCase().split(' '),
    ),
  )
  const asked = query.thingTerms.filter((t) => !own.has(t) && !/^\d+$/.test(t))
  if (asked.length === 0) return true
  // the fact's words read as the question's are: "generation" is the "electricity" asked about
  return facts.every((f) => {
    const said = new Set(canon(knowledge, [...f.thingTerms, ...f.terms]))
    return asked.some((t) => said.has(t))
  })
}

/** the words said just after a fact's figure, and its heading's: what it counts ("39 'Broadband' pilots",
 * a list line under "Pilots by ministry") */
function countedAfter(knowledge: Knowledge, f: Fact & { kind: 'quantity' }): string[] {
  const text = knowledge.documents.get(f.docId)!.text
  const said = text.slice(f.span.start, f.span.end)
  const at = said.indexOf(f.quantity.display)
  const heading = knowledge.headingOf.get(f.passageId)
  return [
    ...(at === -1 ? [] : terms(said.slice(at + f.quantity.display.length, at + 48))),
    ...(heading ? terms(text.slice(heading.start, heading.end)) : []),
  ]
}

/** a count asked of a thing ("how many customers") is a count of that thing: a figure of branches is not */
export function countsAsked(
  knowledge: Knowledge,
  query: Query,
  asked: AnswerType,
  facts: Fact[],
): boolean {
  if (asked !== 'count' || query.thingTerms.length === 0) return true
  // "how many copies did her books sell": the noun after "how many" is what is counted
  const counted = terms(/\bhow many ([a-z-]+)/i.exec(query.text)?.[1] ?? '')[0]
  const wanted = counted && query.thingTerms.includes(counted) ? [counted] : query.thingTerms
  return facts.every((f) => {
    if (f.kind !== 'quantity' || f.quantity.unit !== 'count') return true
    const own = [...f.thingTerms, f.head]
    // the question may name the fact's whole thing ("how many 'Broadband Valmora' pilots")
    const named = f.thingTerms.length > 0 && f.thingTerms.every((t) => query.terms.includes(t))
    return named || wanted.some((t) => own.includes(t) || countedAfter(knowledge, f).includes(t))
  })
}

// the kind of owner or answer asked for ("which operator") is not a thing counted
const kindWords = new WeakMap<Knowledge, Set<string>>()

/** every thing word of the question is one the articles or the language use: "a monthly pass" is not there */
export function namedThings(knowledge: Knowledge, query: Query): boolean {
  let kinds = kindWords.get(knowledge)
  if (!kinds) {
    const l = knowledge.language
    kinds = new Set(
      [...l.ownerKinds, ...l.orgWords, ...l.answerTypes.flatMap((d) => d.nouns)].map((w) =>
        w.toLowerCase(),
      ),
    )
    kindWords.set(knowledge, kinds)
  }
  return query.thingTerms.every(
    (t) =>
      usedInFamily(knowledge, t) ||
      knowledge.lexicon.words.has(t) ||
      kinds.has(t) ||
      /^\d+$/.test(t),
  )
}

/** a structured answer fits the question: of the kind asked, said of the counterpart asked, of the owners and
 * things named, counting what is counted, for the part of the year asked */
export function structuredFits(
  knowledge: Knowledge,
  query: Query,
  answer: Answer,
  facts: Fact[],
  cited: Candidate,
  asked: AnswerType,
): boolean {
  const value = answer.value
  return (
    fitsAsked(answer, asked, query.text) &&
    !(typeof value === 'number' && saidOfAnotherCounterpart(knowledge, cited, value, query.text)) &&
    ownersAgree(knowledge, query, facts) &&
    // a thing the articles never name ("a monthly pass") has no figure in them
    namedThings(knowledge, query) &&
    thingsAgree(knowledge, query, facts) &&
    countsAsked(knowledge, query, asked, facts) &&
    !answer.citations.some((c) => partOfPeriod(query.text, c.quote))
  )
}
