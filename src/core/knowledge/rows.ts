/**
 * Rows of objects (facts, passages) as JSON whose repeated strings are written once: every field
 * that holds a string in every row that has it, or a list of strings, is written as numbers into
 * one table of distinct strings. JSON.parse then makes numbers instead of millions of strings
 * (a fact's terms, context and ids), which is most of a snapshot's load time and of its memory.
 * Fields are found from the rows themselves, so a field added to a fact needs nothing here.
 */

type Row = Record<string, unknown>

interface Packed {
  strings: string[]
  /** fields whose value is a string wherever they appear */
  text: string[]
  /** fields whose value is a list of strings wherever they appear */
  lists: string[]
  rows: Row[]
}

const isText = (v: unknown) => typeof v === 'string'
const isList = (v: unknown) => Array.isArray(v) && v.every(isText)

/** the fields every row that has them fills with a value `test` accepts */
function fieldsWhere(rows: Row[], test: (v: unknown) => boolean): string[] {
  const ok = new Map<string, boolean>()
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (value !== undefined) ok.set(key, (ok.get(key) ?? true) && test(value))
  return [...ok].filter(([, yes]) => yes).map(([key]) => key)
}

export function packRows(rows: object[]): string {
  const all = rows as Row[]
  const text = fieldsWhere(all, isText)
  const lists = fieldsWhere(all, isList)
  const ids = new Map<string, number>()
  const id = (s: string) => {
    const known = ids.get(s)
    if (known !== undefined) return known
    ids.set(s, ids.size)
    return ids.size - 1
  }
  const packed = all.map((row) => {
    const out: Row = { ...row }
    for (const key of text) if (typeof row[key] === 'string') out[key] = id(row[key] as string)
    for (const key of lists) if (Array.isArray(row[key])) out[key] = (row[key] as string[]).map(id)
    return out
  })
  return JSON.stringify({ strings: [...ids.keys()], text, lists, rows: packed } satisfies Packed)
}

export function unpackRows<T>(json: string): T[] {
  const { strings, text, lists, rows } = JSON.parse(json) as Packed
  for (const row of rows) {
    for (const key of text) {
      const n = row[key]
      if (n !== undefined) row[key] = strings[n as number]
    }
    for (const key of lists) {
      const list = row[key] as unknown[] | undefined
      if (list) for (let i = 0; i < list.length; i++) list[i] = strings[list[i] as number]
    }
  }
  return rows as T[]
}
