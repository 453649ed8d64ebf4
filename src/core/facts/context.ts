/** Gives each fact its context: the entities and words around the span that states it. */
import type { Knowledge } from '../knowledge/types'
import { buildAliasTable, findMentions } from '../nlu/mentions'
import { terms } from '../nlu/nlp'
import type { CorpusDocument, Entity, Fact, Passage } from '../types'

type Parts = Pick<Knowledge, 'passageById'> & {
  documents: Map<string, CorpusDocument>
  /** each document's passages in order */
  passages: Map<string, Passage[]>
}

export function addContext(facts: Fact[], entities: Entity[], parts: Parts): void {
  const table = buildAliasTable(entities)
  const mentionIds = (text: string) => findMentions(table, text).flatMap((m) => m.entityIds)
  const titleIds = new Map<string, string[]>()
  for (const fact of facts) {
    const doc = parts.documents.get(fact.docId)!
    const passage = parts.passageById.get(fact.passageId) as Passage
    if (!titleIds.has(doc.docId)) titleIds.set(doc.docId, mentionIds(doc.title))
    // the sentence before, within the passage, often names what "it" or "the number" is about
    const index = passage.sentences.findIndex(
      (s) => s.start <= fact.span.start && s.end >= fact.span.start,
    )
    // the whole sentence a fact stands in, even when its span is a part of it ("its hospitals in A, B and C")
    const sentence = passage.sentences[index]
    const own = sentence
      ? doc.text.slice(sentence.start, sentence.end)
      : doc.text.slice(fact.span.start, fact.span.end)
    const previous = index > 0 ? passage.sentences[index - 1]! : undefined
    const around = [
      own,
      previous ? doc.text.slice(previous.start, previous.end) : '',
      passage.heading ?? '',
    ]
    const ids = new Set([...around.flatMap(mentionIds), ...titleIds.get(doc.docId)!])
    if (fact.ownerId) ids.add(fact.ownerId)
    fact.context = [...ids]
    fact.terms = [...new Set(terms(`${own} ${passage.heading ?? ''}`))]
    // "Wind made up 34% of generation" follows "... in 2023": an undated figure shares its passage's years
    if (fact.kind === 'quantity' && fact.quantity.year === undefined) {
      // the passage, or the one before it when it names no year: figures often follow the sentence that dates them
      const before = parts.passages.get(passage.docId)?.[passage.index - 1]
      const here = doc.text.slice(passage.start, passage.end)
      const scope =
        /(?:19|20)\d\d/.test(here) || !before
          ? here
          : `${doc.text.slice(before.start, before.end)} ${here}`
      const years = scope.match(/(?<=\b(?:in|during|for|of|by)\s)(?:19|20)\d\d\b/g)
      // the latest year named: an undated figure in a report is the current one, not the one it is compared with
      if (years) fact.periodYears = [Math.max(...years.map(Number))]
    }
  }
}
