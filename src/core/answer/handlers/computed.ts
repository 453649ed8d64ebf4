/** Differences, totals, growth and ratios between facts; the answer shows the arithmetic and cites every fact used. */
import type { Knowledge } from '../../knowledge/types'
import type { ChangeFact, Quantity } from '../../types'
import { cite, uniqueCitations } from '../cite'
import { capitalise, figure, plainValue, thingPhrase } from '../format'
import type { Query } from '../query'
import { said } from './compare'
import { lookup, matchFigures } from './lookup'
import { findOperands, type Operand, operandValue, quantityAt } from './operands'
import { grounded, type HandlerResult, pass, refuse } from './result'

function round(n: number, digits = 1): string {
  return String(Number(n.toFixed(digits)))
}

/** a difference of two shares is in percentage points */
function amount(value: number, q: Quantity): string {
  return q.unit === 'percent' ? `${round(value, 2)} percentage points` : plainValue(value, q)
}

/** growth over a before/after fact: "grew by 580 million (170 million in 1978 to 750 million in 2015)" */
function changeOver(knowledge: Knowledge, query: Query, fact: ChangeFact): HandlerResult {
  const { from, to } = fact
  const years = query.years
  // "since 1978" must be one of the fact's years; another year is not in the corpus
  if (years.length > 0 && !years.every((y) => y === from.year || y === to.year))
    return refuse(
      query,
      `no figure for ${years.join(', ')}`,
      from.year && to.year
        ? `They give ${figure(from)} in ${from.year} and ${figure(to)} in ${to.year}.`
        : undefined,
    )
  const diff = to.value - from.value
  const subject = capitalise(thingPhrase(fact))
  const span = `${figure(from)}${from.year ? ` in ${from.year}` : ''} to ${figure(to)}${to.year ? ` in ${to.year}` : ''}`
  if (query.intent?.op === 'ratio') {
    const factor = to.value / from.value
    return grounded(knowledge, {
      text: `${subject} grew ${round(factor, 2)} times, from ${span} (${plainValue(to.value, to)} ÷ ${plainValue(from.value, from)} = ${round(factor, 2)}), a ${round((factor - 1) * 100)}% increase.`,
      kind: 'computed',
      facts: [fact],
      value: Number(factor.toFixed(2)),
      unit: 'times',
      confidence: 0.9,
      query,
    })
  }
  const pct = from.value !== 0 && to.unit !== 'percent' ? (diff / from.value) * 100 : undefined
  return grounded(knowledge, {
    text: `${subject} ${diff >= 0 ? 'grew' : 'fell'} by ${amount(Math.abs(diff), to)} (${span}: ${plainValue(to.value, to)} − ${plainValue(from.value, from)} = ${amount(diff, to)})${pct !== undefined ? `, a ${round(Math.abs(pct))}% ${diff >= 0 ? 'increase' : 'decrease'}` : ''}.`,
    kind: 'computed',
    facts: [fact],
    value: diff,
    unit: to.unit === 'count' ? fact.head : to.unit,
    confidence: 0.92,
    query,
  })
}

/** difference, total or ratio of operands found by owner, year or thing */
function arithmetic(knowledge: Knowledge, query: Query, operands: Operand[]): HandlerResult {
  const qs = operands.map((op) => quantityAt(op.fact, op.year))
  if (qs.some((q) => !q) || new Set(qs.map((q) => q!.unit)).size > 1)
    return refuse(query, 'figures of different kinds')
  const q0 = qs[0]!
  const values = operands.map(operandValue)
  const parts = operands.map(said).join('; ')
  const facts = [...new Set(operands.map((op) => op.fact))]
  const op = query.intent?.op
  if (op === 'total') {
    const sum = values.reduce((a, b) => a + b, 0)
    return grounded(knowledge, {
      text: `${plainValue(sum, q0)} in total (${parts}: ${values.map((v) => plainValue(v, q0)).join(' + ')} = ${plainValue(sum, q0)}).`,
      kind: 'computed',
      facts,
      value: sum,
      confidence: 0.9,
      query,
    })
  }
  const [a, b] = [values[0]!, values[1]!]
  const [la, lb] = [operands[0]!.label, operands[1]!.label]
  if (op === 'ratio') {
    const factor = a / b
    return grounded(knowledge, {
      text: `${capitalise(la)} is ${round(factor, 2)} times ${lb} (${parts}: ${plainValue(a, q0)} ÷ ${plainValue(b, q0)} = ${round(factor, 2)}).`,
      kind: 'computed',
      facts,
      value: Number(factor.toFixed(2)),
      unit: 'times',
      confidence: 0.88,
      query,
    })
  }
  const diff = a - b
  return grounded(knowledge, {
    text: `The difference is ${amount(Math.abs(diff), q0)}: ${capitalise(diff >= 0 ? la : lb)} is ahead (${parts}: ${plainValue(Math.max(a, b), q0)} − ${plainValue(Math.min(a, b), q0)} = ${amount(Math.abs(diff), q0)}).`,
    kind: 'computed',
    facts,
    value: Math.abs(diff),
    confidence: 0.9,
    query,
  })
}

