/**
 * The per-document maps of a packed MiniSearch index (short id -> external id, short id -> field
 * lengths, external id -> short id) without a Map entry per document at load. A snapshot is a
 * fresh build, so its short ids are 0..n-1: the first two are read straight from the id list and
 * one typed array, with the changes an added or removed article makes kept over them; the third,
 * which only adding and removing use, is made the first time one asks for it.
 */

/** a map of the keys 0..n-1 read from `base`, with the entries set and deleted since kept over it */
abstract class DenseMap<V> extends Map<number, V> {
  #removed: Set<number> | undefined
  #size: number

  constructor(readonly count: number) {
    super()
    this.#size = count
  }

  /** the base's value of key `k` (0 <= k < count) */
  protected abstract at(k: number): V

  #inBase(k: number): boolean {
    return Number.isInteger(k) && k >= 0 && k < this.count && !this.#removed?.has(k)
  }

  override get(k: number): V | undefined {
    if (super.size && super.has(k)) return super.get(k)
    return this.#inBase(k) ? this.at(k) : undefined
  }

  override has(k: number): boolean {
    return (super.size > 0 && super.has(k)) || this.#inBase(k)
  }

  override set(k: number, v: V): this {
    if (!this.has(k)) this.#size++
    return super.set(k, v)
  }

  override delete(k: number): boolean {
    if (!this.has(k)) return false
    super.delete(k)
    if (k >= 0 && k < this.count) {
      this.#removed ??= new Set()
      this.#removed.add(k)
    }
    this.#size--
    return true
  }

  override clear(): void {
    super.clear()
    this.#removed = new Set(Array.from({ length: this.count }, (_, i) => i))
    this.#size = 0
  }

  override get size(): number {
    return this.#size
  }

  override *entries(): MapIterator<[number, V]> {
    for (let k = 0; k < this.count; k++) if (this.#inBase(k)) yield [k, this.get(k)!]
    for (const [k, v] of super.entries()) if (!this.#inBase(k)) yield [k, v]
  }

  override *keys(): MapIterator<number> {
    for (const [k] of this.entries()) yield k
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v
  }

  override [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries()
  }

  override forEach(each: (value: V, key: number, map: Map<number, V>) => void, self?: unknown) {
    for (const [k, v] of this.entries()) each.call(self, v, k, this)
  }
}

/** short id -> external id, from the ids in short-id order */
export class DenseIds extends DenseMap<unknown> {
  constructor(private readonly ids: unknown[]) {
    super(ids.length)
  }
  protected at(k: number): unknown {
    return this.ids[k]
  }
}

/** short id -> each field's length, from one typed array of `fields` lengths a document (each one
 * more than the length; 0 where the document had no such field, a hole in its row) */
export class DenseFieldLengths extends DenseMap<number[]> {
  constructor(
    private readonly lengths: Uint32Array,
    count: number,
    private readonly fields: number,
  ) {
    super(count)
  }
  protected at(k: number): number[] {
    const row = new Array<number>(this.fields)
    for (let f = 0, at = k * this.fields; f < this.fields; f++, at++) {
      const n = this.lengths[at]!
      if (n > 0) row[f] = n - 1
    }
    return row
  }
}

/** a map made from `entries` the first time anything asks it anything */
export class MapOnUse<K, V> extends Map<K, V> {
  #make: (() => Iterable<[K, V]>) | undefined

  constructor(make: () => Iterable<[K, V]>) {
    super()
    this.#make = make
  }

  #made(): this {
    const make = this.#make
    if (make) {
      this.#make = undefined
      for (const [k, v] of make()) super.set(k, v)
    }
    return this
  }

  override get(k: K) {
    return this.#made() && super.get(k)
  }
  override set(k: K, v: V) {
    this.#made()
    return super.set(k, v)
  }
  override has(k: K) {
    return this.#made() && super.has(k)
  }
  override delete(k: K) {
    return this.#made() && super.delete(k)
  }
  override clear() {
    this.#make = undefined
    super.clear()
  }
  override get size() {
    return this.#made() && super.size
  }
  override forEach(each: (value: V, key: K, map: Map<K, V>) => void, self?: unknown) {
    this.#made()
    super.forEach(each, self)
  }
  override keys() {
    return this.#made() && super.keys()
  }
  override values() {
    return this.#made() && super.values()
  }
  override entries() {
    return this.#made() && super.entries()
  }
  override [Symbol.iterator]() {
    return this.#made() && super[Symbol.iterator]()
  }
}
