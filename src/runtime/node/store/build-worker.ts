/** Inside the build thread: builds a knowledge pack for each request the main thread posts. */
import { parentPort } from 'node:worker_threads'
import { buildPack } from '../../../core/knowledge/pack'
import type { Language } from '../../../core/nlu/language'
import type { CorpusDocument } from '../../../core/types'

export interface BuildRequest {
  id: number
  documents: CorpusDocument[]
  language: Language
}

parentPort!.on('message', (request: BuildRequest) => {
  try {
    parentPort!.postMessage({
      id: request.id,
      pack: buildPack(request.documents, request.language),
    })
  } catch (error) {
    const e = error as Error & { code?: string }
    parentPort!.postMessage({
      id: request.id,
      error: { name: e.name, message: e.message, code: e.code },
    })
  }
})
