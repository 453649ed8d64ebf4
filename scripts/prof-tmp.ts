import { prepareIncremental, stageChanges } from '../src/core/knowledge/incremental'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
import { readLanguage } from '../src/runtime/node/files'
import { generateArticle, generateCorpus } from './bench/corpus-gen'

const n = Number(process.argv[2] ?? 1000)
const lang = readLanguage('intents')
const docs = generateCorpus(n).docs
let k = loadPack(JSON.parse(JSON.stringify(buildPack(docs, lang))))
let t = performance.now()
for (const _ of prepareIncremental(k)) {
}
console.log('prepare', performance.now() - t)
for (let i = 0; i < 6; i++) {
  t = performance.now()
  const s = stageChanges(k, [{ kind: 'put', document: generateArticle(n + i).doc }])
  const t1 = performance.now()
  k = s.apply()
  console.log('stage', Math.round(t1 - t), 'apply', Math.round(performance.now() - t1))
}
