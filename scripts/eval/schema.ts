/** The labelled set's shape: one JSON object a line, validated with zod; problems name their line. */
import { z } from 'zod'

export const categories = [
  'count',
  'amount',
  'share',
  'year',
  'who',
  'where',
  'list',
  'difference',
  'total',
  'growth',
  'ratio',
  'superlative',
  'comparison',
  'multi_doc',
  'passage',
  'out_of_scope',
  'noisy',
  'conversation',
] as const
export type Category = (typeof categories)[number]

const text = z.string().trim().min(1)

export const turnExpectSchema = z
  .strictObject({
    /** what the reply must state: its numbers, and most of its content words */
    answer: text.optional(),
    /** fragments that must each be stated like `answer` */
    answerAll: z.array(text).min(1).optional(),
    /** a phrase one citation's quote must contain */
    cites: text.optional(),
    abstained: z.boolean().optional(),
    kind: z.enum(['fact', 'list', 'computed', 'passage', 'none']).optional(),
    /** the figure the reply's `value` must be: the one that answers, not another in its sentence */
    value: z.union([z.number(), text, z.array(text).min(1)]).optional(),
  })
  .refine((e) => Object.keys(e).some((k) => k !== 'kind'), {
    message: 'an expectation needs answer, answerAll, cites or abstained',
  })
  .refine((e) => !(e.abstained === true && (e.answer || e.answerAll || e.cites)), {
    message: 'an abstention cannot also expect an answer or a citation',
  })
  .refine((e) => !(e.abstained === true && e.value !== undefined), {
    message: 'an abstention cannot also expect a value',
  })
export type TurnExpect = z.infer<typeof turnExpectSchema>

export const itemSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'id must be letters, digits, - or _'),
    category: z.enum(categories),
    /** the documents the item is about; [] for general knowledge */
    docs: z.array(text).optional(),
    turns: z.array(text).min(1).max(4),
    expect: z.array(turnExpectSchema).min(1).max(4),
  })
  .refine((item) => item.turns.length === item.expect.length, {
    message: 'turns and expect must have the same length',
    path: ['expect'],
  })
  .refine((item) => (item.category === 'conversation') === item.turns.length > 1, {
    message: 'a conversation has 2 to 4 turns; every other category exactly 1',
    path: ['turns'],
  })
export type EvalItem = z.infer<typeof itemSchema>

/** one problem of the set, named by file and line */
export interface SetProblem {
  line: number
  message: string
}

export class SetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SetProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'))
    this.name = 'SetError'
  }
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? `${issue.path.join('.')}: ` : ''
  return `${path}${issue.message}`
}

/** parses a jsonl set; blank lines are skipped, every bad line is reported, not just the first */
export function parseSet(content: string, file: string): EvalItem[] {
  const items: EvalItem[] = []
  const problems: SetProblem[] = []
  const seen = new Map<string, number>()
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    if (!raw.trim()) return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      problems.push({ line, message: 'not valid JSON' })
      return
    }
    const parsed = itemSchema.safeParse(json)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, message: describe(issue) })
      return
    }
    const first = seen.get(parsed.data.id)
    if (first !== undefined) {
      problems.push({ line, message: `id "${parsed.data.id}" is already used on line ${first}` })
      return
    }
    seen.set(parsed.data.id, line)
    items.push(parsed.data)
  })
  if (items.length === 0 && problems.length === 0)
    problems.push({ line: 1, message: 'the set has no questions' })
  if (problems.length) throw new SetError(file, problems)
  return items
}
