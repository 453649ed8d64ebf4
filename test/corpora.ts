/**
 * The corpora tests answer from. Tests never read corpus/ (what a user keeps there is theirs to
 * change); test/fixtures/seed holds a copy of the seed article the expectations are written for.
 */
import type { Service } from '../src/core/conversation/ask'
import { nodeService } from '../src/runtime/node/service'

/** a copy of corpus/china-smart-cities.md as it was when the tests were written */
export const seedCorpus = 'test/fixtures/seed'
/** the three fixture articles of the labelled set: a port, a power grid, a trade fair */
export const fixtureCorpus = 'test/fixtures/corpus'

/** a new service over the seed fixture and intents/ */
export function seedService(): Service {
  return nodeService({ corpus: seedCorpus })
}
