/** The demo page's example questions: made from each article's facts, answered from that article, across kinds. */
import { describe, expect, it } from 'vitest'
import { exampleQuestions } from '../../src/channels/examples'
import { answerQuestion } from '../../src/core/conversation/turn'
import { nodeService } from '../../src/runtime/node/service'
import { fixtureCorpus, seedCorpus } from '../corpora'
import { hostileService, realService } from './helpers'

const several = nodeService({ corpus: [seedCorpus, fixtureCorpus] })

describe('exampleQuestions', () => {
  it('Should ask two questions of one article, a figure first', () => {
    const examples = exampleQuestions(realService().knowledge)
    expect(examples).toEqual([
      {
        question:
          'How many smart city pilots does the Ministry of Housing and Urban-Rural Development have?',
        docId: 'china-smart-cities',
        kind: 'count',
      },
      {
        question: 'How much did the number of cities grow?',
        docId: 'china-smart-cities',
        kind: 'growth',
      },
    ])
  })

  it('Should ask two of every article, each answered from its own article, of different kinds', () => {
    const { knowledge } = several
    const examples = exampleQuestions(knowledge)
    expect(examples.map((e) => e.docId)).toEqual(
      [...knowledge.documents.keys()].flatMap((docId) => [docId, docId]),
    )
    for (const e of examples) {
      const { answer } = answerQuestion(e.question, { knowledge, suggest: false })
      expect(answer.abstained, e.question).toBe(false)
      expect(
        answer.citations.map((c) => c.docId),
        e.question,
      ).toContain(e.docId)
    }
    // no kind twice before every kind the articles offer was shown once
    expect(new Set(examples.map((e) => e.kind)).size).toBeGreaterThanOrEqual(6)
  })

  it('Should ask one of each article when two would pass the limit', () => {
    const examples = exampleQuestions(several.knowledge, { limit: 4 })
    expect(examples.map((e) => e.docId)).toEqual([...several.knowledge.documents.keys()])
  })

  it('Should be computed once per knowledge and anew for new knowledge', () => {
    const first = exampleQuestions(several.knowledge)
    expect(exampleQuestions(several.knowledge)).toBe(first)
    const again = nodeService({ corpus: [seedCorpus, fixtureCorpus] })
    expect(exampleQuestions(again.knowledge)).not.toBe(first)
    expect(exampleQuestions(again.knowledge)).toEqual(first)
  })

  it('Should offer nothing for an article with no fact it can ask about', () => {
    expect(exampleQuestions(hostileService().knowledge)).toEqual([])
  })
})
