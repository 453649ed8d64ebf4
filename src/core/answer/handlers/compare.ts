/** Did A ... more than B: two figures of one kind side by side, with the verdict. */
import type { Knowledge } from '../../knowledge/types'
import { capitalise, figure } from '../format'
import type { Query } from '../query'
import { findOperands, type Operand, operandValue, quantityAt } from './operands'
import { grounded, type HandlerResult, pass, refuse } from './result'

const fewer = /\b(?:less|fewer|smaller|lower|cheaper|shorter)\b/i
const more = /\b(?:more|bigger|larger|greater|higher|longer)\b/i

/** "MIIT: 104 consumer pilots" */
export function said(op: Operand): string {
  const q = quantityAt(op.fact, op.year)
  const thing = op.fact.thing.replace(/^["“”]|["“”]$/g, '')
  const amount = q ? (q.unit === 'count' ? `${figure(q)} ${thing}` : figure(q)) : ''
  return `${op.label}: ${amount}`
}

export function compare(knowledge: Knowledge, query: Query): HandlerResult {
  const found = findOperands(knowledge, query)
  if (!found) return pass('nothing to compare')
  if ('refusal' in found) return found.refusal
  const [a, b] = found.operands as [Operand, Operand]
  const [qa, qb] = [quantityAt(a.fact, a.year), quantityAt(b.fact, b.year)]
  if (!qa || !qb || qa.unit !== qb.unit) return refuse(query, 'figures of different kinds')
  const [va, vb] = [operandValue(a), operandValue(b)]
  const askedFewer = fewer.test(query.text) && !more.test(query.text)
  const holds = askedFewer ? va < vb : va > vb
  // "did A ... more than B" asks yes or no; "which ... more, A or B" asks for a name
  const asked =
    (fewer.test(query.text) || more.test(query.text)) && !/^(?:which|who|what)\b/i.test(query.text)
  const verdict = asked
    ? va !== vb && holds
      ? 'Yes'
      : 'No'
    : capitalise(va > vb ? a.label : va < vb ? b.label : 'Neither')
  const relation = va === vb ? 'the same as' : va > vb ? 'more than' : 'less than'
  return grounded(knowledge, {
    text: asked
      ? `${verdict}: ${said(a)}, ${relation} ${said(b)}.`
      : `${verdict}. ${capitalise(said(a))}, ${relation} ${said(b)}.`,
    kind: 'computed',
    facts: [a.fact, b.fact],
    value: asked ? verdict.toLowerCase() : verdict,
    confidence: 0.88,
    query,
  })
}
