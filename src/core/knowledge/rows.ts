/**
 * Rows of objects (facts, passages) as JSON whose repeated strings are written once: every field
 * that holds a string in every row that has it, or a list of strings, is written as numbers into
 * one table of distinct strings. JSON.parse then makes numbers instead of millions of strings
 * (a fact's terms, context and ids), which is most of a snapshot's load time and of its memory.
 * The lists themselves are written once each (the facts of one sentence have the same terms, and
 * most facts one of a few thousand thing terms) as varints after the JSON, which holds each
 * row's list number: rows with the same list share one array, read once.
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

/** the rows as bytes: the JSON's length (4 bytes), the JSON, then the distinct lists as varints
 * (their count, then each one's length and string numbers) */
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
  const listIds = new Map<string, number>()
  const listed: number[][] = []
  const listId = (list: string[]) => {
    const numbers = list.map(id)
    const key = numbers.join(',')
    const known = listIds.get(key)
    if (known !== undefined) return known
    listIds.set(key, listed.length)
    listed.push(numbers)
    return listed.length - 1
  }
  const packed = all.map((row) => {
    const out: Row = { ...row }
    for (const key of text) if (typeof row[key] === 'string') out[key] = id(row[key] as string)
    for (const key of lists) if (Array.isArray(row[key])) out[key] = listId(row[key] as string[])
    return out
  })
  const json = asciiJson({ strings: [...ids.keys()], text, lists, rows: packed } satisfies Packed)
  const tail = new Writer()
  tail.uint(listed.length)
  for (const numbers of listed) {
    tail.uint(numbers.length)
    for (const n of numbers) tail.uint(n)
  }
  const rest = tail.done()
  const bytes = new Uint8Array(4 + json.length + rest.length)
  new DataView(bytes.buffer).setUint32(0, json.length)
  bytes.set(json, 4)
  bytes.set(rest, 4 + json.length)
  return bytes
}

/** the rows packRows wrote; rows that had equal lists share one array (nothing changes a row's lists in place) */
export function unpackRows<T>(bytes: Uint8Array): T[] {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)
  const json = new TextDecoder().decode(bytes.subarray(4, 4 + length))
  const { strings, text, lists, rows } = JSON.parse(json) as Packed
  const uint = varints(bytes, 4 + length)
  const listed = new Array<string[]>(uint())
  for (let l = 0; l < listed.length; l++) {
    const list = new Array<string>(uint())
    for (let i = 0; i < list.length; i++) list[i] = strings[uint()]!
    listed[l] = list
  }
  for (const row of rows) {
    for (const key of text) {
      const n = row[key]
      if (n !== undefined) row[key] = strings[n as number]
    }
    for (const key of lists) {
      const n = row[key]
      if (n !== undefined) row[key] = listed[n as number]
    }
  }
  return rows as T[]
}
