import { readLanguage } from '../src/runtime/node/files'
import { expectedType } from '../src/core/answer/typed/expected'
import { loadSquad, sample } from '../scripts/eval/bench/load'
const l = readLanguage('intents')
const b = loadSquad('dev')
const c: Record<string, number> = {}
for (const it of sample(b.items, 60)) { const t = expectedType(it.question, l.answerTypes); c[t]=(c[t]??0)+1; console.log(t.padEnd(12), it.question, '|', it.answers[0] ?? '-') }
console.log(c)
