/**
 * `npm run ask -- "question"`: one answer with its citations. With no question, a conversation: typed
 * at a terminal (a prompt; an empty line or Ctrl-D ends it), or piped in, one question a line.
 * Every line is answered, in order, including lines typed while an answer was being worked out.
 */
import { createInterface } from 'node:readline'
import { ask } from '../core/conversation/ask'
import { nodeService } from '../runtime/node/service'
import { formatResult } from './format'

async function conversation(service: ReturnType<typeof nodeService>) {
  const interactive = process.stdin.isTTY === true
  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  })
  if (interactive) {
    process.stdout.write('Ask about the articles (empty line or Ctrl-D to quit).\n')
    rl.setPrompt('> ')
    rl.prompt()
  }
  let sessionId: string | undefined
  // the iterator queues lines that arrive while an answer is worked out: none is lost, none reordered
  for await (const raw of rl) {
    const question = raw.trim()
    if (!question) {
      if (interactive) break
      continue
    }
    // piped: each answer follows its question, so the output reads as the conversation
    if (!interactive) process.stdout.write(`> ${question}\n`)
    const result = await ask(service, { question: question.slice(0, 1000), sessionId })
    sessionId = result.sessionId
    process.stdout.write(formatResult(result))
    if (interactive) rl.prompt()
  }
  rl.close()
}

async function main() {
  const service = nodeService({
    corpus: process.env.CORPUS_DIR || 'corpus',
    intents: process.env.INTENTS_DIR || 'intents',
  })
  const question = process.argv.slice(2).join(' ').trim()
  if (question)
    process.stdout.write(formatResult(await ask(service, { question: question.slice(0, 1000) })))
  else await conversation(service)
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
