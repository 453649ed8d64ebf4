/** buildPack/loadPack: a pack is plain JSON that answers the same after a round trip; bad corpora are refused. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { buildPack, loadPack, packVersion } from '../../../src/core/knowledge/pack'
import type { KnowledgePack } from '../../../src/core/knowledge/types'
import type { CorpusDocument } from '../../../src/core/types'
import { realLanguage, thrown } from '../helpers'

const docs: CorpusDocument[] = [
  {
    docId: 'ferries',
    title: 'Harbour ferries win back commuters',
    text: 'The Harbour Ferry Company operated 42 ferries in 2023.\n\nFares fell because fuel got cheaper.',
  },
  {
    docId: 'trams',
    title: 'Valmora trams',
    text: 'Valmora Transit Agency, headquartered in Porto Verde, ran 64 trams in 2023.',
  },
]
const language = realLanguage()

describe('buildPack and loadPack', () => {
  it('survive JSON.stringify/parse and answer the same questions the same way', () => {
    const pack = buildPack(docs, language)
    const copy = JSON.parse(JSON.stringify(pack)) as KnowledgePack
    expect(copy).toEqual(pack)
    const direct = loadPack(pack)
    const revived = loadPack(copy)
    for (const question of [
      'How many ferries did the Harbour Ferry Company operate in 2023?',
      'Where is Valmora Transit Agency headquartered?',
      'Why did fares fall?',
      'How many pilots did the Ministry of Education run?',
    ]) {
      const a = answerQuestion(question, { knowledge: direct }).answer
      const b = answerQuestion(question, { knowledge: revived }).answer
      expect(b).toEqual(a)
    }
    expect(
      answerQuestion('How many ferries did the Harbour Ferry Company operate in 2023?', {
        knowledge: revived,
      }).answer.value,
    ).toBe(42)
  })

  it('holds every document, its passages and facts whose spans lie inside their document', () => {
    const pack = buildPack(docs, language)
    expect(pack.version).toBe(packVersion)
    expect(pack.documents.map((d) => d.docId)).toEqual(['ferries', 'trams'])
    expect(pack.facts.length).toBeGreaterThan(0)
    for (const fact of pack.facts) {
      const text = docs.find((d) => d.docId === fact.docId)!.text
      expect(fact.span.end).toBeLessThanOrEqual(text.length)
      expect(text.slice(fact.span.start, fact.span.end).trim()).not.toBe('')
    }
  })

  it('refuses two documents with the same docId', () => {
    const error = thrown(() => buildPack([docs[0]!, { ...docs[1]!, docId: 'ferries' }], language))
    expect(error.code).toBe('corpus_unreadable')
    expect(error.message).toBe('corpus: two files give the docId "ferries"')
  })

  it('refuses an empty corpus', () => {
    const error = thrown(() => buildPack([], language))
    expect(error.code).toBe('corpus_empty')
    expect(error.message).toBe('corpus/: no .md or .txt article found')
  })

  it('refuses a pack of another version', () => {
    const pack = { ...buildPack(docs, language), version: packVersion + 1 }
    const error = thrown(() => loadPack(pack))
    expect(error.code).toBe('pack_invalid')
    expect(error.message).toBe(
      `knowledge pack version ${packVersion + 1}, expected ${packVersion}: rebuild it`,
    )
  })
})
