/** The questions the latency and HTTP benchmarks ask of the shipped corpus, by kind of answer. */

export const kinds = ['fact', 'computed', 'list', 'passage', 'abstain', 'follow-up'] as const
export type QuestionKind = (typeof kinds)[number]

/** one timed turn; `before` are earlier turns of the same conversation, answered untimed */
export interface BenchQuestion {
  kind: QuestionKind
  question: string
  before?: string[]
}

const byKind: Record<QuestionKind, (string | string[])[]> = {
  fact: [
    'How many pilots did MOHURD run?',
    'How many consumer pilots does the Ministry of Industry and Information Technology have?',
    'How many cities did China have in 2015?',
    "What share of China's GDP comes from the three big urban agglomerations?",
    'How much does Wuxi spend on its smart city every year?',
    'Where is iSoftStone based?',
    'HOW MANY PILOTS DID MOHURD RUN',
    'how many pilot did the ministy of housing run',
  ],
  computed: [
    "How much has China's urban population grown since 1978?",
    'Which agency ran the most smart city pilots?',
    'How many more pilots did MOHURD run than the NDRC?',
    'How many pilots did MIIT and the Tourism Bureau run in total?',
    'By how much did the number of cities grow from 1978 to 2015?',
  ],
  list: [
    'Which three regions are the major urban agglomerations?',
    'What are the smart city objectives?',
    'Which ministries run smart city pilots?',
    'Which regions have relatively high levels of smart city practice?',
  ],
  passage: [
    'Why do smart city projects need a long time to pay off?',
    'What are the risks of the current smart city boom?',
    'How is the Wuxi smart city fund raised?',
    'What do smart cities need to succeed?',
  ],
  abstain: [
    'How many pilots did the Ministry of Agriculture run?',
    'What is the population of Beijing?',
    'How many cities did China have in 1990?',
    'Who won the football world cup in 2018?',
  ],
  'follow-up': [
    ['How many pilots did MOHURD run?', 'What about the NDRC?'],
    ['Where is iSoftStone based?', 'Who spoke for it at CommunicAsia?'],
    ['Who is Walter Fang?', 'Where did he speak?'],
    [
      'How many pilots did MOHURD run?',
      'and the Ministry of Transportation?',
      'which one is biggest?',
    ],
  ],
}

export function benchQuestions(kind: QuestionKind): BenchQuestion[] {
  return byKind[kind].map((q) => {
    if (typeof q === 'string') return { kind, question: q }
    return { kind, question: q.at(-1)!, before: q.slice(0, -1) }
  })
}

/** single-turn questions for the HTTP mix: every kind but follow-ups, which need a session */
export function httpMix(): string[] {
  return kinds
    .filter((k) => k !== 'follow-up')
    .flatMap((k) => benchQuestions(k).map((q) => q.question))
}
