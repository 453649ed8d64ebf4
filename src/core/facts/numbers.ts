/** Finds figures in text: counts, money, percentages, years and durations, with their offsets and qualifiers. */
import { wordNumber } from '../analysis/values'
import type { Quantity } from '../types'

export interface Figure extends Quantity {
  start: number
  end: number
}

const scales: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  k: 1e3,
}
const currencies: Record<string, string> = {
  rmb: 'RMB',
  cny: 'RMB',
  yuan: 'RMB',
  usd: 'USD',
  us$: 'USD',
  $: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  eur: 'EUR',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  '£': 'GBP',
  pounds: 'GBP',
  inr: 'INR',
  rupees: 'INR',
  jpy: 'JPY',
  '¥': 'JPY',
  yen: 'JPY',
}
const qualifiers: Record<string, string> = {
  over: 'over',
  'more than': 'over',
  above: 'over',
  nearly: 'nearly',
  almost: 'nearly',
  about: 'about',
  around: 'about',
  roughly: 'about',
  approximately: 'about',
  some: 'about',
  'up to': 'up to',
  'at least': 'at least',
  'less than': 'under',
  under: 'under',
  'fewer than': 'under',
}

// one pass, no nested quantifiers: prefix currency, number, scale, suffix currency or percent
const figure =
  /(?<qual>\b(?:more than|less than|fewer than|at least|up to|over|above|nearly|almost|about|around|roughly|approximately|under)\s+)?(?<cur>\b(?:RMB|CNY|USD|EUR|GBP|INR|JPY)\s?|US\$\s?|[$€£¥]\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<plus>\+)?(?:\s?(?<scale>thousand|million|billion|trillion|mn|bn)\b|(?<scale2>[mk])\b)?(?:\s?(?<pct>%|per ?cent\b|percent\b))?(?:\s(?<cur2>yuan|dollars|euros?|pounds|rupees|yen|RMB|CNY|USD|EUR|GBP|INR|JPY)\b)?(?:\s?(?<mu>GW|MW|kW|TWh|GWh|MWh|kWh|TEU|km|kilometres|kilometers|metres|meters|miles|tonnes|tons|hectares|litres|liters|kg|m)\b(?!-(?!(?:tall|high|long|wide|deep)\b)))?(?<dur>-year\b|\s(?:years?|months?)\b(?=\s+(?:old|long|legacy|history|of)\b))?/gi

const yearContext =
  /\b(?:in|from|to|since|by|until|till|of|between|and|end of|year|early|late|mid|before|after|during|through|for)\s*$/i

const yearOfNoun =
  /^(?:['’]s\b|\s+(?:net|pre-tax|full-year|annual|results?|figures?|profits?|income|losses?|budget|programme|program|season|novel|comedy|film|movie|election|report|accounts|sales|revenues?|earnings|edition|census|levels?|targets?|plan)\b)/i

/** a four-digit number reads as a year by its neighbours: "in 2015", "from 1978 to", "2014," */
function isYear(text: string, m: RegExpExecArray, value: number): boolean {
  if (
    value < 1800 ||
    value > 2100 ||
    m.groups?.cur ||
    m.groups?.pct ||
    m.groups?.scale ||
    m.groups?.scale2
  )
    return false
  if (m.groups?.num?.includes(',') || m.groups?.num?.includes('.')) return false
  const before = text.slice(Math.max(0, m.index - 24), m.index)
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12)
  if (yearContext.test(before)) return true
  if (
    /^\s*(?:[,.;:)–-]|$|to\b|and\b|the\b|a\b|an\b|it\b|its\b|there\b|saw\b|was\b|were\b|had\b|has\b)/i.test(
      after,
    )
  )
    return true
  // "2004 net income", "2003's figures", "the 1980 comedy": a year naming the period of a noun, not a count of it
  if (yearOfNoun.test(after)) return true
  // an event or edition name: "CommunicAsia 2017"
  return /^[A-Z][A-Za-z]+$/.test(before.trim().split(/\s+/).pop() ?? '')
}

/** "508m tall", "40m-high": the dimension a measure is said in, right after it */
export const dimensionAfter = /^-?\s?(tall|high|long|wide|deep)\b/

const monthWords =
  'January|February|March|April|May|June|July|August|September|October|November|December'
const months = new RegExp(`^(?:${monthWords}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$`)
const monthAfter = new RegExp(`^\\s*(?:${monthWords})\\b`)

/**
 * a bare number (no currency, scale, unit or share) said right after a capitalised word that is no month
 * or sentence opener, and before a capitalised word, a lower-case word or the clause's end: part of a name
 */