function growthBetween(knowledge: Knowledge, query: Query, operands: Operand[]): HandlerResult {
  const [newer, older] = operands as [Operand, Operand]
  const to = quantityAt(newer.fact, newer.year)
  const from = quantityAt(older.fact, older.year)
  if (!to || !from || to.unit !== from.unit) return refuse(query, 'figures of different kinds')
  const synthetic: ChangeFact = {
    ...newer.fact,
    kind: 'change',
    from: { ...from, year: older.year ?? from.year },
    to: { ...to, year: newer.year ?? to.year },
  }
  const result = changeOver(knowledge, query, synthetic)
  const facts = [...new Set([older.fact, newer.fact])]
  if (result.type === 'answer') {
    result.facts = facts
    result.answer.citations = uniqueCitations(
      facts.map((f) => cite(knowledge, f.docId, f.passageId, f.span)),
    )
  }
  return result
}

export function computed(knowledge: Knowledge, query: Query): HandlerResult {
  if (query.unknownNames.length > 0)
    return refuse(query, `unknown name: ${query.unknownNames.join(', ')}`)
  const op = query.intent?.op
  if (op !== 'growth') {
    const found = findOperands(knowledge, query)
    if (found && 'refusal' in found) return found.refusal
    if (found && found.operands.length >= 2) return arithmetic(knowledge, query, found.operands)
    // "how many TEU did the three busiest terminals handle together?": a total the text states itself
    if (op === 'total') {
      const stated = lookup(knowledge, query)
      if (stated.type === 'answer') return stated
    }
  } else if (query.years.length >= 2) {
    // growth between two named years: the figures of each, from one before/after fact or two dated ones
    const found = findOperands(knowledge, query)
    if (found && 'operands' in found && found.operands.length >= 2)
      return growthBetween(knowledge, query, found.operands)
  }
  const { matches, refusal } = matchFigures(knowledge, { ...query, years: [] }, 'any')
  if (refusal) return refusal
  const change = matches.find((m) => m.fact.kind === 'change' && m.misses <= m.thingHits)
  if (change) return changeOver(knowledge, query, change.fact as ChangeFact)
  // two dated figures of the same thing and owner make a change too
  const dated = matches.filter(
    (m) =>
      m.fact.kind === 'quantity' &&
      m.fact.quantity.unit !== 'year' &&
      m.fact.quantity.year !== undefined &&
      m.misses === 0,
  )
  const first = dated[0]?.fact
  const other = dated.find(
    (m) =>
      m.fact !== first &&
      m.fact.ownerId === first?.ownerId &&
      m.fact.kind === 'quantity' &&
      first?.kind === 'quantity' &&
      m.fact.quantity.year !== first.quantity.year,
  )?.fact
  if (first?.kind === 'quantity' && other?.kind === 'quantity') {
    const [older, newer] =
      first.quantity.year! < other.quantity.year! ? [first, other] : [other, first]
    const synthetic: ChangeFact = {
      ...newer,
      kind: 'change',
      from: { ...older.quantity },
      to: { ...newer.quantity },
    }
    const result = changeOver(knowledge, query, synthetic)
    // the change is made of two facts: cite both
    if (result.type === 'answer') {
      result.facts = [older, newer]
      result.answer.citations = uniqueCitations(
        [older, newer].map((f) => cite(knowledge, f.docId, f.passageId, f.span)),
      )
    }
    return result
  }
  return op === 'growth' ? pass('no change to compute') : refuse(query, 'nothing to compute')
}
