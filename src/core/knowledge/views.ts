/**
 * One MiniSearch index seen by several knowledges. Adding an article changes the index in place
 * (copying it would cost what rebuilding it costs), so each knowledge searches it through a view
 * that returns only its own passages and sentences: one held across a change still answers from
 * the articles it had.
 */
import type MiniSearch from 'minisearch'
import type { SearchOptions, SearchResult } from 'minisearch'

// biome-ignore lint/suspicious/noExplicitAny: a view serves any document type
type Index = MiniSearch<any>

const roots = new WeakMap<Index, Index>()
const keeps = new WeakMap<Index, (id: unknown) => boolean>()

/** the index a view looks into (the index itself when it is none) */
export function rootIndex<T extends Index>(index: T): T {
  return (roots.get(index) as T | undefined) ?? index
}

/** which results a view admits (undefined for an index that is no view) */
export function viewKeep(index: Index): ((id: unknown) => boolean) | undefined {
  return keeps.get(index)
}

/** the index, searched for results `keep` admits only; every other method is the index's own */
export function ownView<T extends Index>(index: T, keep: (id: unknown) => boolean): T {
  const root = rootIndex(index)
  const view = Object.create(root) as T
  roots.set(view, root)
  keeps.set(view, keep)
  const admit = (r: SearchResult) => keep(r.id)
  view.search = ((query: Parameters<T['search']>[0], options: SearchOptions = {}) => {
    const own = options.filter
    return root.search(query, {
      ...options,
      filter: own ? (r: SearchResult) => admit(r) && own(r) : admit,
    })
  }) as T['search']
  return view
}
