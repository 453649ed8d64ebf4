/** The pack as the Node store writes it (gzipped JSON), made once: on the build thread when it built the pack. */
import { gunzipSync, gzipSync } from 'node:zlib'
import type { KnowledgePack } from '../../../core/knowledge/types'

// a pack the build thread already encoded, so the main thread neither stringifies nor gzips it
const encoded = new WeakMap<KnowledgePack, Uint8Array>()

export function rememberEncoded(pack: KnowledgePack, bytes: Uint8Array): void {
  encoded.set(pack, bytes)
}

/** level 1: the pack is mostly repeated words, so even the fastest level makes it about a fifth */
export function encodePack(pack: KnowledgePack): Uint8Array {
  return encoded.get(pack) ?? gzipSync(JSON.stringify(pack), { level: 1 })
}

export function decodePack(stored: Uint8Array): KnowledgePack {
  return JSON.parse(gunzipSync(stored).toString('utf8')) as KnowledgePack
}
