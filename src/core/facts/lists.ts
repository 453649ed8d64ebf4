/** List facts: "the three major urban agglomerations of A, B and C", "A, B and C have ...", "such as A, B and C". */
import type { Span } from '../types'
import type { Name } from './names'
import { parseCount } from './numbers'

export interface RawList {
  kind: 'list'
  label: string
  items: Name[]
  at: Span
}

const joiner = /^\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)(?:the\s+)?$/

/** consecutive names from `first` joined by commas and "and" */
function run(text: string, names: Name[], first: number): Name[] {
  const items = [names[first]!]
  for (let i = first + 1; i < names.length; i++) {
    if (!joiner.test(text.slice(items.at(-1)!.end, names[i]!.start))) break
    items.push(names[i]!)
  }
  return items
}

export function readLists(text: string, names: Name[]): RawList[] {
  const out: RawList[] = []
  const used = new Set<Name>()

  // "the three major urban agglomerations of A, B and C"
  for (const m of text.matchAll(
    /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+((?:[a-z][\w-]*\s+){0,5}?[a-z][\w-]*(?:\s+of\s+(?:its|their|the)\s+[a-z][\w-]*)?)(?:\s+(?:of|are|were|include|including|namely|:|–|-)|,)\s+(?:the\s+)?/gi,
  )) {
    const count = parseCount(m[1]!)
    const at = m.index + m[0].length
    const first = names.findIndex((n) => n.start === at)
    if (!count || first < 0) continue
    const items = run(text, names, first)
    if (items.length < 2) continue
    for (const n of items) used.add(n)
    out.push({
      kind: 'list',
      label: `${m[1]} ${m[2]}`,
      items,
      at: { start: m.index, end: items.at(-1)!.end },
    })
  }

  // "A, B and C have relatively high levels of ...", "such as A, B and C"
  for (let i = 0; i < names.length; i++) {
    if (used.has(names[i]!)) continue
    const items = run(text, names, i)
    if (
      items.length < 3 &&
      !(items.length === 2 && /such as|including|like\s*$/.test(text.slice(0, names[i]!.start)))
    )
      continue
    for (const n of items) used.add(n)
    const before =
      /(\b[a-z][\w\s-]{2,60}?)\s+(?:such as|including|like|are|were|:)\s+(?:the\s+)?$/i.exec(
        text.slice(0, items[0]!.start),
      )
    const after =
      /^\s+((?:have|has|are|were|is|was|account|lead|remain|rank|form)\b[^.;“”"]{3,120})/i.exec(
        text.slice(items.at(-1)!.end),
      ) ??
      // "in Ashford, Bramley and Colton, the three sites that will open new wards": the label follows
      /^,\s+the\s+((?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+[^.;“”"]{3,120})/i.exec(
        text.slice(items.at(-1)!.end),
      )
    const label = (before?.[1] ?? after?.[1] ?? '').trim()
    if (!label) continue
    const end = after ? items.at(-1)!.end + after[0].length : items.at(-1)!.end
    const start = before
      ? items[0]!.start - (text.slice(0, items[0]!.start).length - before.index)
      : items[0]!.start
    out.push({ kind: 'list', label, items, at: { start, end: Math.min(end, text.length) } })
    i += items.length - 1
  }
  return out
}
