/** Reads one corpus file (`.md` with optional front matter, or `.txt` with the title first) into a document. */
import { parse as parseYaml } from 'yaml'
import { CitableError } from '../errors'
import type { CorpusDocument } from '../types'

const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

/** the docId is the file name without its extension, made URL-safe */
export function docIdFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|txt)$/i, '')
  return base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function unreadable(fileName: string, why: string): CitableError {
  return new CitableError('corpus_unreadable', `corpus/${fileName}: ${why}`, { file: fileName })
}

function metaString(value: unknown, key: string, fileName: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim()
  throw unreadable(fileName, `front matter "${key}" must be text`)
}

/** normalises line ends and strips a BOM and the blank lines around the article */
function cleanBody(body: string): string {
  return body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd()
}

export function parseCorpusFile(fileName: string, raw: string): CorpusDocument {
  const docId = docIdFromFileName(fileName)
  if (!docId) throw unreadable(fileName, 'the file name gives no document id')
  if (raw.includes('\u0000')) throw unreadable(fileName, 'it is not a text file')
  const source = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

  if (/\.md$/i.test(fileName)) {
    const match = frontMatter.exec(source)
    let meta: Record<string, unknown> = {}
    let body = source
    if (match) {
      try {
        meta = (parseYaml(match[1] ?? '') as Record<string, unknown> | null) ?? {}
      } catch (error) {
        throw unreadable(fileName, `bad front matter (${(error as Error).message.split('\n')[0]})`)
      }
      if (typeof meta !== 'object' || Array.isArray(meta))
        throw unreadable(fileName, 'front matter must be key: value lines')
      body = source.slice(match[0].length)
    }
    let text = cleanBody(body)
    let title = metaString(meta.title, 'title', fileName)
    if (!title) {
      // without a title in front matter, a leading "# Heading" is the title
      const heading = /^#\s+(.+)\n*/.exec(text)
      if (!heading)
        throw unreadable(fileName, 'no title: add "title:" front matter or a "# " heading')
      title = heading[1]!.trim()
      text = text.slice(heading[0].length)
    }
    if (!text.trim()) throw unreadable(fileName, 'the article is empty')
    return {
      docId,
      title,
      text,
      author: metaString(meta.author, 'author', fileName),
      published: metaString(meta.published, 'published', fileName),
      source: metaString(meta.source, 'source', fileName),
    }
  }

  if (/\.txt$/i.test(fileName)) {
    const body = cleanBody(source)
    const newline = body.indexOf('\n')
    const title = (newline < 0 ? body : body.slice(0, newline)).trim()
    const text = newline < 0 ? '' : cleanBody(body.slice(newline + 1))
    if (!title) throw unreadable(fileName, 'the file is empty')
    if (!text.trim()) throw unreadable(fileName, 'the article is empty (only a title line)')
    return { docId, title, text }
  }

  throw unreadable(fileName, 'only .md and .txt files are articles')
}
