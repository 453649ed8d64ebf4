// experiment: top-k sentence recall on SQuAD answerable questions, old ranker vs sentence index
import { loadSquad, sample } from '../scripts/eval/bench/load'
import { buildPack, loadPack } from '../src/core/knowledge/pack'
import { readLanguage } from '../src/runtime/node/files'
import { terms } from '../src/core/nlu/nlp'
import { rankSentences } from '../src/core/retrieve/sentences'
import { expandTerms } from '../src/core/answer/passage'
import { searchSentences } from '../src/core/retrieve/sentence-index'
import { squadNormalise } from '../scripts/eval/bench/score'
const name = (process.argv[2] ?? 'dev') as 'dev'
const b = loadSquad(name)
const k = loadPack(buildPack(b.documents, readLanguage('intents')))
const items = sample(b.items.filter(i => i.cat === 'squad-ans'), 800)
const has = (text: string, golds: string[]) => golds.some(g => ` ${squadNormalise(text)} `.includes(` ${squadNormalise(g)} `))
let old1 = 0, new1 = 0, new3 = 0, old3 = 0
for (const it of items) {
  const q = terms(it.question)
  const wq = expandTerms(k, q)
  const r = rankSentences(k, wq)
  const txt = (s: {start:number,end:number}, d: string) => k.documents.get(d)!.text.slice(s.start, s.end)
  if (r[0] && has(txt(r[0].span, r[0].passage.docId), it.answers)) old1++
  if (r.slice(0,3).some(x => has(txt(x.span, x.passage.docId), it.answers))) old3++
  const h = searchSentences(k.sentenceIndex, wq, 10)
  const st = (id: number) => { const s = k.sentences[id]!; return txt(s, s.docId) }
  if (h[0] && has(st(h[0].id), it.answers)) new1++
  if (h.slice(0,3).some(x => has(st(x.id), it.answers))) new3++
}
console.log({ n: items.length, old1: old1/items.length, old3: old3/items.length, new1: new1/items.length, new3: new3/items.length })
