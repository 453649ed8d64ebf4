import { answerQuestion } from '../src/core/conversation/turn'
import { readCorpus, readLanguage } from '../src/runtime/node/files'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
const knowledge = loadPack(buildPack(readCorpus(['corpus']), readLanguage('intents')))
const qs = ['How many pilots did MOHURD run?', 'Why do smart city projects need a long time to pay off?', 'Who is Walter Fang?', 'What is the capital of France?', 'How many more pilots did MOHURD run than the NDRC?']
for (let i = 0; i < 20; i++) for (const q of qs) answerQuestion(q, { knowledge })
const t0 = performance.now()
for (let i = 0; i < 100; i++) for (const q of qs) answerQuestion(q, { knowledge })
console.log(((performance.now() - t0) / 500).toFixed(2), 'ms/question')
