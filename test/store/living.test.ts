/** The living corpus: seeding, snapshots, changes swapped in whole, failed changes that change nothing. */
import { describe, expect, it } from 'vitest'
import { ask, type Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import { parseCorpusFile } from '../../src/core/corpus/parse'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'
import { openNodeStore } from '../../src/runtime/node/store/libsql'
import { buildKey, startStoreService } from '../../src/runtime/node/store/start'
import {
  buildInProcess,
  changesBetween,
  seedChanges,
  startLivingCorpus,
} from '../../src/store/living'
import { seedCorpus } from '../corpora'
import { fixture, tempDir } from './helpers'

const port = parseCorpusFile('kestrel-bay-port.md', fixture('kestrel-bay-port'))
const portQuestion = 'How many TEU did Kestrel Bay handle?'

describe('startLivingCorpus', () => {
  it('seeds an empty store from its corpus folder, then starts from the stored snapshot', async () => {
    const dataDir = tempDir()
    const first = await startStoreService({ dataDir, corpus: seedCorpus, build: buildInProcess })
    expect(first.knowledgeFrom).toBe('a rebuild (1 change(s) from the seed folder)')
    expect((await first.store.articles()).map((a) => [a.docId, a.origin])).toEqual([
      ['china-smart-cities', 'seed'],
    ])
    await first.store.close()

    const second = await startStoreService({ dataDir, corpus: seedCorpus, build: buildInProcess })
    expect(second.knowledgeFrom).toBe('the stored snapshot')
    expect([...second.service.knowledge.documents.keys()]).toEqual(['china-smart-cities'])
    await second.store.close()
  })

  it('answers from an added article at once, while a turn already started keeps its knowledge', async () => {
    const { service, corpus, store } = await startStoreService({
      url: ':memory:',
      corpus: seedCorpus,
      build: buildInProcess,
    })
    const before = service.knowledge
    expect((await ask(service, { question: portQuestion })).abstained).toBe(true)
    const result = await corpus.put(port)
    expect(result).toMatchObject({ revision: 2, changed: true })
    expect(service.knowledge).not.toBe(before)
    // the old object is untouched: an answer in flight finishes on it
    expect(before.documents.has('kestrel-bay-port')).toBe(false)
    const answer = await ask(service, { question: portQuestion })
    expect(answer.abstained).toBe(false)
    expect(answer.citations[0]?.docId).toBe('kestrel-bay-port')
    await store.close()
  })

  it('changes nothing when the store refuses the change', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    const language = readLanguage('intents')
    const service = { knowledge: undefined as never }
    let fail = false
    const failing = {
      ...store,
      commit: (...args: Parameters<typeof store.commit>) =>
        fail
          ? Promise.reject(new Error('SQLITE_FULL: database or disk is full'))
          : store.commit(...args),
    }
    const { corpus } = await startLivingCorpus(service, readCorpus(seedCorpus), {
      store: failing,
      language,
      buildKey: buildKey(language),
    })
    const knowledge = service.knowledge
    fail = true
    await expect(corpus.put(port)).rejects.toThrow('SQLITE_FULL: database or disk is full')
    expect(service.knowledge).toBe(knowledge)
    expect(corpus.revision).toBe(1)
    expect((await store.corpus()).documents.map((d) => d.docId)).toEqual(['china-smart-cities'])
    // the staged change was dropped: the shared index has not got the article
    expect((await ask({ ...started(service) }, { question: portQuestion })).abstained).toBe(true)
    // and the next change goes through
    fail = false
    expect((await corpus.put(port)).revision).toBe(2)
    expect((await ask(started(service), { question: portQuestion })).citations[0]?.docId).toBe(
      'kestrel-bay-port',
    )
    await store.close()
  })

  it('starts from the snapshot and the changes committed after it, until the snapshot is built again', async () => {
    const dataDir = tempDir()
    const first = await startStoreService({
      dataDir,
      corpus: seedCorpus,
      build: buildInProcess,
      snapshotAfterMs: 0,
    })
    await first.corpus.put(port)
    await first.corpus.put({ ...port, docId: 'port-copy' })
    await first.corpus.remove('port-copy')
    await first.store.close()

    const second = await startStoreService({
      dataDir,
      corpus: seedCorpus,
      build: buildInProcess,
      snapshotAfterMs: 0,
    })
    expect(second.knowledgeFrom).toBe('the stored snapshot and 1 later change(s)')
    expect([...second.service.knowledge.documents.keys()]).toEqual([
      'china-smart-cities',
      'kestrel-bay-port',
    ])
    expect((await ask(second.service, { question: portQuestion })).citations[0]?.docId).toBe(
      'kestrel-bay-port',
    )
    expect(await second.corpus.saveSnapshot()).toBe(4)
    expect((await second.store.snapshot())?.revision).toBe(4)
    await second.store.close()

    const third = await startStoreService({
      dataDir,
      corpus: seedCorpus,
      build: buildInProcess,
      snapshotAfterMs: 0,
    })
    expect(third.knowledgeFrom).toBe('the stored snapshot')
    expect(third.service.knowledge.documents.size).toBe(2)
    await third.store.close()
  })

  it('reads only the articles written after the snapshot, not every article', async () => {
    const dataDir = tempDir()
    const language = readLanguage('intents')
    const seeds = readCorpus(seedCorpus)
    const options = { language, buildKey: buildKey(language), snapshotAfterMs: 0 }
    const writer = await openNodeStore({ dataDir })
    const first = await startLivingCorpus(undefined, seeds, { ...options, store: writer })
    await first.corpus.put(port)
    await first.corpus.put({ ...port, docId: 'port-copy' })
    await first.corpus.remove('china-smart-cities')
    await writer.close()
    const store = await openNodeStore({ dataDir })
    const read: string[] = []
    const watched = {
      ...store,
      corpus: () => {
        read.push('corpus')
        return store.corpus()
      },
    }
    // the seed article was removed through the API: it stays removed
    const second = await startLivingCorpus(undefined, seeds, { ...options, store: watched })
    expect(read).toEqual([])
    expect([second.source, second.replayed]).toEqual(['snapshot', 3])
    expect([...second.knowledge.documents.keys()]).toEqual(['kestrel-bay-port', 'port-copy'])
    expect(second.corpus.documents()).toEqual((await store.corpus()).documents)
    await store.close()
  })

  it('builds the snapshot again once changes stop', async () => {
    const { corpus, store } = await startStoreService({
      url: ':memory:',
      corpus: seedCorpus,
      build: buildInProcess,
      snapshotAfterMs: 20,
    })
    const { revision } = await corpus.put(port)
    expect((await store.snapshot())?.revision).toBe(1)
    await until(async () => (await store.snapshot())?.revision === revision)
    expect((await (await store.snapshot())!.documents()).map((d) => d.docId)).toEqual([
      'china-smart-cities',
      'kestrel-bay-port',
    ])
    await store.close()
  })

  it('refuses to remove the last article', async () => {
    const { corpus, store } = await startStoreService({
      url: ':memory:',
      corpus: seedCorpus,
      build: buildInProcess,
    })
    await expect(corpus.remove('china-smart-cities')).rejects.toThrow(
      'the last article cannot be removed: the service needs one to answer from',
    )
    expect(corpus.documents()).toHaveLength(1)
    await store.close()
  })

  it('rebuilds when the language changed since the snapshot', async () => {
    const store = await openNodeStore({ url: ':memory:' })
    const language = readLanguage('intents')
    const seeds = readCorpus(seedCorpus)
    await startLivingCorpus(undefined, seeds, { store, language, buildKey: 'old' })
    const again = await startLivingCorpus(undefined, seeds, { store, language, buildKey: 'new' })
    expect([again.source, again.reason]).toEqual(['rebuilt', 'the language or pack format changed'])
    expect((await store.snapshot())?.key).toBe('new')
    await store.close()
  })
})

