/** Inside the build thread: builds a knowledge pack for each request the main thread posts. */
import { parentPort } from 'node:worker_threads'
import { buildPackParts } from '../../../core/knowledge/pack'
import { snapshotChunks } from '../../../core/knowledge/snapshot'
import type { Language } from '../../../core/nlu/language'
import type { CorpusDocument } from '../../../core/types'
import { encodeChunks } from './encoded'

export interface BuildRequest {
  id: number
  documents: CorpusDocument[]
  language: Language
  /** only the stored form is wanted (a snapshot to store): the JSON text is not sent back */
  encodedOnly?: boolean
}

// the pack goes back as JSON text and as the snapshot the store writes (./encoded.ts): parsing
// text on the main thread is far quicker than receiving the object graph, and the snapshot's
// chunks are made here, off it, from the built indexes (not from their JSON)
parentPort!.on('message', (request: BuildRequest) => {
  try {
    const { parts, index, sentenceIndex } = buildPackParts(request.documents, request.language)
    const gzip = encodeChunks(
      snapshotChunks(parts, { index: index.toJSON(), sentenceIndex: sentenceIndex.toJSON() }),
    )
    if (request.encodedOnly) return parentPort!.postMessage({ id: request.id, gzip })
    const pack = {
      ...parts,
      index: JSON.stringify(index),
      sentenceIndex: JSON.stringify(sentenceIndex),
    }
    parentPort!.postMessage({ id: request.id, json: JSON.stringify(pack), gzip })
  } catch (error) {
    const e = error as Error & { code?: string }
    parentPort!.postMessage({
      id: request.id,
      error: { name: e.name, message: e.message, code: e.code },
    })
  }
})
