/** Inside the build thread: builds a knowledge pack for each request the main thread posts. */
import { parentPort } from 'node:worker_threads'
import { gzipSync } from 'node:zlib'
import { buildPack } from '../../../core/knowledge/pack'
import type { Language } from '../../../core/nlu/language'
import type { CorpusDocument } from '../../../core/types'

export interface BuildRequest {
  id: number
  documents: CorpusDocument[]
  language: Language
  /** only the gzip is wanted (a snapshot to store): the JSON text is not sent back */
  encodedOnly?: boolean
}

// the pack goes back as JSON text and as the gzip the store writes: parsing text on the main
// thread is far quicker than receiving the object graph, and the gzip is made here, off it
parentPort!.on('message', (request: BuildRequest) => {
  try {
    const json = JSON.stringify(buildPack(request.documents, request.language))
    const gzip = gzipSync(json, { level: 1 })
    parentPort!.postMessage(
      request.encodedOnly ? { id: request.id, gzip } : { id: request.id, json, gzip },
    )
  } catch (error) {
    const e = error as Error & { code?: string }
    parentPort!.postMessage({
      id: request.id,
      error: { name: e.name, message: e.message, code: e.code },
    })
  }
})
