/** How the CLI prints an answer: the text, numbered citations, suggestions. */
import type { AskResult } from '../core/conversation/ask'

/** the answer, then its citations; a quote the answer already quotes (source?, why?) is not repeated */
export function formatResult(result: AskResult): string {
  const lines = [result.abstained ? `(no answer) ${result.answer}` : result.answer]
  result.citations.forEach((c, i) => {
    const where = `${c.title}, ${c.docId} ${c.start}-${c.end}`
    lines.push(
      result.answer.includes(c.quote)
        ? `  [${i + 1}] (${where})`
        : `  [${i + 1}] "${c.quote}" (${where})`,
    )
  })
  if (result.followUps?.length) lines.push(`  try: ${result.followUps.join(' | ')}`)
  return `${lines.join('\n')}\n`
}
