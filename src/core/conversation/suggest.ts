/** Two or three next questions the corpus can answer, checked by answering them before they are offered. */
import { entityName, thingPhrase } from '../answer/format'
import { attributesOf, factsOfDoc, unitOf } from '../answer/match'
import type { Knowledge } from '../knowledge/types'
import { memo } from '../memo'
import { nameKey } from '../nlu/normalize'
import type { Answer, Fact } from '../types'

export interface SuggestOptions {
  /** suggestions at most; defaults to 3 */
  limit?: number
}
const defaults: Required<SuggestOptions> = { limit: 3 }

function thingOf(fact: Fact): string {
  return fact.thing.replace(/^["“”]|["“”]$/g, '')
}

function candidates(knowledge: Knowledge, facts: Fact[], entityIds: string[]): string[] {
  const out: string[] = []
  const first = facts[0]
  if (first && (first.kind === 'quantity' || first.kind === 'change') && first.head) {
    // the same thing for the other owners of its family
    // the figures of the same article, from the per-document index: never a scan of the corpus
    const family = factsOfDoc(knowledge, first.docId).filter(
      (f) =>
        (f.kind === 'quantity' || f.kind === 'change') &&
        f.head === first.head &&
        f.ownerId &&
        f.ownerId !== first.ownerId &&
        f.docId === first.docId &&
        unitOf(f) === unitOf(first),
    )
    for (const f of family.slice(0, 2)) {
      const unit =
        f.kind === 'quantity' ? f.quantity.unit : f.kind === 'change' ? f.to.unit : undefined
      const owner = entityName(knowledge, f.ownerId, f.owner)
      if (unit === 'count') out.push(`How many ${thingOf(f)} does ${owner} have?`)
      else if (unit === 'money') out.push(`How much does ${owner} invest?`)
    }
    if (family.length >= 2) out.push(`Who has the most ${thingOf(first).split(' ').at(-1)}?`)
    if (first.kind === 'change') out.push(`How much did ${thingPhrase(first)} grow?`)
  }
  const seen = new Set<string>()
  for (const id of [...entityIds, ...facts.flatMap((f) => f.context)]) {
    if (seen.has(id)) continue
    seen.add(id)
    const entity = knowledge.entityById.get(id)
    if (!entity) continue
    const has = (relation: string) =>
      attributesOf(knowledge, id).some((f) => f.relation === relation && f.subjectId === id)
    if (entity.type === 'person' && has('role')) out.push(`Who is ${entity.name}?`)
    if (entity.type === 'person' && has('spoke_at')) out.push(`Where did ${entity.name} speak?`)
    if (entity.type === 'org' && has('located_in')) out.push(`Where is ${entity.name} based?`)
    if (entity.type === 'event' && has('held_in')) out.push(`Where was ${entity.name} held?`)
  }
  return out
}

/** keeps the candidates that get a real answer different from the one just given */
const verified = new WeakMap<Knowledge, Map<string, string>>()

export function suggest(
  knowledge: Knowledge,
  given: {
    answer: Answer
    facts: Fact[]
    entityIds: string[]
    question: string
    /** questions the session already asked: never suggested again */
    asked?: string[]
  },
  ask: (question: string) => Answer,
  options: SuggestOptions = {},
): string[] {
  const { limit } = { ...defaults, ...options }
  const asked = new Set([given.question, ...(given.asked ?? [])].map(nameKey))
  const out: string[] = []
  for (const question of [...new Set(candidates(knowledge, given.facts, given.entityIds))]) {
    if (out.length >= limit) break
    if (asked.has(nameKey(question))) continue
    // a suggestion's own answer does not change while the knowledge does not: verify it once
    const answers = memo(verified, knowledge, () => new Map<string, string>())
    const reply = memo(answers, question, () => {
      const answer = ask(question)
      return answer.abstained || answer.kind === 'passage' ? '' : answer.answer
    })
    if (reply && reply !== given.answer.answer) out.push(question)
  }
  return out
}
