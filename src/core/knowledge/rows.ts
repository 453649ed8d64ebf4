/**
 * Rows of objects (facts, passages) as JSON whose repeated strings are written once: every field
 * that holds a string in every row that has it, or a list of strings, is written as numbers into
 * one table of distinct strings. JSON.parse then makes numbers instead of millions of strings
 * (a fact's terms, context and ids), which is most of a snapshot's load time and of its memory.
 * A list's numbers (a fact's terms: most of them) are varints after the JSON, which holds only
 * the list's length: parsing six million numbers out of JSON was most of what was left.
 * Fields are found from the rows themselves, so a field added to a fact needs nothing here.
 */
import { varints, Writer } from './varints'

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

/** JSON with every character past ASCII escaped: the decoder's text is then one byte a character
 * (one curly quote would otherwise make the whole chunk a two-byte string) */
export const asciiJson = (value: unknown): Uint8Array =>
  new TextEncoder().encode(
    JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  )

/** the rows as bytes: the JSON's length (4 bytes), the JSON, then the lists' string numbers as varints */
export function packRows(rows: object[]): Uint8Array {
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
  const listed = new Writer()
  const packed = all.map((row) => {
    const out: Row = { ...row }
    for (const key of text) if (typeof row[key] === 'string') out[key] = id(row[key] as string)
    for (const key of lists) {
      const list = row[key] as string[] | undefined
      if (!Array.isArray(list)) continue
      out[key] = list.length
      for (const s of list) listed.uint(id(s))
    }
    return out
  })
  const json = asciiJson({ strings: [...ids.keys()], text, lists, rows: packed } satisfies Packed)
  const tail = listed.done()
  const bytes = new Uint8Array(4 + json.length + tail.length)
  new DataView(bytes.buffer).setUint32(0, json.length)
  bytes.set(json, 4)
  bytes.set(tail, 4 + json.length)
  return bytes
}

export function unpackRows<T>(bytes: Uint8Array): T[] {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)
  const json = new TextDecoder().decode(bytes.subarray(4, 4 + length))
  const { strings, text, lists, rows } = JSON.parse(json) as Packed
  const uint = varints(bytes, 4 + length)
  for (const row of rows) {
    for (const key of text) {
      const n = row[key]
      if (n !== undefined) row[key] = strings[n as number]
    }
    for (const key of lists) {
      const n = row[key] as number | undefined
      if (n === undefined) continue
      const list = new Array<string>(n)
      for (let i = 0; i < n; i++) list[i] = strings[uint()]!
      row[key] = list
    }
  }
  return rows as T[]
}
