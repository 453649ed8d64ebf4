/** The build thread: the same pack as a build here, the core's refusals with their code, the stored snapshot made there. */
import { afterAll, describe, expect, it } from 'vitest'
import { CitableError } from '../../src/core/errors'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { buildThread } from '../../src/runtime/node/store/build-thread'
import { decodePack, encodePack } from '../../src/runtime/node/store/encoded'
import { seedCorpus } from '../corpora'

const thread = buildThread()
afterAll(() => thread.close())
const language = readLanguage('intents')
const documents = readCorpus(seedCorpus)

describe('buildThread', () => {
  it('builds the same pack as buildPack, and hands over the snapshot it made', async () => {
    const pack = await thread.build(documents, language)
    expect(pack).toEqual(JSON.parse(JSON.stringify(buildPack(documents, language))))
    const stored = decodePack(encodePack(pack))
    expect(await stored.documents()).toEqual(pack.documents)
    expect((await stored.load()).facts).toEqual(pack.facts)
  })

  it('builds a snapshot as its stored form alone: the pack is never handed back as an object', async () => {
    const stands = await thread.snapshot(documents, language)
    expect(Object.keys(stands)).toEqual([])
    // as JSON: a list of item ids keeps a missing one as null, in a snapshot as in any pack
    const built = JSON.parse(JSON.stringify(buildPack(documents, language)))
    const loaded = await decodePack(encodePack(stands)).load()
    expect(loaded.passages).toEqual(built.passages)
    expect(loaded.facts).toEqual(built.facts)
    expect(loaded.sentenceIndex.toJSON()).toEqual(loadPack(built).sentenceIndex.toJSON())
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
