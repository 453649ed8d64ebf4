/** ask(): one conversation turn for any channel; follow-ups read the session, sessions stay apart. */
import { describe, expect, it } from 'vitest'
import { ask, type Service } from '../../../src/core/conversation/ask'
import { createMemoryStore } from '../../../src/core/conversation/memory-store'
import { nodeService } from '../../../src/runtime/node/service'
import { smallCorpus } from '../answer/small-corpus'
import { knowledgeOf } from '../helpers'

/** a service over the small corpus with predictable ids and a fixed clock */
function smallService(): Service {
  let n = 0
  return {
    knowledge: knowledgeOf(smallCorpus),
    sessions: createMemoryStore(),
    newId: () => `s${++n}`,
    now: () => 1_700_000_000_000,
  }
}

describe('ask: follow-ups on the real corpus', () => {
  const service = nodeService()

  it('reads "and the NDRC?" against the question before it', async () => {
    const first = await ask(service, { question: 'How many pilots did MOHURD run?' })
    expect(first.value).toBe(286)
    const second = await ask(service, { question: 'and the NDRC?', sessionId: first.sessionId })
    expect(second.sessionId).toBe(first.sessionId)
    expect(second.abstained).toBe(false)
    expect(second.value).toBe(80)
    expect(second.citations.some((c) => c.quote.includes('80 pilots'))).toBe(true)
  })

  it('keeps sessions apart: another session’s turn changes nothing in this one', async () => {
    await ask(service, { question: 'How many pilots did MOHURD run?', sessionId: 'iso-a' })
    await ask(service, { question: 'Where is iSoftStone based?', sessionId: 'iso-b' })
    const a = await ask(service, { question: 'and the NDRC?', sessionId: 'iso-a' })
    expect(a.value).toBe(80)
    const b = await ask(service, { question: 'and the NDRC?', sessionId: 'iso-b' })
    expect(b.value).not.toBe(80)
  })

  it('starts an unknown sessionId afresh: a follow-up has nothing to attach to', async () => {
    const turn = await ask(service, { question: 'and the NDRC?', sessionId: 'never-seen-before' })
    expect(turn.sessionId).toBe('never-seen-before')
    expect(turn.value).not.toBe(80)
    expect(turn.abstained).toBe(true)
  })
})

describe('ask: sessions and meta turns', () => {
  it('makes a new session id when none is given, and keeps a given one', async () => {
    const service = smallService()
    const first = await ask(service, { question: 'Who is Tomas Reyes?' })
    expect(first.sessionId).toBe('s1')
    expect(await service.sessions.get('s1')).toMatchObject({ turns: 1 })
    const again = await ask(service, { question: 'Who is Tomas Reyes?', sessionId: 's1' })
    expect(again.sessionId).toBe('s1')
    expect(await service.sessions.get('s1')).toMatchObject({ turns: 2 })
  })

  it('abstains on "why?" with no answer before it', async () => {
    const turn = await ask(smallService(), { question: 'why?', sessionId: 'empty' })
    expect(turn.abstained).toBe(true)
    expect(turn.citations).toEqual([])
  })

  it('answers "why?" after an answer with that answer’s source', async () => {
    const service = smallService()
    const first = await ask(service, {
      question: 'Where is the Valmora Transit Agency headquartered?',
    })
    expect(first.answer).toContain('Porto Verde')
    const why = await ask(service, { question: 'why?', sessionId: first.sessionId })
    expect(why.abstained).toBe(false)
    expect(why.citations.some((c) => c.quote.includes('headquartered in Porto Verde'))).toBe(true)
  })
})
