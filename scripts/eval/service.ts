/** The service the evaluator asks: the knowledge pack built from corpus folders, sessions in memory. */
import type { Service } from '../../src/core/conversation/ask'
import { createMemoryStore } from '../../src/core/conversation/memory-store'
import { buildPack, loadPack } from '../../src/core/knowledge/pack'
import { readCorpus, readLanguage } from '../../src/runtime/node/files'

export function evalService(corpus: string[], intents = 'intents'): Service {
  let counter = 0
  return {
    knowledge: loadPack(buildPack(readCorpus(corpus), readLanguage(intents))),
    sessions: createMemoryStore(),
    newId: () => `eval-session-${++counter}`,
    now: () => Date.now(),
  }
}
