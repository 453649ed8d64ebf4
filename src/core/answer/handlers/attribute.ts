/** Where and who: a company's base, an event's place, a person's role, employer and talk, an article's author. */
import type { Knowledge } from '../../knowledge/pack'
import type { AttributeFact, Relation } from '../../types'
import { capitalise, entityName, sayAttribute } from '../format'
import { attributesOf, findFacts } from '../match'
import type { Query } from '../query'
import { grounded, type HandlerResult, pass, refuse } from './result'
import { shown } from './superlative'

/** the attribute facts about the named entities, what those facts name in turn, and the authors */
function attributes(knowledge: Knowledge, ids: string[]): AttributeFact[] {
  const first = ids.flatMap((id) => attributesOf(knowledge, id))
  const second = first
    .flatMap((f) => [f.subjectId, f.objectId])
    .filter((id): id is string => id !== undefined)
  return [
    ...new Set([
      ...first,
      ...second.flatMap((id) => attributesOf(knowledge, id)),
      ...attributesOf(knowledge, '@author'),
    ]),
  ]
}

const wantsAuthor = /\b(?:wrote|write|written|author|byline|journalist|reporter)\b/i
const wantsCompany = /\b(?:company|firm|employer|work|works|working|organi[sz]ation)\b/i
const wantsTalk =
  /\b(?:speak|spoke|spoken|speaking|speech|talk|talked|keynote|present|presented)\b/i
const titles: [RegExp, RegExp][] = [
  [/\b(?:ceo|chief executive(?: officer)?)\b/i, /\b(?:ceo|chief executive)\b/i],
  [/\b(?:cfo|chief financial officer|finance chief)\b/i, /\b(?:cfo|chief financial officer)\b/i],
  [/\b(?:coo|chief operating officer)\b/i, /\b(?:coo|chief operating officer)\b/i],
  [/\b(?:cto|chief technology officer)\b/i, /\b(?:cto|chief technology officer)\b/i],
  [/\b(?:managing director)\b/i, /\bmanaging director\b/i],
  [/\b(?:chairman|chairwoman|chair)\b/i, /\bchair(?:man|woman|person)?\b/i],
  [/\b(?:founder)\b/i, /\bfounder\b/i],
  [/\b(?:president)\b/i, /\bpresident\b/i],
  [/\b(?:head of [a-z ]+)\b/i, /\bhead of\b/i],
]

/** the job title a question asks after, as a test for role texts */
function titleAsked(text: string): RegExp | undefined {
  return titles.find(([asked]) => asked.test(text))?.[1]
}

function byTitle(
  knowledge: Knowledge,
  query: Query,
  all: AttributeFact[],
  title: RegExp,
): HandlerResult {
  const people = all.filter(
    (f) =>
      f.relation === 'role' &&
      title.test(f.object) &&
      all.some(
        (w) =>
          w.relation === 'works_for' &&
          w.subjectId === f.subjectId &&
          w.objectId !== undefined &&
          query.ownerIds.includes(w.objectId),
      ),
  )
  if (people.length === 0) return refuse(query, 'no one with that title', undefined)
  const used = [
    ...people,
    ...all.filter(
      (w) => w.relation === 'works_for' && people.some((p) => p.subjectId === w.subjectId),
    ),
  ]
  return grounded(knowledge, {
    text: people.map((f) => sayAttribute(knowledge, f, all)).join(' '),
    kind: 'fact',
    facts: used,
    value: people.map((f) => f.subject).join(', '),
    confidence: 0.9,
    query,
  })
}

