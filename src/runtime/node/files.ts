/** Reads corpus/ and intents/ from disk into the knowledge pack; errors name the files where they really are. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCorpusFile } from '../../core/corpus/parse'
import { CitableError } from '../../core/errors'
import { buildPack } from '../../core/knowledge/pack'
import type { KnowledgePack } from '../../core/knowledge/types'
import { loadLanguage } from '../../core/nlu/language'
import type { CorpusDocument } from '../../core/types'

function list(
  dir: string,
  pattern: RegExp,
  code: 'corpus_unreadable' | 'intents_invalid',
): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => pattern.test(f) && !f.startsWith('.'))
      .sort()
  } catch (error) {
    throw new CitableError(
      code,
      `${dir}: cannot read the folder (${(error as NodeJS.ErrnoException).code})`,
      { file: dir },
    )
  }
}

/**
 * The core names files as `corpus/<name>` and `intents/<name>`, not knowing where they were
 * read from: this puts the folder they came from in its place (CORPUS_DIR, INTENTS_DIR).
 */
function located<T>(prefix: string, dir: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (!(error instanceof CitableError) || !error.message.startsWith(prefix)) throw error
    const message = join(dir, error.message.slice(prefix.length))
    throw new CitableError(error.code, message, { file: error.file, path: error.path })
  }
}

export function readCorpus(dirs: string | string[]): CorpusDocument[] {
  const folders = [dirs].flat()
  const documents = folders.flatMap((dir) =>
    list(dir, /\.(md|txt)$/i, 'corpus_unreadable').map((name) => {
      let raw: string
      try {
        raw = readFileSync(join(dir, name), 'utf8')
      } catch (error) {
        throw new CitableError(
          'corpus_unreadable',
          `${join(dir, name)}: cannot be read (${(error as NodeJS.ErrnoException).code})`,
          { file: name },
        )
      }
      return located('corpus/', dir, () => parseCorpusFile(name, raw))
    }),
  )
  if (documents.length === 0)
    throw new CitableError(
      'corpus_empty',
      `${folders.map((d) => join(d, '/')).join(', ')}: no .md or .txt article found`,
    )
  return documents
}

export function readLanguage(dir: string) {
  return located('intents/', dir, () =>
    loadLanguage(
      list(dir, /\.json$/i, 'intents_invalid').map((name) => ({
        name,
        content: readFileSync(join(dir, name), 'utf8'),
      })),
    ),
  )
}

export interface PackPaths {
  /** one or more corpus folders; defaults to ./corpus */
  corpus?: string | string[]
  /** defaults to ./intents */
  intents?: string
}

export function buildPackFromDisk(paths: PackPaths = {}): KnowledgePack {
  return buildPack(readCorpus(paths.corpus ?? 'corpus'), readLanguage(paths.intents ?? 'intents'))
}
