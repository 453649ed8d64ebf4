/** `npm run ask -- "question"`: one answer with its citations; with no question, an interactive prompt. */
import { createInterface } from 'node:readline/promises'
import type { AskResult } from '../core/conversation/ask'
import { ask } from '../core/conversation/ask'
import { nodeService } from '../runtime/node/service'

function print(result: AskResult) {
  const lines = [result.abstained ? `(no answer) ${result.answer}` : result.answer]
  result.citations.forEach((c, i) => {
    lines.push(`  [${i + 1}] "${c.quote}" (${c.title}, ${c.docId} ${c.start}-${c.end})`)
  })
  if (result.followUps?.length) lines.push(`  try: ${result.followUps.join(' | ')}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

async function main() {
  const service = nodeService()
  const question = process.argv.slice(2).join(' ').trim()
  if (question) {
    print(await ask(service, { question: question.slice(0, 1000) }))
    return
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  let sessionId: string | undefined
  process.stdout.write('Ask about the articles (empty line or Ctrl-D to quit).\n')
  for (;;) {
    let line: string
    try {
      line = (await rl.question('> ')).trim()
    } catch {
      break
    }
    if (!line) break
    const result = await ask(service, { question: line.slice(0, 1000), sessionId })
    sessionId = result.sessionId
    print(result)
  }
  rl.close()
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
