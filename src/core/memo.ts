/** One helper for the caches the core keeps per knowledge pack: get the value, or make and keep it. */

interface Store<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

export function memo<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  const found = store.get(key)
  if (found !== undefined) return found
  const made = make()
  store.set(key, made)
  return made
}
