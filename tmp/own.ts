import { answerQuestion } from '../src/core/conversation/turn'
import { readCorpus } from '../src/runtime/node/files'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
import { readLanguage } from '../src/runtime/node/files'
const knowledge = loadPack(buildPack(readCorpus(['test/fixtures/seed', 'test/fixtures/corpus']), readLanguage('intents')))
for (const q of process.argv.slice(2)) { const a = answerQuestion(q, { knowledge, suggest: false }).answer; console.log(q, '=>', a.abstained, a.reason, a.answer.slice(0, 100)) }
