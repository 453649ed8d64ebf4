import { loadSquad, sample } from '../scripts/eval/bench/load'
import { buildPack } from '../src/core/knowledge/pack'
import { readLanguage } from '../src/runtime/node/files'
import { terms } from '../src/core/nlu/nlp'
import { expandTerms } from '../src/core/answer/passage'
import { loadSentenceIndex, searchSentences } from '../src/core/retrieve/sentence-index'
import { squadNormalise } from '../scripts/eval/bench/score'
import { loadPack } from '../src/core/knowledge/pack'
const b = loadSquad((process.argv[2] ?? 'dev') as 'dev')
const pack = buildPack(b.documents, readLanguage('intents'))
const k = loadPack(pack)
const items = sample(b.items.filter(i => i.cat === 'squad-ans'), 800)
const has = (text: string, golds: string[]) => golds.some(g => ` ${squadNormalise(text)} `.includes(` ${squadNormalise(g)} `))
const qs = items.map(it => ({ it, wq: expandTerms(k, terms(it.question)) }))
for (const [t, c, ti, kk, bb] of [[3,1,0.5,1.2,0.75],[3,0.5,0.2,1.2,0.75],[3,1.5,0.5,1.2,0.75],[3,1,0.5,1.5,0.6],[3,1,0.5,0.9,0.75],[3,0.7,0.3,1.2,0.5],[3,0.7,0.3,1.2,0.9]]) {
  const idx = loadSentenceIndex(pack.sentenceIndex, { boost: { text: t, context: c, title: ti }, bm25: { k: kk, b: bb, d: 0.5 } })
  let n1 = 0, n3 = 0
  for (const { it, wq } of qs) {
    const h = searchSentences(idx, wq, 3)
    const st = (id: number) => { const s = k.sentences[id]!; return k.documents.get(s.docId)!.text.slice(s.start, s.end) }
    if (h[0] && has(st(h[0].id), it.answers)) n1++
    if (h.some(x => has(st(x.id), it.answers))) n3++
  }
  console.log(t, c, ti, kk, bb, (n1/qs.length).toFixed(3), (n3/qs.length).toFixed(3))
}
