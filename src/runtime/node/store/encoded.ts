/**
 * The snapshot as the Node store writes it: the pack's chunks (src/core/knowledge/snapshot.ts),
 * each gzipped on its own behind a small header, so a start gunzips them in parallel on libuv's
 * threads while this one decodes the chunks already there. Made once: on the build thread when
 * it built the pack.
 */
import { gunzip, gzipSync } from 'node:zlib'
import { CitableError } from '../../../core/errors'
import {
  type ChunkName,
  type Chunks,
  chunkNames,
  packChunks,
  readSnapshot,
  type SnapshotContent,
  snapshotFormat,
} from '../../../core/knowledge/snapshot'
import type { KnowledgePack } from '../../../core/knowledge/types'

// a pack the build thread already encoded, so the main thread neither encodes nor gzips it
const encoded = new WeakMap<KnowledgePack, Uint8Array>()

export function rememberEncoded(pack: KnowledgePack, bytes: Uint8Array): void {
  encoded.set(pack, bytes)
}

/** "CSNP": what every chunked snapshot starts with; the gzipped JSON of older ones starts 1f 8b */
const magic = [0x43, 0x53, 0x4e, 0x50]

interface Header {
  format: number
  /** each chunk's name, gzipped length and length, in the order they follow the header */
  chunks: [ChunkName, number, number][]
}

/** level 1: the chunks are mostly repeated words and numbers, so even the fastest level makes them about a fifth */
export function encodeChunks(chunks: Chunks): Uint8Array {
  const zipped = chunkNames.map((name) => [name, gzipSync(chunks[name], { level: 1 })] as const)
  const header: Header = {
    format: snapshotFormat,
    chunks: zipped.map(([n, z]) => [n, z.length, chunks[n].length]),
  }
  const head = Buffer.from(JSON.stringify(header))
  const out = Buffer.allocUnsafe(8 + head.length + zipped.reduce((n, [, z]) => n + z.length, 0))
  out.set(magic, 0)
  out.writeUInt32BE(head.length, 4)
  head.copy(out, 8)
  let at = 8 + head.length
  for (const [, z] of zipped) {
    out.set(z, at)
    at += z.length
  }
  return out
}

export function encodePack(pack: KnowledgePack): Uint8Array {
  return encoded.get(pack) ?? encodeChunks(packChunks(pack))
}

/** gunzips on a libuv thread into one buffer of the known size: zlib's 16 KiB pieces would be
 * copied together on this thread, a quarter of a second for the chunks of 10,000 articles */
const unzip = (bytes: Uint8Array, length: number) =>
  new Promise<Uint8Array>((done, fail) =>
    gunzip(bytes, { chunkSize: Math.max(64, length) }, (error, out) =>
      error ? fail(error) : done(out),
    ),
  )

/** a snapshot this code cannot read: the start rebuilds, it never guesses */
function unreadable(why: string): SnapshotContent {
  const fail = async (): Promise<never> => {
    throw new CitableError('pack_invalid', `the stored snapshot ${why}`)
  }
  return { documents: fail, load: fail }
}

/** reads the header now and the chunks when first asked for, all of them gunzipping at once */
export function decodePack(stored: Uint8Array): SnapshotContent {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength)
  if (bytes.length < 8 || magic.some((b, i) => bytes[i] !== b))
    return unreadable('is in an older format (one JSON document)')
  let header: Header
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32BE(4))) as Header
  } catch {
    return unreadable('has a damaged header')
  }
  if (header.format !== snapshotFormat)
    return unreadable(`is of format ${header.format}, this code reads ${snapshotFormat}`)
  let chunks: Map<ChunkName, Promise<Uint8Array>> | undefined
  const start = () => {
    const at = new Map<ChunkName, [number, number, number]>()
    let offset = 8 + bytes.readUInt32BE(4)
    for (const [name, length, size] of header.chunks) {
      at.set(name, [offset, length, size])
      offset += length
    }
    const begin = (name: ChunkName) => {
      const [from, length, size] = at.get(name)!
      const chunk = unzip(bytes.subarray(from, from + length), size)
      // a chunk never asked for (a load that failed first) must not fail the process
      chunk.catch(() => {})
      return chunk
    }
    // the articles are wanted first, and alone: the rest start once they are out
    const documents = begin('documents')
    const after = documents.then(
      () => {},
      () => {},
    )
    const out = new Map<ChunkName, Promise<Uint8Array>>([['documents', documents]])
    for (const name of at.keys()) {
      if (name === 'documents') continue
      const chunk = after.then(() => begin(name))
      chunk.catch(() => {})
      out.set(name, chunk)
    }
    return out
  }
  return readSnapshot((name) => {
    chunks ??= start()
    const chunk = chunks.get(name)
    if (!chunk)
      return Promise.reject(new CitableError('pack_invalid', `the stored snapshot has no ${name}`))
    // each chunk is read once: let the bytes go as soon as they are decoded
    chunks.delete(name)
    return chunk
  })
}
