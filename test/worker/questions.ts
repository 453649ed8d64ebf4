/** Questions for the parity test: the first single-turn items of the labelled set, or a list about the seed article until it exists. */
import { existsSync, readFileSync } from 'node:fs'

const labelled = 'test/eval/questions.jsonl'

// about corpus/china-smart-cities.md: figures, lists, people, places, and some it does not answer
export const seedQuestions = [
  'How many pilots did MOHURD run?',
  'How many smart city pilots are there?',
  'How many pilots did the NDRC run?',
  'How many Broadband China pilots were there?',
  'How many consumer pilots did MIIT run?',
  'How many smart tourism pilots did the Tourism Bureau run?',
  'How many pilots did the Ministry of Transportation run?',
  'How many pilots did the Bureau of Surveying and Mapping run?',
  'How many cities had announced smart city construction by the end of 2014?',
  'How many cities did China have in 1978?',
  'How many cities did China have in 2015?',
  'How much did the urban population grow from 1978 to 2015?',
  'What was the urban population in 2015?',
  'How much does Wuxi invest in smart cities per year?',
  'Where does the Wuxi smart city fund come from?',
  'What share of GDP do the three urban agglomerations create?',
  'What share of the land area do the three urban agglomerations cover?',
  'Which are the three major urban agglomerations?',
  'Where is iSoftStone headquartered?',
  'How old is iSoftStone?',
  'Who is Walter Fang?',
  'Where did Walter Fang speak?',
  'Who wrote the article?',
  'What are the objectives of a smart city?',
  'What are the two great engines of world economic development?',
  'Which regions have high levels of smart city practice?',
  'What is PPP good for?',
  'Why do smart city projects need a long period?',
  'What do smart city projects need from investors?',
  'Why is smart city income hard to notice for investors?',
  'What drives China’s economic growth?',
  'Which company is spearheading the smart city revolution?',
  'When was CommunicAsia 2017 held?',
  'How many pilots did the Ministry of Science and Technology run?',
  'Hw many pilots did MOHRD run?',
  'What is the population of Paris?',
  'Who won the football world cup?',
  'How many smart city pilots does India have?',
  'What is the GDP of the Pearl River Delta?',
  'Tell me about smart cities in China',
]

interface LabelledItem {
  question?: unknown
  turns?: unknown
  followUp?: unknown
  sessionId?: unknown
}

/** the first `count` single-turn questions of the labelled set when it holds enough, else the seed list */
export function parityQuestions(count = 40): string[] {
  if (existsSync(labelled)) {
    const items = readFileSync(labelled, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as LabelledItem)
    // multi-turn items depend on the turn before: they are not single questions
    const single = items
      .filter((item) => typeof item.question === 'string' && !item.turns && !item.followUp)
      .filter((item) => !item.sessionId)
      .map((item) => item.question as string)
    if (single.length >= count) return single.slice(0, count)
  }
  return seedQuestions.slice(0, count)
}
