/**
 * A read-only map made of an older map and the changes to it, so that a knowledge with one
 * article more need not copy a table of 170,000 passages (copying it costs ~50 ms). Lookups walk
 * the layers; past a few layers the map is flattened again.
 */

/** layers before a map is copied flat: a copy of 170,000 entries costs ~50 ms, a layer a lookup */
const maxDepth = 16

export class LayeredMap<K, V> extends Map<K, V> {
  readonly #base: ReadonlyMap<K, V>
  readonly #gone: ReadonlySet<K>
  /** the layer's own entries and hidden keys, for flattening */
  get layer(): { base: ReadonlyMap<K, V>; own: Map<K, V>; gone: ReadonlySet<K> } {
    return { base: this.#base, own: new Map(super.entries()), gone: this.#gone }
  }
  readonly depth: number
  #size: number

  /** `own` entries win over `base`'s; `gone` keys of `base` are not in this map */
  constructor(base: ReadonlyMap<K, V>, own: Iterable<[K, V]>, gone: Iterable<K>) {
    super()
    this.#base = base
    this.depth = (base instanceof LayeredMap ? base.depth : 0) + 1
    for (const [k, v] of own) super.set(k, v)
    this.#gone = new Set([...gone].filter((k) => !super.has(k) && base.has(k)))
    let size = base.size - this.#gone.size
    for (const k of super.keys()) if (!base.has(k)) size++
    this.#size = size
  }

  override get(key: K): V | undefined {
    if (super.has(key)) return super.get(key)
    return this.#gone.has(key) ? undefined : this.#base.get(key)
  }

  override has(key: K): boolean {
    return super.has(key) || (!this.#gone.has(key) && this.#base.has(key))
  }

  override get size(): number {
    return this.#size
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.#base) if (!this.#gone.has(k) && !super.has(k)) yield [k, v]
    yield* super.entries()
  }

  override *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }

  override forEach(each: (value: V, key: K, map: Map<K, V>) => void, self?: unknown): void {
    for (const [k, v] of this.entries()) each.call(self, v, k, this)
  }

  override set(): this {
    throw new Error('a layered map is read-only')
  }

  override delete(): boolean {
    throw new Error('a layered map is read-only')
  }

  override clear(): void {
    throw new Error('a layered map is read-only')
  }
}

/** `base` with `own` set and `gone` removed: a new layer, or a flat copy once the layers are deep */
export function layered<K, V>(
  base: ReadonlyMap<K, V>,
  own: Iterable<[K, V]>,
  gone: Iterable<K>,
): Map<K, V> {
  const next = new LayeredMap(base, own, gone)
  return next.depth >= maxDepth ? flat(next) : next
}

/** one plain map: the bottom one copied (natively, the fast way), then each layer over it in order */
function flat<K, V>(map: LayeredMap<K, V>): Map<K, V> {
  const layers: { own: Map<K, V>; gone: ReadonlySet<K> }[] = []
  let bottom: ReadonlyMap<K, V> = map
  while (bottom instanceof LayeredMap) {
    const { base, own, gone } = (bottom as LayeredMap<K, V>).layer
    layers.unshift({ own, gone })
    bottom = base
  }
  const out = new Map(bottom as Map<K, V>)
  for (const { own, gone } of layers) {
    for (const k of gone) out.delete(k)
    for (const [k, v] of own) out.set(k, v)
  }
  return out
}
