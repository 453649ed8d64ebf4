/**
 * What a user keeps in corpus/: the bundled corpus loads, and a copy of it with one more article
 * serves the demo and document pages for every article and runs the labelled set with valid citations.
 * No other test reads corpus/.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSet } from '../../scripts/eval/run'
import { parseSet } from '../../scripts/eval/schema'
import { evalService } from '../../scripts/eval/service'
import { exampleQuestions } from '../../src/channels/examples'
import { escapeHtml } from '../../src/channels/widget/html'
import { ask } from '../../src/core/conversation/ask'
import { nodeService } from '../../src/runtime/node/service'
import { fixtureCorpus } from '../corpora'
import { testConfig, widgetApp } from '../widget/helpers'

const articles = (dir: string) =>
  readdirSync(dir).filter((f) => /\.(md|txt)$/i.test(f) && !f.startsWith('.'))

describe('the bundled corpus', () => {
  it('loads, whatever articles it holds', () => {
    const { knowledge } = nodeService()
    expect(knowledge.documents.size).toBe(articles('corpus').length)
    for (const doc of knowledge.documents.values())
      expect(
        knowledge.passages.some((p) => p.docId === doc.docId),
        doc.docId,
      ).toBe(true)
  })
})

describe('the bundled corpus with one more article', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'citable-added-'))
  for (const file of articles('corpus')) copyFileSync(join('corpus', file), join(corpus, file))
  copyFileSync(
    'test/fixtures/unseen/riverside-virtual-wards.md',
    join(corpus, 'riverside-virtual-wards.md'),
  )
  const service = nodeService({ corpus })
  const app = widgetApp(service, testConfig())
  const { knowledge } = service

  it('lists every article on the demo page and asks about the new one', async () => {
    const page = await (await app.request('/')).text()
    expect(page).toContain(`This demo answers from ${knowledge.documents.size} articles:`)
    for (const doc of knowledge.documents.values())
      expect(page).toContain(
        `<a href="/documents/${encodeURIComponent(doc.docId)}">${escapeHtml(doc.title)}</a>`,
      )
    const examples = exampleQuestions(knowledge)
    expect(examples.map((e) => e.docId)).toContain('riverside-virtual-wards')
    for (const e of examples) expect(page).toContain(`data-question="${escapeHtml(e.question)}"`)
  })

  it('serves every article with a fact of it marked', async () => {
    for (const doc of knowledge.documents.values()) {
      const fact = knowledge.facts.find((f) => f.docId === doc.docId)!
      const res = await app.request(
        `/documents/${encodeURIComponent(doc.docId)}?start=${fact.span.start}&end=${fact.span.end}`,
      )
      expect(res.status, doc.docId).toBe(200)
      const quote = escapeHtml(doc.text.slice(fact.span.start, fact.span.end))
      expect(await res.text()).toContain(`<mark id="quote">${quote}</mark>`)
    }
  })

  it('runs the labelled set with only valid citations', async () => {
    const items = parseSet(readFileSync('test/eval/questions.jsonl', 'utf8'), 'questions.jsonl')
    const evaluated = evalService([corpus, fixtureCorpus])
    const documents = evaluated.knowledge.documents
    expect(documents.has('riverside-virtual-wards')).toBe(true)
    const results = await runSet(items, (request) => ask(evaluated, request), { documents })
    expect(results).toHaveLength(items.length)
    const bad = results.flatMap((r) =>
      r.turns.flatMap((t) => t.badCitations.map((b) => `${r.item.id}: ${b.problem}`)),
    )
    expect(bad).toEqual([])
  })
})
