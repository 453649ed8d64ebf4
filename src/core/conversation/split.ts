/** Splits a question that asks two things ("How many ..., and how many ...?") into questions of their own. */

const joint = /,?\s+(?:and|while)\s+(?=(?:how|what|where|who|which|when|why)\b)|;\s*/i

/**
 * the parts of a double question; the second part borrows the first's words when it only names
 * what differs: "Which event was held in Singapore and which in Lyon?" -> "... held in Lyon?"
 */
export function splitQuestion(question: string): string[] {
  const match = joint.exec(question)
  if (!match) return [question]
  const first = question.slice(0, match.index).trim()
  const second = question.slice(match.index + match[0].length).trim()
  if (first.split(/\s+/).length < 3 || second.split(/\s+/).length < 2) return [question]
  const rest = /^(?:how|what|where|who|which|when|why)\s+(.+?)\??$/i.exec(second)?.[1] ?? ''
  const words = rest.split(/\s+/)
  if (words.length <= 3 && /^(?:in|at|for|of|by|from)$/i.test(words[0] ?? '')) {
    // "which in Lyon": the first part with its own "in Singapore" replaced
    const at = first.toLowerCase().lastIndexOf(` ${words[0]!.toLowerCase()} `)
    if (at > 0) return [`${first}?`, `${first.slice(0, at)} ${rest}?`]
  }
  return [`${first.replace(/\?$/, '')}?`, second]
}
