import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { numberStated, statedNumbers } from '../../scripts/eval/numbers'
import { type EvalItem, parseSet } from '../../scripts/eval/schema'
import { normaliseText } from '../../scripts/eval/words'
import { readCorpus } from '../../src/runtime/node/files'
import { fixtureCorpus, seedCorpus } from '../corpora'

const seed = 'china-smart-cities'
const fixtures = ['kestrel-bay-port', 'northmark-renewables', 'chargeworld-expo']
const lookups = new Set(['count', 'amount', 'share', 'year', 'who', 'where'])

function load(file: string): EvalItem[] {
  return parseSet(readFileSync(file, 'utf8'), file)
}

/** typos in the set show up as phrases or figures that no article states */
function checkAgainst(items: EvalItem[], texts: Map<string, string>) {
  const unknownDocs: string[] = []
  const unquotable: string[] = []
  const unstated: string[] = []
  for (const item of items) {
    for (const doc of item.docs ?? []) if (!texts.has(doc)) unknownDocs.push(`${item.id}: ${doc}`)
    const where = item.docs?.length ? item.docs : [...texts.keys()]
    const pool = where.map((d) => normaliseText(texts.get(d) ?? ''))
    item.expect.forEach((e, turn) => {
      if (e.cites && !pool.some((t) => t.includes(normaliseText(e.cites!))))
        unquotable.push(`${item.id} turn ${turn + 1}: "${e.cites}"`)
    })
    // a looked-up figure must be one the article writes
    if (lookups.has(item.category) && item.docs?.length === 1 && item.expect[0]!.answer) {
      const inDoc = statedNumbers(normaliseText(texts.get(item.docs[0]!) ?? ''))
      for (const n of statedNumbers(normaliseText(item.expect[0]!.answer)))
        if (!numberStated(n, inDoc)) unstated.push(`${item.id}: ${n.value}`)
    }
  }
  return { unknownDocs, unquotable, unstated }
}

describe('the labelled set', () => {
  const items = load('test/eval/questions.jsonl')
  const docs = readCorpus([seedCorpus, fixtureCorpus])
  const texts = new Map(docs.map((d) => [d.docId, d.text]))
  const single = items.filter((i) => i.turns.length === 1)
  const about = (doc: string) => single.filter((i) => i.docs?.length === 1 && i.docs[0] === doc)

  it('is valid and covers the seed, every fixture and every category', () => {
    expect([...texts.keys()].sort()).toEqual([seed, ...fixtures].sort())
    expect(single.length).toBeGreaterThanOrEqual(160)
    expect(about(seed).length).toBeGreaterThanOrEqual(60)
    for (const doc of fixtures) expect(about(doc).length, doc).toBeGreaterThanOrEqual(25)
    expect(items.filter((i) => i.category === 'out_of_scope').length).toBeGreaterThanOrEqual(25)
    expect(items.filter((i) => i.category === 'conversation').length).toBeGreaterThanOrEqual(32)
    const used = new Set(items.map((i) => i.category))
    expect(used.size).toBe(18)
  })

  it('holds every shared example as ex-1 to ex-17', () => {
    const ids = new Set(items.map((i) => i.id))
    for (let n = 1; n <= 17; n++) expect(ids.has(`ex-${n}`), `ex-${n}`).toBe(true)
  })

  it('cites only phrases and looks up only figures its articles state', () => {
    expect(checkAgainst(items, texts)).toEqual({ unknownDocs: [], unquotable: [], unstated: [] })
  })

  it('finds a phrase with a typo', () => {
    const typo: EvalItem = {
      id: 't',
      category: 'count',
      docs: [seed],
      turns: ['q'],
      expect: [{ answer: '287', cites: '286 smart city pilot of' }],
    }
    expect(checkAgainst([typo], texts)).toEqual({
      unknownDocs: [],
      unquotable: ['t turn 1: "286 smart city pilot of"'],
      unstated: ['t: 287'],
    })
  })
})

describe('the unseen article set', () => {
  const items = load('test/fixtures/unseen/questions.jsonl')
  const texts = new Map(readCorpus('test/fixtures/unseen').map((d) => [d.docId, d.text]))

  it('has 15 to 20 questions about the unseen article, every phrase and figure in it', () => {
    expect(items.length).toBeGreaterThanOrEqual(15)
    expect(items.length).toBeLessThanOrEqual(20)
    expect(checkAgainst(items, texts)).toEqual({ unknownDocs: [], unquotable: [], unstated: [] })
  })
})
