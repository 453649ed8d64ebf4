/** Shared fixtures for the core tests: the real language from intents/, and knowledge built from given documents. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { CitableError } from '../../src/core/errors'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import type { Knowledge } from '../../src/core/knowledge/types'
import { type Language, type LanguageFile, loadLanguage } from '../../src/core/nlu/language'
import type { CorpusDocument } from '../../src/core/types'

/** the intent files exactly as the server reads them */
export function intentFiles(dir = 'intents'): LanguageFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }))
}

export function realLanguage(): Language {
  return loadLanguage(intentFiles())
}

export function knowledgeOf(documents: CorpusDocument[], language = realLanguage()): Knowledge {
  return loadPack(buildPack(documents, language))
}

/** the error a call throws, so that code, message and file can all be asserted */
export function thrown(run: () => unknown): CitableError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CitableError)
    return error as CitableError
  }
  throw new Error('expected the call to throw')
}
