/** One table of error codes; thrown only for broken input (corpus, intents, config), never for "no answer". */

export const errorCodes = {
  corpus_unreadable: 'a corpus file cannot be read as an article',
  corpus_empty: 'the corpus holds no article',
  intents_invalid: 'an intent definition file is invalid',
  config_invalid: 'a configuration value is invalid',
  pack_invalid: 'the knowledge pack cannot be loaded',
} as const

export type ErrorCode = keyof typeof errorCodes

export class CitableError extends Error {
  readonly code: ErrorCode
  /** the file or variable at fault, where there is one */
  readonly file?: string
  /** the path of the problem inside it, e.g. ["entities", 3, "aliases"] */
  readonly path?: (string | number)[]

  constructor(
    code: ErrorCode,
    message: string,
    details: { file?: string; path?: (string | number)[] } = {},
  ) {
    super(message)
    this.name = 'CitableError'
    this.code = code
    this.file = details.file
    this.path = details.path
  }
}
