/** Suggestions never offer a question the session already asked, as typed or as understood. */
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { readCorpus } from '../../../src/runtime/node/files'
import { seedCorpus } from '../../corpora'
import { knowledgeOf } from '../helpers'

const knowledge = knowledgeOf(readCorpus(seedCorpus))

describe('suggested follow-ups', () => {
  it('leave out every question the session asked', () => {
    const first = answerQuestion('Who is Walter Fang?', { knowledge })
    const offered = first.answer.followUps ?? []
    expect(offered.length).toBeGreaterThan(0)
    // ask the first suggestion, then make sure neither question comes back
    const second = answerQuestion(offered[0]!, { knowledge, session: first.session })
    const third = answerQuestion('Who is Walter Fang?', { knowledge, session: second.session })
    const asked = ['Who is Walter Fang?', offered[0]!].map((q) => q.toLowerCase())
    for (const turn of [second, third])
      for (const q of turn.answer.followUps ?? []) expect(asked).not.toContain(q.toLowerCase())
  })

  it('keeps at most 20 questions in the session', () => {
    let session = answerQuestion('Who is Walter Fang?', { knowledge }).session
    for (let i = 0; i < 15; i++)
      session = answerQuestion(`Where did he speak ${i}?`, { knowledge, session }).session
    expect(session.asked!.length).toBeLessThanOrEqual(20)
  })
})