/** polls until `check` holds, up to a bound; never a fixed sleep */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`waited ${timeoutMs} ms and the condition never held`)
    await new Promise((done) => setTimeout(done, 10))
  }
}

const started = (service: { knowledge: Service['knowledge'] }): Service => ({
  knowledge: service.knowledge,
  sessions: createMemoryStore(),
  newId: () => 'x',
  now: () => 0,
})

describe('seedChanges', () => {
  const doc = (docId: string, text = 'Text.') => ({ docId, title: docId, text })

  it('adds new and changed seed files and removes seed articles whose file is gone', () => {
    const origins = new Map([
      ['same', 'seed'],
      ['changed', 'seed'],
      ['gone', 'seed'],
    ] as const)
    const changes = seedChanges(
      [doc('same'), doc('changed'), doc('gone')],
      new Map(origins),
      [doc('same'), doc('changed', 'New text.'), doc('new')],
      new Set(),
    )
    expect(changes).toEqual([
      { kind: 'put', document: doc('changed', 'New text.'), origin: 'seed' },
      { kind: 'put', document: doc('new'), origin: 'seed' },
      { kind: 'delete', docId: 'gone' },
    ])
  })

  it('leaves articles the owner put or removed through the API alone', () => {
    const changes = seedChanges(
      [doc('mine', 'Owner text.')],
      new Map([['mine', 'api']] as const),
      [doc('mine'), doc('removed')],
      new Set(['removed']),
    )
    expect(changes).toEqual([])
  })
})

describe('changesBetween', () => {
  const doc = (docId: string, text = 'Text.') => ({ docId, title: docId, text })

  it('removes what is gone, then puts what is new or changed, and leaves the same alone', () => {
    expect(
      changesBetween(
        [doc('same'), doc('changed'), doc('gone')],
        [doc('new'), doc('same'), doc('changed', 'New text.')],
      ),
    ).toEqual([
      { kind: 'delete', docId: 'gone' },
      { kind: 'put', document: doc('new') },
      { kind: 'put', document: doc('changed', 'New text.') },
    ])
  })

  it('finds nothing between the same articles', () => {
    expect(changesBetween([doc('a'), doc('b')], [doc('a'), doc('b')])).toEqual([])
  })
})

describe('two instances on one store', () => {
  it('takes up the change the other made with refresh(), and only once', async () => {
    const dataDir = tempDir()
    const a = await startStoreService({ dataDir, corpus: seedCorpus, build: buildInProcess })
    const b = await startStoreService({ dataDir, corpus: seedCorpus, build: buildInProcess })
    await a.corpus.put(port)
    expect(b.service.knowledge.documents.has('kestrel-bay-port')).toBe(false)
    expect(await b.corpus.refresh()).toBe(true)
    expect(b.corpus.revision).toBe(a.corpus.revision)
    expect((await ask(b.service, { question: portQuestion })).citations[0]?.docId).toBe(
      'kestrel-bay-port',
    )
    expect(await b.corpus.refresh()).toBe(false)
    // a change from b that started on an older revision is rebuilt on the newer one, not lost
    await a.corpus.remove('kestrel-bay-port')
    await b.corpus.put({ ...port, docId: 'port-copy' })
    expect(b.corpus.documents().map((d) => d.docId)).toEqual(['china-smart-cities', 'port-copy'])
    await Promise.all([a.store.close(), b.store.close()])
  })
})
