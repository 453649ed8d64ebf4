/** Reads corpus/ and intents/ from disk into the knowledge pack. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCorpusFile } from '../../core/corpus/parse'
import { CitableError } from '../../core/errors'
import { buildPack, type KnowledgePack } from '../../core/knowledge/pack'
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
      {
        file: dir,
      },
    )
  }
}

export function readCorpus(dirs: string | string[]): CorpusDocument[] {
  return [dirs].flat().flatMap((dir) =>
    list(dir, /\.(md|txt)$/i, 'corpus_unreadable').map((name) => {
      let raw: string
      try {
        raw = readFileSync(join(dir, name), 'utf8')
      } catch (error) {
        throw new CitableError(
          'corpus_unreadable',
          `corpus/${name}: cannot be read (${(error as NodeJS.ErrnoException).code})`,
          {
            file: name,
          },
        )
      }
      return parseCorpusFile(name, raw)
    }),
  )
}

export function readLanguage(dir: string) {
  return loadLanguage(
    list(dir, /\.json$/i, 'intents_invalid').map((name) => ({
      name,
      content: readFileSync(join(dir, name), 'utf8'),
    })),
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
