import { scoreQuery } from '../src/core/answer/decide'
import { resolveTurn } from '../src/core/conversation/followup'
import { newSession } from '../src/core/conversation/session'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
import { readCorpus, readLanguage } from '../src/runtime/node/files'
const k = loadPack(buildPack(readCorpus(['corpus', 'test/fixtures/corpus']), readLanguage('intents')))
for (const q of process.argv.slice(2)) {
  const { query } = resolveTurn(q, k, newSession(0))
  const s = scoreQuery(k, query)
  console.log(q, '| intent', query.intent?.name, 'terms', query.terms, 'owners', query.ownerIds, 'names', query.names, 'unknown', query.unknownNames)
  console.log(' verdict', s.verdict?.type, s.verdict?.type !== 'pass' ? (s.verdict as any)?.answer?.answer : '', (s.verdict as any)?.answer?.reason)
  console.log(' fact', s.fact && { p: s.fact.p, f: s.fact.features })
  for (const c of s.retrieved.slice(0, 2)) console.log(' cand', c.p.toFixed(2), c.score.toFixed(2), k.documents.get(k.sentences[c.sentenceId]!.docId)!.text.slice(k.sentences[c.sentenceId]!.start, k.sentences[c.sentenceId]!.end).slice(0, 100))
}
