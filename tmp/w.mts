import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
const nlp = winkNLP(model, ['sbd','pos','ner'])
const its = nlp.its
for (const t of ["Gira was launched in 2017 with 1,400 bicycles at 140 docking stations, costing EUR 18 million and £500,000.",
 "Net income for 2004 was $3.5bn (£1.87bn) - up nearly $3bn from 2003, twenty-seven people, one in five, a third, last year, 785m euros, for three years, 14 minutes, the first time"]) {
  const doc = nlp.readDoc(t)
  console.log(doc.entities().out(its.detail))
  console.log(JSON.stringify(doc.entities().out(its.span)))
  console.log(doc.tokens().out(its.precedingSpaces).slice(0,10), doc.tokens().out(its.pos).slice(0,12))
}
let t0=performance.now(); for (let i=0;i<200;i++) nlp.readDoc("Net income for 2004 was $3.5bn (£1.87bn) - up nearly $3bn from 2003 while turnover rose $7.2bn to $170.8bn.").entities().out(its.detail); console.log((performance.now()-t0)/200,'ms/ner')
const nlp2 = winkNLP(model, ['sbd','pos'])
t0=performance.now(); for (let i=0;i<200;i++) nlp2.readDoc("Net income for 2004 was $3.5bn (£1.87bn) - up nearly $3bn from 2003 while turnover rose $7.2bn to $170.8bn.").tokens().out(); console.log((performance.now()-t0)/200,'ms/pos')
