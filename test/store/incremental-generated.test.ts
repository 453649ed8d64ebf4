/**
 * Incremental changes on generated articles, whose names repeat across articles (the hard case
 * for short forms: "Recife" alone, "Recife Tourism Bureau", "Recife Mobility Office"), against
 * fresh builds: the same passages, facts, df and proper words. The entities can differ in type
 * and aliases where a build's reading order decides them (the first article to name "Arequipa"
 * makes it a place or an org), and with them a few answers; the labelled sets answer alike
 * (./incremental.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/bench/corpus-gen'
import { createRng } from '../../scripts/bench/prng'
import { applyChanges, type KnowledgeChange } from '../../src/core/knowledge/incremental'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import type { CorpusDocument } from '../../src/core/types'
import { readLanguage } from '../../src/runtime/node/files'

const language = readLanguage('intents')
const corpus = generateCorpus(24)
const byId = (a: CorpusDocument, b: CorpusDocument) => (a.docId < b.docId ? -1 : 1)
const fresh = (docs: CorpusDocument[]) => loadPack(buildPack([...docs].sort(byId), language))

describe('applyChanges on generated articles', () => {
  it.each([15, 16, 17])(
    'reads the facts a fresh build reads after a run of additions and removals (seed %i)',
    async (seed) => {
      const rng = createRng(seed)
      const docs = corpus.docs
      let present = docs.slice(0, 12)
      let knowledge = fresh(present)
      for (let step = 0; step < 16; step++) {
        const absent = docs.filter((d) => !present.includes(d))
        const change: KnowledgeChange =
          rng.next() < 0.65 && absent.length
            ? { kind: 'put', document: rng.pick(absent) }
            : { kind: 'delete', docId: rng.pick(present).docId }
        present =
          change.kind === 'put'
            ? [...present, change.document]
            : present.filter((d) => d.docId !== change.docId)
        knowledge = applyChanges(knowledge, [change])
      }
      const built = fresh(present)
      expect([...knowledge.documents.keys()]).toEqual([...built.documents.keys()])
      expect(knowledge.passages).toEqual(built.passages)
      expect(knowledge.facts).toEqual(built.facts)
      expect(knowledge.df).toEqual(built.df)
      expect(knowledge.properWords).toEqual(built.properWords)
    },
  )
})
