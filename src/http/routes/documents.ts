/** The articles: read one (anyone), list, add or replace, and remove them (the owner's token). */
import { Hono } from 'hono'
import { CitableError } from '../../core/errors'
import type { Knowledge } from '../../core/knowledge/types'
import { StoreError } from '../../store/errors'
import type { LivingCorpus } from '../../store/living'
import { requireAdmin } from '../admin-auth'
import { checkDocId, readArticle } from '../article-input'
import type { AppDeps, AppEnv } from '../deps'
import { HttpError } from '../errors'

/** passages and facts per document of the knowledge being answered from */
export function countsByDocument(
  knowledge: Knowledge,
): Map<string, { passages: number; facts: number }> {
  const out = new Map<string, { passages: number; facts: number }>()
  const of = (docId: string) => {
    const c = out.get(docId) ?? { passages: 0, facts: 0 }
    out.set(docId, c)
    return c
  }
  for (const p of knowledge.passages) of(p.docId).passages++
  for (const f of knowledge.facts) of(f.docId).facts++
  return out
}

export function livingCorpus(deps: AppDeps): LivingCorpus {
  if (!deps.corpus)
    throw new HttpError(
      'not_configured',
      'articles cannot be changed here: this service answers from the pack it was deployed with',
    )
  return deps.corpus
}

/** a change the corpus refused, as the caller's 4xx */
export function changeRefused(error: unknown): never {
  if (error instanceof CitableError && error.code === 'corpus_empty')
    throw new HttpError('conflict', error.message)
  if (error instanceof StoreError && error.code === 'store_conflict')
    throw new HttpError('conflict', error.message)
  throw error
}

export function documentRoutes(deps: AppDeps) {
  const documents = new Hono<AppEnv>()
  const admin = requireAdmin(deps)

  // GET /api/documents/:docId, open to anyone, stays in ./api.ts
  documents.get('/api/documents', admin, (c) => {
    const knowledge = deps.service.knowledge
    const counts = countsByDocument(knowledge)
    return c.json({
      documents: [...knowledge.documents.values()].map(({ docId, title, published }) => ({
        docId,
        title,
        published,
        ...(counts.get(docId) ?? { passages: 0, facts: 0 }),
      })),
    })
  })

  documents.put('/api/documents/:docId', admin, async (c) => {
    const corpus = livingCorpus(deps)
    const doc = await readArticle(c.req.param('docId'), c.req.raw)
    const result = await corpus.put(doc).catch(changeRefused)
    const counts = countsByDocument(deps.service.knowledge).get(doc.docId) ?? {
      passages: 0,
      facts: 0,
    }
    return c.json(
      {
        docId: doc.docId,
        title: doc.title,
        created: result.changed,
        revision: result.revision,
        ...counts,
      },
      result.changed ? 201 : 200,
    )
  })

  documents.delete('/api/documents/:docId', admin, async (c) => {
    const corpus = livingCorpus(deps)
    const docId = checkDocId(c.req.param('docId'))
    if (!corpus.documents().some((d) => d.docId === docId))
      throw new HttpError('not_found', `no document "${docId}"`)
    const result = await corpus.remove(docId).catch(changeRefused)
    return c.json({ docId, removed: true, revision: result.revision })
  })

  return documents
}
