/** Nothing in src/ or intents/ names a person, organisation, place or phrase of the benchmark articles. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = process.env.BENCHMARKS_DIR ?? '../shared/benchmarks'

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : []
  })
}

const read = (paths: string[]) => paths.map((p) => readFileSync(p, 'utf8')).join('\n')

// capitalised words that name nothing in particular: months, days, languages and scripts, company and name
// suffixes, the titles said before a name, kinds of event or state, and the JavaScript globals code is written with
const ordinary = new Set(
  `English Latin January February March April May June July August September October November December Monday
  Tuesday Wednesday Thursday Friday Saturday Sunday Jr Ltd Inc Corp Mrs Miss Dame Lady Lord Queen King Prince
  Princess Baroness Baron Congress Republic Boolean Promise Number String Object Array Date Math Error JSON`.split(
    /\s+/,
  ),
)
// general knowledge the language files held before the benchmarks came: the seed article's own region
// (which it misspells "Hebe") and the country its figures are compared with
const exempt = new Set(['Hebei', 'Jin', 'United States'])

/** capitalised words (and runs of them) that the benchmark texts never write in lower case */
function benchmarkNames(text: string, known: string): string[] {
  const lower = new Set(text.match(/\b[a-z][a-z'-]+\b/g) ?? [])
  const knownWords = new Set(known.toLowerCase().match(/[a-z][a-z']+/g) ?? [])
  const names = new Set<string>()
  for (const m of text.matchAll(/\b[A-Z][a-z]{3,}(?:\s[A-Z][a-z]+)*\b/g)) {
    for (const word of m[0].split(' ')) {
      const w = word.toLowerCase()
      if (!lower.has(w) && !knownWords.has(w) && !ordinary.has(word) && !exempt.has(word))
        names.add(word)
    }
    if (m[0].includes(' ') && !known.includes(m[0]) && !exempt.has(m[0])) names.add(m[0])
  }
  return [...names]
}

describe.skipIf(!existsSync(join(root, 'news')))('benchmark names', () => {
  it('finds no name of a benchmark article in src/ or intents/ that corpus/ and the fixtures do not use', () => {
    const bench = read(files(root, /\.txt$/))
    const known = read([
      ...files('corpus', /\.(md|txt)$/),
      ...files('test/fixtures', /\.(md|txt|jsonl)$/),
    ])
    const names = benchmarkNames(bench, known)
    expect(names.length).toBeGreaterThan(500)
    // the Worker's generated pack is the corpus itself, not code
    const code = read([
      ...files('src', /\.(ts|json|yaml)$/).filter((f) => !f.includes('generated')),
      ...files('intents', /\.json$/),
    ])
    const leaked = names.filter((n) =>
      new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(code),
    )
    expect(leaked).toEqual([])
  })
})
