/** The baseline peer: a plain out-of-the-box MiniSearch over the corpus sentences; its answer is the top hit. */
import MiniSearch from 'minisearch'
import { splitPassages } from '../../src/core/corpus/passages'
import type { Answer, CorpusDocument } from '../../src/core/types'

interface SentenceDoc {
  id: number
  text: string
}

interface Located {
  docId: string
  title: string
  passageId: string
  start: number
  end: number
  text: string
}

export interface SearchBox {
  /** never abstains while anything matches: a search box shows its top hit */
  answer: (question: string) => Answer
  sentences: number
}

/** the same passages and sentences citable indexes (headings left out, as citable does) */
export function createSearchBox(docs: CorpusDocument[]): SearchBox {
  const located: Located[] = []
  for (const doc of docs)
    for (const passage of splitPassages(doc)) {
      if (passage.kind === 'heading') continue
      for (const s of passage.sentences)
        located.push({
          docId: doc.docId,
          title: doc.title,
          passageId: passage.id,
          ...s,
          text: doc.text.slice(s.start, s.end),
        })
    }
  // default options: the box as it comes out of the package
  const index = new MiniSearch<SentenceDoc>({ fields: ['text'] })
  index.addAll(located.map((l, id) => ({ id, text: l.text })))
  return {
    sentences: located.length,
    answer(question) {
      const top = index.search(question)[0]
      const hit = top === undefined ? undefined : located[top.id as number]
      if (!hit)
        // nothing matched: the box shows an empty result list, which is as close as it gets to abstaining
        return { answer: '', abstained: false, kind: 'passage', confidence: 0, citations: [] }
      const { text, ...where } = hit
      return {
        answer: text,
        abstained: false,
        kind: 'passage',
        confidence: 0.5,
        citations: [{ ...where, quote: text }],
      }
    },
  }
}
