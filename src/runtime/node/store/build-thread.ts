/** Builds knowledge packs on a worker thread, so answering goes on while an article is being indexed. */
import { Worker } from 'node:worker_threads'
import { CitableError, type ErrorCode } from '../../../core/errors'
import type { KnowledgePack } from '../../../core/knowledge/types'
import type { Language } from '../../../core/nlu/language'
import type { CorpusDocument } from '../../../core/types'
import type { BuildPack } from '../../../store/living'
import { rememberEncoded } from './encoded'

// kept apart from `new Worker(...)`, which bundlers (vite, so vitest) would otherwise rewrite
const entry = new URL('./thread-entry.mjs', import.meta.url)

interface Reply {
  id: number
  json?: string
  /** the snapshot as the store writes it */
  gzip?: Uint8Array
  error?: { name: string; message: string; code?: string }
}

export interface BuildThread {
  build: BuildPack
  /**
   * builds a pack only to store it: what resolves stands for the pack's stored form (./encoded.ts) and
   * holds nothing else, so the main thread never parses a pack it does not answer from
   */
  snapshot: BuildPack
  /** ends the thread; a later build starts a new one */
  close(): Promise<void>
}

/** one thread, started on the first build and kept for the next; it never keeps the process alive */
export function buildThread(): BuildThread {
  let worker: Worker | undefined
  let nextId = 0
  const waiting = new Map<
    number,
    { done: (pack: KnowledgePack) => void; fail: (error: Error) => void }
  >()

  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.fail(error)
    waiting.clear()
    worker = undefined
  }

  function thread(): Worker {
    if (worker) return worker
    const started = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: 64 } })
    started.unref()
    started.on('message', (reply: Reply) => {
      const w = waiting.get(reply.id)
      if (!w) return
      waiting.delete(reply.id)
      if (reply.json !== undefined) {
        const pack = JSON.parse(reply.json) as KnowledgePack
        if (reply.gzip) rememberEncoded(pack, reply.gzip)
        return w.done(pack)
      }
      if (reply.gzip) {
        const stands = {} as KnowledgePack
        rememberEncoded(stands, reply.gzip)
        return w.done(stands)
      }
      const e = reply.error ?? { name: 'Error', message: 'the build thread gave no pack' }
      // the core's own refusals keep their code, so the HTTP layer maps them as usual
      w.fail(
        e.name === 'CitableError'
          ? new CitableError(e.code as ErrorCode, e.message)
          : new Error(e.message),
      )
    })
    started.on('error', failAll)
    started.on('exit', (code) => failAll(new Error(`the build thread stopped (exit ${code})`)))
    worker = started
    return started
  }

  const request = (documents: CorpusDocument[], language: Language, encodedOnly: boolean) =>
    new Promise<KnowledgePack>((done, fail) => {
      const id = nextId++
      waiting.set(id, { done, fail })
      thread().postMessage({ id, documents, language, encodedOnly })
    })
  return {
    build: (documents, language) => request(documents, language, false),
    snapshot: (documents, language) => request(documents, language, true),
    async close() {
      const w = worker
      worker = undefined
      await w?.terminate()
    },
  }
}
