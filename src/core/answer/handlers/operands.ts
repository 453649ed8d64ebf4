/** The two (or more) figures a comparison or a computation works on: by owner, by year, or by thing. */
import type { Knowledge } from '../../knowledge/types'
import { understand } from '../../nlu/understand'
import type { Fact, Quantity } from '../../types'
import { entityName } from '../format'
import { yearsOf } from '../match'
import { canon, type Query, toQuery } from '../query'
import { matchFigures } from './lookup'
import { type HandlerResult, refuse } from './result'

export interface Operand {
  fact: Fact
  /** the year the value is read at, for a before/after fact */
  year?: number
  /** how the answer names the operand: an owner, a year or a thing */
  label: string
}

export type OperandSearch = { operands: Operand[] } | { refusal: HandlerResult } | undefined

export function quantityAt(fact: Fact, year?: number): Quantity | undefined {
  if (fact.kind === 'quantity') return fact.quantity
  if (fact.kind === 'change')
    return year !== undefined && year === fact.from.year ? fact.from : fact.to
  return undefined
}

export function operandValue(op: Operand): number {
  return quantityAt(op.fact, op.year)?.value ?? Number.NaN
}

function best(
  knowledge: Knowledge,
  query: Query,
  label: string,
  year?: number,
): Operand | HandlerResult {
  const measure = query.intent?.measure ?? measureAsked(query)
  let { matches, refusal } = matchFigures(knowledge, query, measure)
  // "than Ostra Energy plans to": when money is compared, the owner's one money figure is its side
  if (matches.length === 0 && measure === 'money' && query.ownerIds.length === 1) {
    const own = matchFigures(knowledge, { ...query, thingTerms: [] }, measure).matches.filter(
      (m) => m.ownerMatched,
    )
    // the one money figure, or the one stated with the question's money verb ("invest")
    const verbs = [...query.verbTerms, ...query.terms].filter((w) => moneyWords.has(w))
    const said = own.filter((m) => verbs.some((v) => m.fact.terms.includes(v)))
    const pick = own.length === 1 ? own : said.length === 1 ? said : []
    if (pick.length === 1) ({ matches, refusal } = { matches: pick, refusal: undefined })
  }
  const top = matches.find((m) => m.misses <= m.thingHits) ?? matches[0]
  if (!top) return refusal ?? refuse(query, `no figure for ${label}`)
  return {
    fact: top.fact,
    year: year ?? (yearsOf(top.fact).includes(query.years[0]!) ? query.years[0] : undefined),
    label,
  }
}

function isOperand(x: Operand | HandlerResult): x is Operand {
  return 'fact' in x
}

// words that set one side of a comparison against the other
const splitter =
  /\s+(?:than|versus|vs\.?|compared (?:with|to)|over|exceed|exceeds|exceeded|and|or)\s+/i

/** "wind capacity than solar capacity": two thing phrases around the comparing word */
function byThing(knowledge: Knowledge, query: Query): Operand[] | undefined {
  const parts = query.text.split(splitter)
  if (parts.length !== 2) return undefined
  const sides = parts.map((p) =>
    canon(knowledge, toQuery(understand(p, knowledge), knowledge).thingTerms),
  )
  const [a, b] = sides as [string[], string[]]
  const onlyA = a.filter((t) => !b.includes(t))
  const onlyB = b.filter((t) => !a.includes(t))
  if (onlyA.length === 0 || onlyB.length === 0) return undefined
  const shared = query.thingTerms.filter((t) => !onlyA.includes(t) && !onlyB.includes(t))
  const out: Operand[] = []
  for (const own of [onlyA, onlyB]) {
    const found = best(knowledge, { ...query, thingTerms: [...own, ...shared] }, own.join(' '))
    if (!isOperand(found)) return undefined
    out.push(found)
  }
  return out[0]!.fact === out[1]!.fact ? undefined : out
}

// words that say the figures compared are money or shares
const moneyWords = new Set(['invest', 'spend', 'cost', 'pay', 'revenue', 'budget', 'fund', 'earn'])

/** the kind of figure a comparison is about, from its words: "which invests more" compares money */
export function measureAsked(query: Query): string | undefined {
  const words = [...query.terms, ...query.verbTerms]
  if (words.some((w) => moneyWords.has(w))) return 'money'
  if (/\b(?:share|percent|percentage|proportion)\b|%/.test(query.text)) return 'percent'
  return undefined
}

export function findOperands(knowledge: Knowledge, query: Query): OperandSearch {
  if (query.unknownNames.length > 0)
    return { refusal: refuse(query, `unknown name: ${query.unknownNames.join(', ')}`) }
  // by year first for growth: "did the share of wind and solar rise from 2015 to 2023" is one figure over time
  const overTime = query.intent?.op === 'growth' && query.years.length >= 2
  // by owner: "did MIIT run more pilots than the Tourism Bureau"
  if (query.ownerIds.length >= 2 && !overTime) {
    const operands: Operand[] = []
    for (const ownerId of query.ownerIds) {
      const found = best(
        knowledge,
        { ...query, ownerIds: [ownerId] },
        entityName(knowledge, ownerId),
      )
      if (!isOperand(found)) return { refusal: found }
      operands.push(found)
    }
    return { operands }
  }
  // by year: "were there more cities in 2015 than in 1978"
  if (query.years.length >= 2) {
    const { matches, refusal } = matchFigures(
      knowledge,
      { ...query, years: [] },
      query.intent?.measure ?? measureAsked(query),
    )
    if (refusal) return { refusal }
    const operands: Operand[] = []
    // the later year first: "by what factor did it grow from 1978 to 2015" divides 2015 by 1978
    for (const year of query.years.slice(0, 2).sort((a, b) => b - a)) {
      // a figure stated for that year; "founded in 2011" is a date, not a figure
      const m = matches.find(
        (x) =>
          yearsOf(x.fact).includes(year) &&
          x.misses <= x.thingHits &&
          !(x.fact.kind === 'quantity' && x.fact.quantity.unit === 'year'),
      )
      if (!m) return { refusal: refuse(query, `no figure for ${year}`) }
      operands.push({ fact: m.fact, year, label: String(year) })
    }
    return { operands }
  }
  const things = byThing(knowledge, query)
  return things ? { operands: things } : undefined
}
