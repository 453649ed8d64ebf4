/** Did A ... more than B: each owner's figure for the same thing, side by side. */
import type { Knowledge } from '../../knowledge/pack'
import { capitalise, entityName } from '../format'
import type { Query } from '../query'
import { matchFigures } from './lookup'
import { grounded, type HandlerResult, pass, refuse } from './result'
import { shown, valueAt } from './superlative'

const fewer = /\b(?:less|fewer|smaller|lower)\b/i
const more = /\b(?:more|bigger|larger|greater|higher)\b/i

/** each named owner's best figure for the query's thing; a refusal names the owner the corpus lacks */
export function figuresByOwner(knowledge: Knowledge, query: Query) {
  const out = []
  for (const ownerId of query.ownerIds) {
    const { matches, refusal } = matchFigures(knowledge, { ...query, ownerIds: [ownerId] })
    const best = matches.find((m) => m.fact.ownerId === ownerId) ?? matches[0]
    if (!best) return { refusal: refusal ?? refuse(query, `no figure for ${ownerId}`), figures: [] }
    out.push(best.fact)
  }
  return { figures: out }
}

export function compare(knowledge: Knowledge, query: Query): HandlerResult {
  if (query.ownerIds.length < 2) return pass('compare needs two owners')
  const { figures, refusal } = figuresByOwner(knowledge, {
    ...query,
    ownerIds: query.ownerIds.slice(0, 2),
  })
  if (refusal) return refusal
  const [a, b] = figures as [NonNullable<(typeof figures)[0]>, NonNullable<(typeof figures)[0]>]
  const year = query.years[0]
  const [va, vb] = [valueAt(a, year), valueAt(b, year)]
  const na = capitalise(entityName(knowledge, a.ownerId, a.owner))
  const nb = entityName(knowledge, b.ownerId, b.owner)
  const askedFewer = fewer.test(query.text) && !more.test(query.text)
  const holds = askedFewer ? va < vb : va > vb
  const relation = va === vb ? 'the same as' : va > vb ? 'more than' : 'fewer than'
  const verdict =
    fewer.test(query.text) || more.test(query.text)
      ? `${va === vb ? 'No' : holds ? 'Yes' : 'No'}: `
      : ''
  return grounded(knowledge, {
    text: `${verdict}${na} has ${shown(a, year)}, ${relation} ${nb} with ${shown(b, year)}.`,
    kind: 'computed',
    facts: [a, b],
    value: va - vb,
    confidence: 0.88,
    query,
  })
}