const wantsBase = /\b(?:based|headquartered|headquarters|head office|located|hq)\b/i
const wantsRole = /\b(?:role|position|title|job|who is|who's)\b/i

export function attribute(knowledge: Knowledge, query: Query): HandlerResult {
  if (query.unknownNames.length > 0)
    return refuse(query, `unknown name: ${query.unknownNames.join(', ')}`)
  const all = attributes(knowledge, query.ownerIds)
  let relations = (query.intent?.relations ?? []) as Relation[]
  if (wantsAuthor.test(query.text)) relations = ['author']
  else if (wantsTalk.test(query.text)) relations = ['spoke_at']
  else if (wantsCompany.test(query.text) && relations.includes('works_for'))
    relations = ['works_for', 'role']
  else if (wantsRole.test(query.text) && relations.includes('role'))
    relations = ['role', 'works_for']

  // "who is the chief executive of Voltiq": only a person with that title at that company answers
  const title = titleAsked(query.text)
  if (title && query.ownerIds.length > 0) return byTitle(knowledge, query, all, title)

  if (relations[0] === 'author') {
    const facts = all.filter((f) => f.relation === 'author')
    const docs = query.ownerIds.length
      ? facts.filter((f) => query.ownerIds.some((id) => f.context.includes(id)))
      : facts
    if (docs.length === 0) return pass('no author')
    return grounded(knowledge, {
      text: docs.map((f) => sayAttribute(knowledge, f, all)).join(' '),
      kind: 'fact',
      facts: docs,
      value: docs.map((f) => f.object).join(', '),
      confidence: 0.9,
      query,
    })
  }

  // "where will ChargeWorld Expo 2025 be held": a fact about another edition does not answer
  const dated = (f: AttributeFact) =>
    query.years.length === 0 ||
    query.years.some((y) =>
      knowledge.documents.get(f.docId)!.text.slice(f.span.start, f.span.end).includes(String(y)),
    )
  for (const relation of relations) {
    // forward: the question names the subject ("where is iSoftStone based")
    const forward = all.filter(
      (f) => f.relation === relation && query.ownerIds.includes(f.subjectId) && dated(f),
    )
    // backward: it names the object ("who spoke at CommunicAsia", "which company is based in Beijing")
    const backward = all.filter(
      (f) =>
        f.relation === relation && f.objectId !== undefined && query.ownerIds.includes(f.objectId),
    )
    const facts = forward.length ? forward : backward
    if (facts.length === 0) continue
    // prefer facts that also touch the other names of the question ("for iSoftStone at CommunicAsia")
    const ranked = facts
      .map((f) => ({ f, hits: query.ownerIds.filter((id) => f.context.includes(id)).length }))
      .sort((a, b) => b.hits - a.hits)
    const top = ranked.filter((r) => r.hits === ranked[0]!.hits).map((r) => r.f)
    const used = [...top]
    if (relation === 'spoke_at' || relation === 'role') {
      for (const f of top) {
        const extra = all.find((a) =>
          relation === 'spoke_at'
            ? a.relation === 'held_in' && a.subjectId === f.objectId
            : a.relation === 'works_for' && a.subjectId === f.subjectId,
        )
        if (extra) used.push(extra)
      }
    }
    const text = top.map((f) => sayAttribute(knowledge, f, all)).join(' ')
    return grounded(knowledge, {
      text,
      kind: 'fact',
      facts: used,
      value: forward.length
        ? top.map((f) => f.object).join(', ')
        : top.map((f) => f.subject).join(', '),
      confidence: 0.9,
      query,
    })
  }
  // a named subject and a specific question ("where is Westgrid headquartered") with no such fact: the corpus lacks it
  if (query.ownerIds.length > 0 && (wantsBase.test(query.text) || wantsTalk.test(query.text)))
    return refuse(query, 'no such attribute')
  return ownerOf(knowledge, query) ?? pass('no attribute matched')
}

/** "who ordered megawatt chargers?", "which agency ran 286 pilots?": the owner of the one figure that fits */
export function ownerOf(knowledge: Knowledge, query: Query): HandlerResult | undefined {
  if (
    query.ownerIds.length > 0 ||
    query.thingTerms.length === 0 ||
    !/^(?:who|which|what)\b/i.test(query.text)
  )
    return undefined
  const numbers = [...query.text.matchAll(/\b\d[\d,]*(?:\.\d+)?\b/g)]
    .map((m) => Number(m[0].replace(/,/g, '')))
    .filter((n) => !query.years.includes(n))
  const fits = findFacts(
    knowledge,
    query,
    (f) => (f.kind === 'quantity' || f.kind === 'change') && f.ownerId !== undefined,
  )
    .filter((m) => m.thingHits > 0 && m.misses === 0)
    .filter(
      (m) =>
        numbers.length === 0 ||
        numbers.includes(
          m.fact.kind === 'quantity'
            ? m.fact.quantity.value
            : m.fact.kind === 'change'
              ? m.fact.to.value
              : Number.NaN,
        ),
    )
  const owners = new Set(fits.map((m) => m.fact.ownerId))
  if (owners.size !== 1) return undefined
  const fact = fits[0]!.fact
  return grounded(knowledge, {
    text: `${capitalise(entityName(knowledge, fact.ownerId, fact.owner))}: ${shown(fact)}.`,
    kind: 'fact',
    facts: [fact],
    value: entityName(knowledge, fact.ownerId, fact.owner).replace(/^the /, ''),
    confidence: 0.85,
    query,
  })
}
