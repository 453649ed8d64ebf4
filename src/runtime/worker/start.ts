/** Start-up work for an isolate: load the prebuilt pack and warm the language model, so requests only answer. */
import { loadPack } from '../../core/knowledge/pack'
import type { Knowledge, KnowledgePack } from '../../core/knowledge/types'
import { analyze } from '../../core/nlu/nlp'

export function loadKnowledge(pack: KnowledgePack): Knowledge {
  const knowledge = loadPack(pack)
  // wink builds its model on first use (tens of ms): do it now, not inside the first question
  analyze('warm up')
  return knowledge
}
