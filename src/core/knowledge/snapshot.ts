/**
 * The knowledge pack as the Node store keeps it: named chunks, not one JSON document. The
 * articles can be read without the rest (a start compares them with the store's first), each
 * chunk is decoded on its own (so a runtime may decompress them in parallel), the two MiniSearch
 * indexes are packed postings (./packed-index.ts) and the sentence table is varints. How chunks
 * are framed and compressed is the runtime's business (src/runtime/node/store/encoded.ts).
 */
import type { AsPlainObject } from 'minisearch'
import { CitableError } from '../errors'
import { loadIndex, type PassageIndex } from '../retrieve/index'
import { loadSentenceIndex, type SentenceIndex } from '../retrieve/sentence-index'
import type { CorpusDocument, Passage } from '../types'
import { knowledgeOf, loadPack, type PackParts, packVersion } from './pack'
import { emptyIndexJson, packIndex, unpackIndex } from './packed-index'
import { asciiJson, packRows, unpackRows } from './rows'
import type { Knowledge, KnowledgePack } from './types'
import { varints, Writer } from './varints'

/** 1: the first chunked format; 2: the rows' string lists as varints. A snapshot of another
 * format is rebuilt, never read */
export const snapshotFormat = 2

export const chunkNames = [
  'meta',
  'documents',
  'passages',
  'facts',
  'sentences',
  'sentenceTerms',
  'index',
  'sentenceIndex',
] as const

export type ChunkName = (typeof chunkNames)[number]
export type Chunks = Record<ChunkName, Uint8Array>

/** a stored snapshot's content, each part decoded only when asked for */
export interface SnapshotContent {
  /** the articles it was built from */
  documents(): Promise<CorpusDocument[]>
  /** the knowledge it holds, ready to answer from */
  load(): Promise<Knowledge>
}

type Meta = Omit<PackParts, 'documents' | 'passages' | 'facts' | 'sentences' | 'sentenceTerms'> & {
  format: number
}

const json = asciiJson
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const parse = <T>(bytes: Uint8Array) => JSON.parse(decode(bytes)) as T

/** each sentence as its passage (counted from the one before) and its span */
function packSentences(pack: PackParts): Uint8Array {
  const ordinal = new Map(pack.passages.map((p, i) => [p.id, i]))
  const out = new Writer()
  out.uint(pack.sentences.length)
  let last = 0
  for (const s of pack.sentences) {
    const at = ordinal.get(s.passageId)
    if (at === undefined || pack.passages[at]!.docId !== s.docId || at < last)
      throw new CitableError('pack_invalid', `sentence of ${s.passageId}: not in passage order`)
    out.uint(at - last)
    out.uint(s.start)
    out.uint(s.end - s.start)
    last = at
  }
  return out.done()
}

/** the sentence table read back: each sentence by its passage's ordinal, start and length */
export function unpackSentences(bytes: Uint8Array, passages: Passage[]): PackParts['sentences'] {
  const read = varints(bytes, 0)
  const out: PackParts['sentences'] = new Array(read())
  let at = 0
  for (let i = 0; i < out.length; i++) {
    at += read()
    const p = passages[at]!
    const start = read()
    out[i] = { docId: p.docId, passageId: p.id, start, end: start + read() }
  }
  return out
}

/** a built pack as chunks; `indexes` spares parsing the indexes' JSON when the builder has them */
export function snapshotChunks(
  pack: PackParts,
  indexes: { index: AsPlainObject; sentenceIndex: AsPlainObject },
): Chunks {
  const { documents, passages, facts, sentences, sentenceTerms, ...rest } = pack
  const meta: Meta = { ...rest, format: snapshotFormat }
  return {
    meta: json(meta),
    documents: json(documents),
    passages: packRows(passages),
    facts: packRows(facts),
    sentences: packSentences(pack),
    sentenceTerms: json(sentenceTerms),
    index: packIndex(indexes.index),
    sentenceIndex: packIndex(indexes.sentenceIndex),
  }
}

/** a pack in its JSON form as chunks */
export function packChunks(pack: KnowledgePack): Chunks {
  const { index, sentenceIndex, ...parts } = pack
  return snapshotChunks(parts, {
    index: JSON.parse(index) as AsPlainObject,
    sentenceIndex: JSON.parse(sentenceIndex) as AsPlainObject,
  })
}

/**
 * reads a snapshot from its chunks, each fetched (and decompressed) when first needed: `chunk`
 * may start them all at once and resolve each as it is ready
 */
export function readSnapshot(chunk: (name: ChunkName) => Promise<Uint8Array>): SnapshotContent {
  let documents: Promise<CorpusDocument[]> | undefined
  const readDocuments = () => {
    documents ??= chunk('documents').then((b) => parse<CorpusDocument[]>(b))
    return documents
  }
  return {
    documents: readDocuments,
    async load() {
      const meta = parse<Meta>(await chunk('meta'))
      if (meta.format !== snapshotFormat || meta.version !== packVersion)
        throw new CitableError(
          'pack_invalid',
          `snapshot format ${meta.format} of pack ${meta.version}, expected ${snapshotFormat} of ${packVersion}: rebuild it`,
        )
      const { format: _, ...rest } = meta
      const passages = unpackRows<Passage>(await chunk('passages'))
      const parts: PackParts = {
        ...rest,
        documents: await readDocuments(),
        passages,
        facts: unpackRows<PackParts['facts'][number]>(await chunk('facts')),
        sentences: unpackSentences(await chunk('sentences'), passages),
        sentenceTerms: parse<string[]>(await chunk('sentenceTerms')),
      }
      const index = unpackIndex(await chunk('index'), loadIndex(emptyIndexJson)) as PassageIndex
      const sentenceIndex = unpackIndex(
        await chunk('sentenceIndex'),
        loadSentenceIndex(emptyIndexJson),
      ) as SentenceIndex
      return knowledgeOf(parts, index, sentenceIndex)
    },
  }
}

/** a pack already in memory (the JSON a store without chunks keeps) as snapshot content */
export function packContent(pack: KnowledgePack): SnapshotContent {
  return {
    documents: async () => pack.documents,
    load: async () => loadPack(pack),
  }
}
