/**
 * A MiniSearch index as compact bytes and back. Its JSON (`toJSON`/`loadJSON`) spells every
 * posting as an object key, which `loadJSON` parses and then turns into numbers one by one: at
 * 10,000 articles that is seconds for the two indexes. Here the postings are varints (document
 * deltas and frequencies), each term's behind its length, and read into the maps MiniSearch
 * searches the first time that term is touched (./lazy-postings.ts).
 *
 * Writing uses only `toJSON()`; reading fills an empty index made with the right options (so
 * with the right tokenizer and weights) the way `loadJS` does, field by field. The round trip is
 * checked against `toJSON()` by test/store/snapshot.test.ts, which catches a MiniSearch that
 * changed its internals.
 */
import type MiniSearch from 'minisearch'
import type { AsPlainObject } from 'minisearch'
import { CitableError } from '../errors'
import { DenseFieldLengths, DenseIds, MapOnUse } from './index-maps'
import { LazyTermData } from './lazy-postings'
import { varints, Writer } from './varints'

/** the first byte of a packed index; another means another layout */
const layout = 1

/** what is not postings: small, kept as JSON */
interface Head {
  documentCount: number
  nextId: number
  fieldIds: Record<string, number>
  averageFieldLength: number[]
  dirtCount: number
  storedFields: Record<string, unknown>
  /** external ids in short-id order; the short ids themselves are varints in the body */
  ids: unknown[]
  terms: string[]
}

const numericKeys = (o: object) =>
  Object.keys(o)
    .map(Number)
    .sort((a, b) => a - b)

/** the index as bytes: a layout byte, the head's length and JSON, then the varint body */
export function packIndex(js: AsPlainObject): Uint8Array {
  const body = new Writer()
  const shortIds = numericKeys(js.documentIds)
  body.uint(shortIds.length)
  let last = 0
  for (const id of shortIds) {
    body.uint(id - last)
    last = id
  }
  const lengths = numericKeys(js.fieldLength)
  const fields = Object.keys(js.fieldIds).length
  body.uint(lengths.length)
  last = 0
  for (const id of lengths) {
    body.uint(id - last)
    last = id
    const row = js.fieldLength[id]!
    // one more than the length: 0 is a field the document did not have (a hole in the row)
    for (let f = 0; f < fields; f++) body.uint(row[f] == null ? 0 : row[f]! + 1)
  }
  const terms: string[] = []
  const block = new Writer()
  for (const [term, data] of js.index) {
    terms.push(term)
    // each term's postings behind their length, so a reader can skip them until they are searched
    block.at = 0
    const fieldIds = numericKeys(data)
    block.uint(fieldIds.length)
    for (const fieldId of fieldIds) {
      const postings = data[fieldId]! as unknown as Record<string, number>
      const docs = numericKeys(postings)
      block.uint(fieldId)
      block.uint(docs.length)
      last = 0
      for (const doc of docs) {
        block.uint(doc - last)
        block.uint(postings[doc]!)
        last = doc
      }
    }
    body.uint(block.at)
    body.bytes(block.done())
  }
  const head: Head = {
    documentCount: js.documentCount,
    nextId: js.nextId,
    fieldIds: js.fieldIds,
    averageFieldLength: js.averageFieldLength,
    dirtCount: js.dirtCount ?? 0,
    storedFields: js.storedFields,
    ids: shortIds.map((id) => js.documentIds[id]),
    terms,
  }
  const headBytes = new TextEncoder().encode(JSON.stringify(head))
  const rest = body.done()
  const out = new Uint8Array(5 + headBytes.length + rest.length)
  out[0] = layout
  new DataView(out.buffer).setUint32(1, headBytes.length)
  out.set(headBytes, 5)
  out.set(rest, 5 + headBytes.length)
  return out
}

/** the private fields `loadJS` sets; MiniSearch 7 keeps the index in them */
interface Internals {
  _documentCount: number
  _nextId: number
  _documentIds: Map<number, unknown>
  _idToShortId: Map<unknown, number>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _storedFields: Map<number, unknown>
  _dirtCount: number
  _index: { set(term: string, data: Map<number, Map<number, number>>): unknown }
}

type Uints = ReturnType<typeof varints>

/** a count, then that many short ids as deltas, each followed by `fields` lengths (one more than
 * the length, 0 for none) when `fields` is given */
function readShortIds(uint: Uints, fields = 0): { ids: number[]; rows: Uint32Array } {
  const n = uint()
  const ids = new Array<number>(n)
  const rows = new Uint32Array(n * fields)
  let id = 0
  for (let i = 0, at = 0; i < n; i++) {
    id += uint()
    ids[i] = id
    for (let f = 0; f < fields; f++) rows[at++] = uint()
  }
  return { ids, rows }
}

const isDense = (ids: number[]) => ids.every((id, i) => id === i)

function rowOf(rows: Uint32Array, i: number, fields: number): number[] {
  const row = new Array<number>(fields)
  for (let f = 0; f < fields; f++) {
    const n = rows[i * fields + f]!
    if (n > 0) row[f] = n - 1
  }
  return row
}

/** an index as MiniSearch's JSON has it when it holds nothing: `empty` for a loader to start from */
export const emptyIndexJson = JSON.stringify({
  documentCount: 0,
  nextId: 0,
  documentIds: {},
  fieldIds: {},
  fieldLength: {},
  averageFieldLength: [],
  storedFields: {},
  dirtCount: 0,
  index: [],
  serializationVersion: 2,
})

/**
 * reads packed bytes into `empty`, an index that holds nothing and was made with the options the
 * index was built with (its loader given `emptyIndexJson`); returns it
 */
export function unpackIndex<T extends MiniSearch<never>>(bytes: Uint8Array, empty: T): T {
  if (bytes[0] !== layout)
    throw new CitableError('pack_invalid', `packed index layout ${bytes[0]}, expected ${layout}`)
  const headLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1)
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(5, 5 + headLength))) as Head
  const uint = varints(bytes, 5 + headLength)
  const ms = empty as unknown as Internals
  ms._documentCount = head.documentCount
  ms._nextId = head.nextId
  ms._fieldIds = head.fieldIds
  ms._avgFieldLength = head.averageFieldLength
  ms._dirtCount = head.dirtCount
  ms._storedFields = new Map(Object.entries(head.storedFields).map(([k, v]) => [Number(k), v]))
  const shortIds = readShortIds(uint)
  const fields = Object.keys(head.fieldIds).length
  const lengthIds = readShortIds(uint, fields)
  // a fresh build numbers its documents 0..n-1: then the maps are read from the lists as they are
  const n = shortIds.ids.length
  if (isDense(shortIds.ids) && isDense(lengthIds.ids) && lengthIds.ids.length === n) {
    ms._documentIds = new DenseIds(head.ids)
    ms._fieldLength = new DenseFieldLengths(lengthIds.rows, n, fields)
  } else {
    ms._documentIds = new Map(shortIds.ids.map((id, i) => [id, head.ids[i]]))
    ms._fieldLength = new Map(
      lengthIds.ids.map((id, i) => [id, rowOf(lengthIds.rows, i, fields)] as const),
    )
  }
  const documentIds = ms._documentIds
  ms._idToShortId = new MapOnUse(function* () {
    for (const [shortId, id] of documentIds) yield [id, shortId]
  })
  for (const term of head.terms) {
    const length = uint()
    ms._index.set(term, new LazyTermData(bytes, uint.at()))
    uint.skip(length)
  }
  return empty
}
