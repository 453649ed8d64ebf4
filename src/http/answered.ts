/** `ask` for the channels: every answer gets an answerId and is remembered for feedback and the question log. */
import { type AskRequest, type AskResult, ask } from '../core/conversation/ask'
import { createRecords, type Records } from '../store/records'
import type { AppDeps } from './deps'

export type AnsweredResult = AskResult & { answerId: string }

const records = new WeakMap<AppDeps, Records>()

/** the records of an app: the ones it was given, or one made from its store and configuration */
export function recordsOf(deps: AppDeps): Records {
  let found = deps.records ?? records.get(deps)
  if (!found) {
    found = createRecords({
      store: deps.store,
      questionLog: deps.config.questionLog?.enabled,
      retentionDays: deps.config.questionLog?.retentionDays,
      maxPending: deps.config.questionLog?.maxPending,
      now: deps.service.now,
      defer: deps.defer,
      onError: (error) =>
        deps.log?.({ level: 'error', msg: 'question log write failed', error: String(error) }),
    })
    records.set(deps, found)
  }
  return found
}

export async function answered(
  deps: AppDeps,
  request: AskRequest,
  channel: string,
  /** how the turn is asked; defaults to the service itself (the JSON API scopes sessions to its channel) */
  run: (request: AskRequest) => Promise<AskResult> = (r) => ask(deps.service, r),
): Promise<AnsweredResult> {
  const started = performance.now()
  const result = await run(request)
  const answerId = deps.service.newId()
  recordsOf(deps).remember({
    answerId,
    at: deps.service.now(),
    channel,
    question: request.question,
    answer: result.answer,
    citations: result.citations,
    intent: result.intent,
    kind: result.kind,
    abstained: result.abstained,
    reason: result.reason,
    confidence: result.confidence,
    latencyMs: Math.round((performance.now() - started) * 100) / 100,
  })
  return { ...result, answerId }
}
