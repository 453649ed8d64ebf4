/** An article sent to the documents API or the admin form: markdown with front matter, or JSON fields. */
import { z } from 'zod'
import { docIdFromFileName, parseCorpusFile } from '../core/corpus/parse'
import { CitableError } from '../core/errors'
import type { CorpusDocument } from '../core/types'
import { HttpError } from './errors'

/** the form corpus file names give: lower-case letters, digits, - and _ */
export function checkDocId(docId: string): string {
  if (docId.length > 128 || docIdFromFileName(`${docId}.md`) !== docId || !docId)
    throw new HttpError(
      'invalid_document',
      'docId must be 1 to 128 lower-case letters, digits, "-" or "_", not starting or ending with "-"',
    )
  return docId
}

const line = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .max(max, `${name} must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), `${name} must be one line`)

const jsonArticle = z.object({
  title: line('title', 500).pipe(z.string().min(1, 'title must not be empty')),
  text: z.string({ error: 'text must be a string' }),
  author: line('author', 200).optional(),
  published: line('published', 50).optional(),
  source: line('source', 2000).optional(),
})

/** corpus messages name a file ("corpus/x.md: no title ..."); here there is only the article */
function invalid(error: unknown): never {
  if (error instanceof CitableError)
    throw new HttpError(
      'invalid_document',
      `the article: ${error.message.replace(/^corpus\/[^:]*: /, '')}`,
    )
  throw error
}

export function articleFromMarkdown(docId: string, markdown: string): CorpusDocument {
  try {
    return parseCorpusFile(`${checkDocId(docId)}.md`, markdown)
  } catch (error) {
    return invalid(error)
  }
}

export function articleFromJson(docId: string, body: unknown): CorpusDocument {
  checkDocId(docId)
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(
      'invalid_document',
      'the body must be a JSON object with "title" and "text"',
    )
  const parsed = jsonArticle.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = String(issue.path[0] ?? 'body')
    const missing =
      issue.code === 'invalid_type' && (body as Record<string, unknown>)[field] === undefined
    throw new HttpError('invalid_document', missing ? `${field} is required` : issue.message)
  }
  const { title, text, ...meta } = parsed.data
  let doc: CorpusDocument
  try {
    // the .txt reading: the title on the first line, the text cleaned the same way as a file's
    doc = parseCorpusFile(`${docId}.txt`, `${title}\n${text}`)
  } catch (error) {
    return invalid(error)
  }
  for (const key of ['author', 'published', 'source'] as const) if (meta[key]) doc[key] = meta[key]
  return doc
}

/** by Content-Type: JSON, or markdown (text/markdown, text/plain) */
export async function readArticle(docId: string, request: Request): Promise<CorpusDocument> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/json') {
    let body: unknown
    try {
      body = await request.json()
    } catch {
      throw new HttpError('invalid_json', 'the body is not valid JSON')
    }
    return articleFromJson(docId, body)
  }
  if (type === 'text/markdown' || type === 'text/plain')
    return articleFromMarkdown(docId, await request.text())
  throw new HttpError(
    'unsupported_media_type',
    'send the article as text/markdown (front matter, then the article) or application/json {title, text, author?, published?, source?}',
  )
}
