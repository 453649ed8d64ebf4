/**
 * An article the answering code was never tuned on, dropped into a corpus folder beside the seed:
 * its counts, amounts, shares, growth and places are answered with no code change, nothing outside it
 * is claimed, and every quote is an exact slice of its text.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreReply } from '../../scripts/eval/match'
import { parseSet } from '../../scripts/eval/schema'
import { ask } from '../../src/core/conversation/ask'
import { nodeService } from '../../src/runtime/node/service'

// a fresh corpus folder: the shipped articles plus the new one, as a user would add it
const corpus = mkdtempSync(join(tmpdir(), 'citable-unseen-'))
for (const dir of ['corpus', 'test/fixtures/unseen'])
  for (const file of readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)))
    copyFileSync(join(dir, file), join(corpus, file))

const service = nodeService({ corpus })
const items = parseSet(
  readFileSync('test/fixtures/unseen/questions.jsonl', 'utf8'),
  'questions.jsonl',
)
// the kinds of question the facts serve; lists, people and free text are reported by `npm run eval -- --unseen`
const structured = new Set([
  'count',
  'amount',
  'share',
  'growth',
  'where',
  'out_of_scope',
  'conversation',
])

describe('an article the code has never seen', () => {
  it('is read into facts without code change', () => {
    const docId = readdirSync('test/fixtures/unseen')
      .find((f) => f.endsWith('.md'))!
      .replace(/\.md$/, '')
    expect(service.knowledge.documents.has(docId)).toBe(true)
    expect(service.knowledge.facts.filter((f) => f.docId === docId).length).toBeGreaterThan(5)
  })

  for (const item of items.filter((i) => structured.has(i.category))) {
    it(`answers ${item.id} (${item.category}): ${item.turns.join(' / ')}`, async () => {
      let sessionId: string | undefined
      for (const [turn, question] of item.turns.entries()) {
        const reply = await ask(service, { question, sessionId })
        sessionId = reply.sessionId
        expect(
          scoreReply(item.expect[turn]!, reply).failures,
          `${question} -> ${reply.answer}`,
        ).toEqual([])
        for (const c of reply.citations)
          expect(c.quote).toBe(service.knowledge.documents.get(c.docId)!.text.slice(c.start, c.end))
      }
    })
  }
})
