/** The packed index's per-document maps behave as the plain Maps an eager load made, method by method. */
import { describe, expect, it } from 'vitest'
import { DenseFieldLengths, DenseIds, MapOnUse } from '../../src/core/knowledge/index-maps'

type Touch<V> = (m: Map<number, V>) => unknown

/** every Map method MiniSearch (and its toJSON) uses, and a change followed by a read */
function touches<V>(value: V): [string, Touch<V>][] {
  return [
    ['get', (m) => [m.get(0), m.get(2), m.get(3), m.get(-1), m.get(1.5)]],
    ['has', (m) => [m.has(0), m.has(2), m.has(3), m.has(-1)]],
    ['size', (m) => m.size],
    ['keys', (m) => [...m.keys()]],
    ['values', (m) => [...m.values()]],
    ['entries', (m) => [...m.entries()]],
    ['iteration', (m) => [...m]],
    [
      'forEach',
      (m) => {
        const seen: unknown[] = []
        m.forEach((v, k) => {
          seen.push([k, v])
        })
        return seen
      },
    ],
    ['set of a new key', (m) => [m.set(7, value).size, m.get(7), [...m.keys()]]],
    ['set of a key it has', (m) => [m.set(1, value).size, m.get(1), [...m]]],
    ['delete', (m) => [m.delete(1), m.delete(1), m.delete(9), m.size, m.has(1), [...m]]],
    ['delete then set', (m) => [m.delete(0), m.set(0, value).get(0), m.size, [...m.keys()].sort()]],
    ['clear', (m) => [m.clear(), m.size, [...m], m.get(0), m.set(4, value).size, [...m]]],
  ]
}

describe('DenseIds', () => {
  const ids = ['a#p0', 'a#p1', 'b#p0']
  const plain = () => new Map(ids.map((id, i) => [i, id as unknown]))
  it.each(touches<unknown>('c#p9'))('answers %s as a plain Map of its ids', (_, touch) => {
    const dense = new DenseIds([...ids])
    const map = plain()
    expect(touch(dense)).toEqual(touch(map))
    expect(new Map(dense)).toEqual(map)
  })
})

describe('DenseFieldLengths', () => {
  // three documents of two fields; the second has no second field (a hole in its row)
  const rows = () => new Uint32Array([4, 1, 8, 0, 3, 2])
  const plain = () => {
    const hole = new Array<number>(2)
    hole[0] = 7
    return new Map<number, number[]>([
      [0, [3, 0]],
      [1, hole],
      [2, [2, 1]],
    ])
  }
  it.each(touches([5, 6]))('answers %s as a plain Map of its rows', (_, touch) => {
    const dense = new DenseFieldLengths(rows(), 3, 2)
    const map = plain()
    expect(touch(dense)).toEqual(touch(map))
    expect(new Map(dense)).toEqual(map)
  })
  it('keeps the hole of a field a document did not have', () => {
    expect(1 in new DenseFieldLengths(rows(), 3, 2).get(1)!).toBe(false)
  })
})

describe('MapOnUse', () => {
  const entries = (): [number, unknown][] => [
    [0, 'x'],
    [1, 'y'],
    [2, 'z'],
  ]
  it.each(touches<unknown>('w'))('makes itself before %s, then behaves as a Map', (_, touch) => {
    let made = 0
    const lazy = new MapOnUse(() => {
      made++
      return entries()
    })
    const map = new Map(entries())
    expect(touch(lazy)).toEqual(touch(map))
    expect(new Map(lazy)).toEqual(map)
    expect(made).toBeLessThanOrEqual(1)
  })
})
