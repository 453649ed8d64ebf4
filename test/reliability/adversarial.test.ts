/**
 * Bounded time: inputs built to make regular expressions backtrack, at the maximum length, through
 * the whole answer path and the text functions under it. No timing assertions: each call must
 * simply finish within the test timeout; a super-linear regex makes it hang instead.
 */
import { describe, expect, it } from 'vitest'
import { parseCorpusFile } from '../../src/core/corpus/parse'
import { splitPassages, splitSentences } from '../../src/core/corpus/passages'
import { CitableError } from '../../src/core/errors'
import { buildPack } from '../../src/core/knowledge/pack'
import { cleanQuestion } from '../../src/core/nlu/normalize'
import { readLanguage } from '../../src/runtime/node/files'
import { json, testApp, testService } from '../http/helpers'
import { runs } from './inputs'

/** each run alone, between letters, and cut to exactly 1000 characters with a tail that fails a match */
const inputs: [string, string][] = runs.flatMap((run): [string, string][] => {
  const name = JSON.stringify(run.slice(0, 12))
  return [
    [`${name} alone`, run.slice(0, 1000)],
    [`${name} between letters`, `a${run.slice(0, 998)}a`],
    [`${name} then a stop`, `${run.slice(0, 999)}\u0000`],
  ]
})
// nested and unclosed tags, and entities that decode into tags
inputs.push(
  ['nested tags', '<b>'.repeat(333)],
  ['unclosed tags', '<a href="'.repeat(111)],
  ['entity tags', '&lt;script&gt;'.repeat(71)],
  ['tabs then a comma clause', `in the \t${'\t'.repeat(980)},in the x story`],
  ['dash between tab runs', `-${'\t'.repeat(498)}-${'\t'.repeat(498)}-`],
)

const { app } = testApp()

describe('adversarial input of maximum length', () => {
  it.each(inputs)('answers %s through POST and GET /api/answer', async (_name, question) => {
    const post = await app.request('/api/answer', json({ question }))
    expect([200, 400]).toContain(post.status)
    const get = await app.request(`/api/answer?${new URLSearchParams({ q: question })}`)
    expect(get.status).toBe(post.status)
  })

  it.each(inputs)('cleans %s as a question', (_name, question) => {
    const cleaned = cleanQuestion(question)
    expect(cleaned).toBe(cleaned.trim())
    expect(cleaned).not.toMatch(/\s{2}/)
  })

  it.each(inputs)('splits %s into sentences with exact offsets', (_name, text) => {
    for (const span of splitSentences(text, 0, text.length)) {
      expect(span.start).toBeLessThan(span.end)
      expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim())
    }
    expect(splitPassages({ docId: 'd', title: 't', text }).length).toBeGreaterThanOrEqual(0)
  })

  it.each(inputs)('reads %s as a corpus file, or refuses it by name', (_name, text) => {
    for (const [file, raw] of [
      ['a.md', `# Title\n\n${text}`],
      ['b.md', `---\ntitle: ${text}\n---\n${text}`],
      ['c.txt', `Title\n${text}`],
      ['d.md', text],
    ]) {
      try {
        const doc = parseCorpusFile(file!, raw!)
        expect(doc.text.length).toBeGreaterThan(0)
      } catch (error) {
        expect(error).toBeInstanceOf(CitableError)
      }
    }
  })

  it('builds a knowledge pack from a corpus of every adversarial input', () => {
    const language = readLanguage('intents')
    const docs = inputs.map(([, text], i) => ({ docId: `d${i}`, title: `Doc ${i}`, text }))
    const pack = buildPack(docs, language)
    expect(pack.documents).toHaveLength(docs.length)
  })

  it('answers every adversarial input as a follow-up in one conversation', async () => {
    const service = testService()
    const first = await app.request(
      '/api/answer',
      json({ question: 'How many pilots did MOHURD run?' }),
    )
    const { sessionId } = await first.json()
    for (const [, question] of inputs) {
      const res = await app.request('/api/answer', json({ question, sessionId }))
      expect([200, 400]).toContain(res.status)
    }
    // the API keeps its sessions in its own namespace (src/http/sessions.ts)
    expect(await service.sessions.get(`api:${sessionId}`)).toBeDefined()
  })
})
