import { scoreQuery } from '../src/core/answer/decide'
import { resolveTurn } from '../src/core/conversation/followup'
import { newSession } from '../src/core/conversation/session'
import { answerQuestion } from '../src/core/conversation/turn'
import { readCorpus, readLanguage } from '../src/runtime/node/files'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
const k = loadPack(buildPack(readCorpus(['test/fixtures/seed']), readLanguage('intents')))
for (const q of process.argv.slice(2)) {
  const a = answerQuestion(q, { knowledge: k, suggest: false }).answer
  const { query } = resolveTurn(q, k, newSession(0)); const s = scoreQuery(k, query)
  console.log(q, '=>', a.abstained, a.reason, '| verdict', s.verdict?.type, 'fact p', s.fact?.p.toFixed(2), 'best p', s.retrieved[0]?.p.toFixed(2), a.answer.slice(0, 60))
}
