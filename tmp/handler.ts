import { scoreQuery } from '../src/core/answer/decide'
import { resolveTurn } from '../src/core/conversation/followup'
import { newSession } from '../src/core/conversation/session'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
import { readLanguage } from '../src/runtime/node/files'
import { loadSquad } from '../scripts/eval/bench/load'
import { squadNormalise } from '../scripts/eval/bench/score'
const b = loadSquad('dev')
const k = loadPack(buildPack(b.documents, readLanguage('intents')))
const buckets: Record<string, [number, number, number]> = {}
for (const it of b.items) {
  const { query } = resolveTurn(it.question, k, newSession(0))
  if (query.unknownNames.length) continue
  const s = scoreQuery(k, query)
  if (s.verdict?.type !== 'answer') continue
  const said = squadNormalise([s.verdict.answer.answer, ...s.verdict.answer.citations.map(c => c.quote)].join(' '))
  const right = it.answers.some(g => ` ${said} `.includes(` ${squadNormalise(g)} `))
  const key = `${s.verdict.answer.kind}:rank${Math.min(3, s.fact?.features.top ? 0 : s.fact && s.retrieved.findIndex(c => c.sentenceId === (s.fact as any).sentenceId) >= 0 ? s.retrieved.findIndex(c => c.sentenceId === (s.fact as any).sentenceId) : 9)}`
  buckets[key] ??= [0, 0, 0]
  buckets[key]![0]++; if (right) buckets[key]![1]++; if (it.cat === 'squad-imp') buckets[key]![2]++
}
console.log(buckets)
