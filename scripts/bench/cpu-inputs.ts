/** Questions that try to cost CPU, and the CPU time of one turn: shared by the property test and the benchmark. */
import fc from 'fast-check'
import { ask, type Service } from '../../src/core/conversation/ask'
import type { SessionState } from '../../src/core/conversation/session'

/** characters whose NFKC is three or more characters ("℁" -> "a/s", U+FDFA -> eighteen) */
export const expanders: string[] = (() => {
  const out: string[] = []
  for (let cp = 0xa0; cp < 0x30000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const ch = String.fromCodePoint(cp)
    if (ch.normalize('NFKC').length >= 3) out.push(ch)
  }
  return out
})()

/** words the answer path does work for: names, cues, pronouns, abbreviations it expands */
const vocabulary = [
  'how',
  'many',
  'pilots',
  'did',
  'MOHURD',
  'NDRC',
  'run',
  'who',
  'is',
  'Walter',
  'Fang',
  'where',
  'he',
  'she',
  'they',
  'it',
  'that',
  'and',
  'the',
  'what',
  'about',
  'which',
  'one',
  'biggest',
  'most',
  'than',
  'more',
  'difference',
  'total',
  'share',
  'growth',
  'in',
  '2015',
  '286',
  '80%',
  'R&D',
  'EV',
  'EVs',
  'CEO',
  'HQ',
  'took place',
  'Ministry',
  'of',
  'Housing',
  'smart',
  'city',
  'cities',
  'Singapore',
  'Wuxi',
  'China',
  'why?',
  'source?',
  'tell me more',
  'ministy',
  'polits',
  'Huawei',
  'France',
  'Paris',
  'Qzxv',
  'zzzzzz',
  '?',
  ',',
  '.',
  '-',
  "'s",
]

/** a sample of scripts and categories: Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK, Hangul, symbols */
const scripts = [
  [0x41, 0x7a],
  [0x400, 0x4ff],
  [0x370, 0x3ff],
  [0x600, 0x6ff],
  [0x5d0, 0x5ea],
  [0x900, 0x97f],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0x2000, 0x2bff],
  [0x1f300, 0x1faff],
  [0x300, 0x36f],
] as const
const scriptChar = fc
  .constantFrom(...scripts)
  .chain(([from, to]) => fc.integer({ min: from, max: to }))
  .map((cp) => String.fromCodePoint(cp))

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 2, arbitrary: fc.constantFrom(...expanders) },
  { weight: 2, arbitrary: scriptChar },
  // every code point, unassigned ones and lone surrogates included
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('<b>', '&amp;', '\u200B', '\u202E', '\t', '\n', '  ') },
)

/** up to 1,000 characters as sent: pieces joined by spaces, or by nothing (long runs without spaces) */
export const costlyQuestion = fc
  .tuple(
    fc.array(piece, { minLength: 1, maxLength: 600 }),
    fc.constantFrom(' ', '', ' ', '-', '/'),
    fc.constantFrom(...expanders, 'a', 'a.', 'EV ', 'MOHURD and ', 'he '),
    fc.nat(3),
  )
  .map(([pieces, glue, unit, kind]) =>
    // one in four repeats a single unit to the limit: the worst case of one cost, not a mix
    (kind === 0 ? unit.repeat(1000) : pieces.join(glue)).slice(0, 1000),
  )

/** inputs that cost the most before the bounds: the issue's, and one per thing bounded */
export const knownCostly = [
  '\u2101'.repeat(1000),
  '\uFDFA'.repeat(1000),
  '\u3300'.repeat(1000),
  'a/s'.repeat(333),
  'a'.repeat(1000),
  'a.'.repeat(500),
  'EV '.repeat(333),
  'R&D '.repeat(250),
  'MOHURD and '.repeat(90),
  'he '.repeat(333),
  'ministy '.repeat(125),
  Array.from({ length: 200 }, (_, i) => `Qa${i.toString(36)}bc`)
    .join(' ')
    .slice(0, 1000),
]

/** the state of a session that has just asked about a person, so pronouns have something to point at */
export async function primedSession(service: Service): Promise<SessionState> {
  await ask(service, { question: 'Who is Walter Fang?', sessionId: 'cpu-primer' })
  const state = await service.sessions.get('cpu-primer')
  if (!state) throw new Error('the primer session was not stored')
  return state
}

/** CPU milliseconds of one turn (user + system of this process), the least of `tries` runs */
export async function turnCpuMs(
  service: Service,
  question: string,
  session?: SessionState,
  tries = 3,
): Promise<number> {
  let least = Number.POSITIVE_INFINITY
  for (let i = 0; i < tries; i++) {
    // each run starts from the same conversation, since a turn rewrites it
    if (session) await service.sessions.set('cpu-probe', session)
    const before = process.cpuUsage()
    await ask(service, { question, sessionId: session ? 'cpu-probe' : undefined })
    const used = process.cpuUsage(before)
    least = Math.min(least, (used.user + used.system) / 1000)
  }
  return least
}
