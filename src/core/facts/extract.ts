/** Extracts facts from every sentence and list line of a document. */
import type { EntityResolver } from '../nlu/entities'
import type { CorpusDocument, Fact, Passage } from '../types'

export function extractFacts(
  _doc: CorpusDocument,
  _passages: Passage[],
  _entities: EntityResolver,
): Fact[] {
  return []
}
