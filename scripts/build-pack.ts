/** `npm run build:pack`: builds the knowledge pack from corpus/ and intents/ into the module the Worker imports. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildPackFromDisk } from '../src/runtime/node/files'

export interface BuildPackOptions {
  /** corpus folder; defaults to $CORPUS_DIR or ./corpus, as on Node */
  corpus?: string
  /** intents folder; defaults to $INTENTS_DIR or ./intents */
  intents?: string
  /** where the pack goes; defaults to src/runtime/worker/generated/pack.json */
  out?: string
}

export const defaultPackPath = 'src/runtime/worker/generated/pack.json'

/** writes the pack and says whether it changed; an unchanged pack is not rewritten, so `wrangler dev` does not rebuild in a loop */
export function writePack(options: BuildPackOptions = {}) {
  const started = performance.now()
  const out = resolve(options.out ?? defaultPackPath)
  const pack = buildPackFromDisk({
    corpus: options.corpus ?? (process.env.CORPUS_DIR || 'corpus'),
    intents: options.intents ?? (process.env.INTENTS_DIR || 'intents'),
  })
  const json = JSON.stringify(pack)
  let previous: string | undefined
  try {
    previous = readFileSync(out, 'utf8')
  } catch {}
  if (previous !== json) {
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, json)
  }
  return {
    out,
    bytes: Buffer.byteLength(json),
    documents: pack.documents.length,
    passages: pack.passages.length,
    facts: pack.facts.length,
    changed: previous !== json,
    ms: Math.round(performance.now() - started),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const r = writePack({ out: process.argv[2] })
    process.stdout.write(
      `knowledge pack: ${r.documents} documents, ${r.passages} passages, ${r.facts} facts, ` +
        `${(r.bytes / 1024).toFixed(1)} KiB ${r.changed ? 'written to' : 'unchanged at'} ${r.out} (${r.ms} ms)\n`,
    )
  } catch (error) {
    process.stderr.write(`build:pack failed: ${(error as Error).message}\n`)
    process.exit(1)
  }
}
