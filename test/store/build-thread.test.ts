/** The build thread: the same pack as a build here, the core's refusals with their code, the gzip made there. */
import { afterAll, describe, expect, it } from 'vitest'
import { CitableError } from '../../src/core/errors'
import { buildPack } from '../../src/core/knowledge/pack'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { buildThread } from '../../src/runtime/node/store/build-thread'
import { decodePack, encodePack } from '../../src/runtime/node/store/encoded'
import { seedCorpus } from '../corpora'

const thread = buildThread()
afterAll(() => thread.close())
const language = readLanguage('intents')
const documents = readCorpus(seedCorpus)

describe('buildThread', () => {
  it('builds the same pack as buildPack, and hands over the gzip it made', async () => {
    const pack = await thread.build(documents, language)
    expect(pack).toEqual(JSON.parse(JSON.stringify(buildPack(documents, language))))
    expect(decodePack(encodePack(pack))).toEqual(pack)
  })

  it('builds a snapshot as its gzip alone: the pack is never handed back as an object', async () => {
    const stands = await thread.snapshot(documents, language)
    expect(Object.keys(stands)).toEqual([])
    expect(decodePack(encodePack(stands))).toEqual(
      JSON.parse(JSON.stringify(buildPack(documents, language))),
    )
  })

  it('refuses an empty corpus with the core error and its code, and builds again after', async () => {
    const refused = await thread.build([], language).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(CitableError)
    expect(refused).toMatchObject({
      code: 'corpus_empty',
      message: 'corpus/: no .md or .txt article found',
    })
    expect((await thread.build(documents, language)).documents).toHaveLength(1)
  })
})
