/** A term's postings in a packed index, read from its bytes the first time MiniSearch touches them. */
import { varints } from './varints'

/**
 * One term's postings (field -> document -> frequency), read from the packed bytes the first time
 * anything asks: a start then costs a skip per term, and a search reads the terms it looks up.
 * Every Map method MiniSearch uses (get, set, has, delete, size, iteration) reads them first.
 */
export class LazyTermData extends Map<number, Map<number, number>> {
  private pending: { bytes: Uint8Array; at: number } | undefined

  constructor(bytes: Uint8Array, at: number) {
    super()
    this.pending = { bytes, at }
  }

  private read(): this {
    const pending = this.pending
    if (!pending) return this
    this.pending = undefined
    const uint = varints(pending.bytes, pending.at)
    for (let f = 0, nf = uint(); f < nf; f++) {
      const fieldId = uint()
      const postings = new Map<number, number>()
      let doc = 0
      for (let i = 0, n = uint(); i < n; i++) {
        doc += uint()
        postings.set(doc, uint())
      }
      super.set(fieldId, postings)
    }
    return this
  }

  override get(key: number) {
    return this.read() && super.get(key)
  }
  override set(key: number, value: Map<number, number>) {
    this.read()
    return super.set(key, value)
  }
  override has(key: number) {
    return this.read() && super.has(key)
  }
  override delete(key: number) {
    return this.read() && super.delete(key)
  }
  override clear() {
    this.pending = undefined
    super.clear()
  }
  override get size() {
    return this.read() && super.size
  }
  override forEach(
    fn: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    self?: unknown,
  ) {
    this.read()
    super.forEach(fn, self)
  }
  override keys() {
    return this.read() && super.keys()
  }
  override values() {
    return this.read() && super.values()
  }
  override entries() {
    return this.read() && super.entries()
  }
  override [Symbol.iterator]() {
    return this.read() && super[Symbol.iterator]()
  }
}
