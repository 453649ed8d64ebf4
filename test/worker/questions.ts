/** Questions for the parity test, from the labelled set (test/eval/questions.jsonl). */
import { readFileSync } from 'node:fs'

const labelled = 'test/eval/questions.jsonl'

interface LabelledItem {
  id: string
  /** the questions of one conversation, in order */
  turns: string[]
}

function items(): LabelledItem[] {
  return readFileSync(labelled, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledItem)
}

/** the first `count` single-turn questions */
export function singleTurnQuestions(count: number): string[] {
  return items()
    .filter((item) => item.turns.length === 1)
    .slice(0, count)
    .map((item) => item.turns[0]!)
}

/** the first `count` conversations of more than one turn */
export function conversations(count: number): LabelledItem[] {
  return items()
    .filter((item) => item.turns.length > 1)
    .slice(0, count)
}