function inName(text: string, at: number, g: Record<string, string | undefined>, after: string) {
  if (g.cur || g.cur2 || g.pct || g.scale || g.scale2 || g.mu || g.dur || g.qual || g.plus)
    return false
  if (g.num!.includes(',')) return false
  const word = /(?:^|[\s(“"'‘])([A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*)\s$/.exec(text.slice(0, at))
  if (!word || months.test(word[1]!) || nameOpeners.test(word[1]!)) return false
  // "Valmora 2024 results" is a year, the period of a noun; "Brell-Quest 2 sold" is a name
  const value = Number(g.num)
  if (value >= 1800 && value <= 2100 && !g.num!.includes('.')) return false
  return /^(?:\s+[A-Za-z]|[\s,.;:)”"'’]|$)/.test(after)
}

// capitalised words that open a clause and are followed by a count: "In 12 cities", "About 40 ..."
const nameOpeners =
  /^(?:In|On|At|By|Of|For|From|To|With|About|Over|Under|Nearly|Almost|Some|The|A|An|And|But|Or|Only|Just|All|Around|Since|Until|After|Before|Than|Top|Page|Table|Figure|Chapter|Section|Article|Part|Phase|Level|Step|Group|No|Number)$/

export function findFigures(text: string): Figure[] {
  const out: Figure[] = []
  for (const m of text.matchAll(figure)) {
    const g = m.groups!
    // "on 24 April", "11 to 13 June": days of a month, not figures
    if (monthAfter.test(text.slice(m.index + m[0].length)) && !g.cur && !g.pct) continue
    // "21st century", "3rd", "5G": not figures
    if (
      /^[A-Za-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1)) &&
      !g.scale &&
      !g.cur2 &&
      !g.dur
    )
      continue
    const base = Number(g.num!.replace(/,/g, ''))
    if (!Number.isFinite(base)) continue
    const currencyWord = (g.cur ?? g.cur2 ?? '').trim().toLowerCase()
    const after = text.slice(m.index + m[0].length)
    // "508m tall", "a 40m-high wall": metres by the dimension said after them, not millions
    const metres = g.scale2?.toLowerCase() === 'm' && !currencyWord && dimensionAfter.test(after)
    // "the Kestrel 101 Tower", "Corvane 747", "Valmora 1.0": a bare number inside a name counts nothing
    if (!metres && inName(text, m.index, g, after)) continue
    const scaleWord = metres ? undefined : (g.scale ?? g.scale2)?.toLowerCase()
    const scale = scaleWord ? (scales[scaleWord] ?? 1) : 1
    const value = base * scale
    const qualifier = g.qual
      ? qualifiers[g.qual.trim().toLowerCase()]
      : g.plus
        ? 'at least'
        : undefined
    let start = m.index
    if (g.qual) start += g.qual.length
    const end = m.index + m[0].length
    const display = text.slice(start, end).replace(/\s+/g, ' ').trim()
    const exec = m as unknown as RegExpExecArray
    let unit: Quantity['unit'] = 'count'
    if (currencyWord) unit = 'money'
    else if (g.pct) unit = 'percent'
    else if (g.dur) unit = 'duration'
    else if (g.mu || metres) unit = 'measure'
    else if (isYear(text, exec, value)) unit = 'year'
    out.push({
      value,
      display,
      unit,
      currency: currencyWord ? currencies[currencyWord] : undefined,
      qualifier,
      measure: metres ? 'm' : g.mu,
      start,
      end,
    })
  }
  return out
}

/** "three" -> 3, "12" -> 12 */
export function parseCount(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word)
  // a number word of one word counts from two: "a", "an" and "one" are articles as often as counts
  if (!/^[a-z]+(?:-[a-z]+)?$/i.test(word) || /^(?:a|an|one|zero)$/i.test(word)) return undefined
  return wordNumber(word)
}

/** the way a figure is said back: "RMB 100 million", "36%", "653" */
export function formatValue(
  value: number,
  unit: Quantity['unit'],
  currency?: string,
  measure?: string,
): string {
  const abs = Math.abs(value)
  let text: string
  if (unit === 'year') return String(value)
  if (abs >= 1e9 && abs % 1e7 === 0) text = `${trim(value / 1e9)} billion`
  else if (abs >= 1e6 && abs % 1e4 === 0) text = `${trim(value / 1e6)} million`
  else text = trim(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  if (unit === 'percent') return `${text}%`
  if (unit === 'money' && currency) return `${currency} ${text}`
  if (unit === 'measure' && measure) return `${text} ${measure}`
  return text
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)))
}
