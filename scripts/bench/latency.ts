/** Answer latency in process on the shipped corpus, p50 and p99 per kind of question. */
import { ask, type Service } from '../../src/core/conversation/ask'
import { nodeService } from '../../src/runtime/node/service'
import { benchQuestions, kinds, type QuestionKind } from './shipped-questions'
import { elapsed, type Latency, type RoundOptions, type Timed, timeGroups } from './timing'

export interface LatencyResult {
  byKind: Record<QuestionKind, Latency>
  /** how each question set was answered once, so the reader sees what was timed */
  abstainedShare: Record<QuestionKind, number>
}

/** a group that asks its questions in turn; earlier turns of a conversation are answered untimed */
export function askGroup(service: Service, kind: QuestionKind): Timed {
  const questions = benchQuestions(kind)
  return async (i) => {
    const q = questions[i % questions.length]!
    let sessionId: string | undefined
    for (const turn of q.before ?? [])
      sessionId = (await ask(service, { question: turn, sessionId })).sessionId
    return elapsed(() => ask(service, { question: q.question, sessionId }))
  }
}

export async function measureLatency(options: RoundOptions = {}): Promise<LatencyResult> {
  const service = nodeService()
  const abstainedShare = {} as Record<QuestionKind, number>
  for (const kind of kinds) {
    const questions = benchQuestions(kind)
    let abstained = 0
    for (const q of questions) {
      let sessionId: string | undefined
      for (const turn of [...(q.before ?? []), q.question]) {
        const result = await ask(service, { question: turn, sessionId })
        sessionId = result.sessionId
        if (turn === q.question && result.abstained) abstained++
      }
    }
    abstainedShare[kind] = abstained / questions.length
  }
  const groups = Object.fromEntries(kinds.map((k) => [k, askGroup(service, k)])) as Record<
    QuestionKind,
    Timed
  >
  return { byKind: await timeGroups(groups, options), abstainedShare }
}
