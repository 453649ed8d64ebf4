/** The labelled questions and the evaluator's scorer the baseline comparison uses (a stub until the eval lands). */
import { existsSync, readFileSync } from 'node:fs'
import type { Answer, CorpusDocument } from '../../src/core/types'
import { readCorpus } from '../../src/runtime/node/files'

export interface EvalCase {
  category: string
  turns: string[]
  expect: Expectation[]
}

export interface Expectation {
  answer?: string
  cites?: string
  abstained?: boolean
}

export interface EvalKit {
  source: string
  cases: EvalCase[]
  /** the corpus the questions are about */
  docs: CorpusDocument[]
  /** per turn: was the answer right */
  score: (c: EvalCase, answers: Answer[]) => boolean[]
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim()

/** the examples' rule: states the answer, one quote holds the phrase, abstains when it should */
export function stubScore(c: EvalCase, answers: Answer[]): boolean[] {
  return c.expect.map((e, i) => {
    const a = answers[i]
    if (!a) return false
    if (e.abstained) return a.abstained
    if (a.abstained) return false
    if (e.answer && !squash(a.answer).includes(squash(e.answer))) return false
    if (e.cites && !a.citations.some((q) => squash(q.quote).includes(squash(e.cites!))))
      return false
    return true
  })
}

/** the shared examples, one category, scored by the stub rule */
export function stubKit(path: string): EvalKit | undefined {
  if (!existsSync(path)) return undefined
  const cases = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ category: 'examples', ...(JSON.parse(l) as Omit<EvalCase, 'category'>) }))
  return { source: `${path} (stub scorer)`, cases, docs: readCorpus('corpus'), score: stubScore }
}

const sharedExamples = '/work/shared/examples/questions.jsonl'

/** the project's labelled set and scorer when they exist; else why not */
export async function loadEvalKit(): Promise<EvalKit | string> {
  const stub = stubKit(sharedExamples)
  if (stub) return stub
  return 'test/eval/questions.jsonl and a scorer in scripts/eval/ are not there yet'
}
