/** Table tests of the typed answer path, kept apart so each table reads on its own. */
import { expect, it } from 'vitest'
import { relativeYear, wordNumber, wordShare } from '../../../src/core/analysis/values'
import { fitsAsked } from '../../../src/core/answer/typed/agree'
import { typedSpans } from '../../../src/core/answer/typed/candidates'
import { differenceIn } from '../../../src/core/answer/typed/difference'
import { expectedType } from '../../../src/core/answer/typed/expected'
import { answerQuestion } from '../../../src/core/conversation/turn'
import { isEnglish } from '../../../src/core/nlu/english'
import { readCorpus } from '../../../src/runtime/node/files'
import { knowledgeOf, realLanguage } from '../helpers'

export function analysedValues() {
  const language = realLanguage()

  it.each([
    ['How many bicycles did it start with?', 'count'],
    ['What does a monthly pass cost?', 'money'],
    ['How long is the average trip?', 'duration'],
    ['In what year did Huguenot refugees first settle in Norwich?', 'date'],
    ['When was the scheme launched?', 'date'],
    ['Who runs the bank?', 'person'],
    ['Where was the novelist born?', 'place'],
    ['Which company supplied the chargers?', 'org'],
    ['Why were takings down?', 'reason'],
    ['What is the population of the city?', 'number'],
    ["What was the bank's net income for the year?", 'money'],
    ["What was Acme's turnover in the fourth quarter?", 'money'],
    ['What is Acme?', 'description'],
    ["What was the Ministry of Transport's budget last year?", 'money'],
    ["Which country's team won the cup?", 'place'],
    ['Which browsers are challenging the leader?', 'name'],
    ['Who is Marta Quintal?', 'description'],
    ["Which analyst said costs were the real story in the bank's results?", 'person'],
    ['Who is the chief executive?', 'person'],
    ['How much of the expansion is paid by the EU?', 'money'],
    ['What happens when the lines are full?', 'description'],
    ['By how many percentage points did the share fall?', 'percent'],
    ['How many points did Valmora score?', 'count'],
  ])('reads "%s" as asking for a %s', (question, type) => {
    expect(expectedType(question, language.answerTypes)).toBe(type)
  })

  it.each([
    ['twenty-seven', 27],
    ['three hundred', 300],
    ['two million', 2e6],
    ['a dozen', 12],
    ['seven', 7],
  ])('reads "%s" as %d', (words, value) => expect(wordNumber(words)).toBe(value))

  it('does not read words that are not numbers', () =>
    expect(wordNumber('several')).toBeUndefined())

  it.each([
    ['one in five', 20],
    ['a third', 33.3],
    ['half', 50],
    ['two thirds', 66.7],
  ])('reads "%s" as %d%%', (words, value) => expect(wordShare(words)).toBe(value))

  it('reads years relative to the article', () => {
    expect(relativeYear('last year', '2005-02-01')).toBe(2004)
    expect(relativeYear('next year', '2005')).toBe(2006)
    expect(relativeYear('two years ago', '2005')).toBe(2003)
    expect(relativeYear('last year')).toBeUndefined()
  })

  it('finds typed spans: counts with what they count, money, shares, dates, durations, names', () => {
    const spans = typedSpans(
      'Gira was launched in 2017 with 1,400 bicycles, costs EUR 18 million, one in five riders use it daily and the average trip lasts 14 minutes.',
    ).map((s) => `${s.type}:${s.text}`)
    expect(spans).toEqual(
      expect.arrayContaining([
        'date:2017',
        'count:1,400 bicycles',
        'money:EUR 18 million',
        'percent:one in five',
        'duration:14 minutes',
        'name:Gira',
      ]),
    )
    expect(spans.some((s) => s === 'date:400')).toBe(false)
  })

  it('reads a length of time said in words', () => {
    const spans = typedSpans('The lifts spend almost a whole minute returning to the ground.').map(
      (s) => `${s.type}:${s.text}`,
    )
    expect(spans).toContain('duration:a whole minute')
  })

  it.each([
    [{ value: 61, unit: 'lift', answer: 'The tower has 61 lifts.' }, false],
    [{ value: 30, unit: 'seconds', answer: 'The lifts take 30 seconds.' }, true],
  ])('answers a question for a length of time only with one: %j', (fields, fits) => {
    const answer = {
      abstained: false,
      kind: 'fact' as const,
      confidence: 1,
      citations: [],
      ...fields,
    }
    expect(fitsAsked(answer, 'duration', 'How long do the lifts take?')).toBe(fits)
  })

  it('computes a difference of two figures of one kind, or gives the change a sentence states', () => {
    expect(
      differenceIn(
        "Heineken's net income fell to 537m euros during 2004, from 798m euros a year ago.",
      )?.value,
    ).toBe(261e6)
    expect(
      differenceIn('There are 305,775 people on a waiting list, down from 311,764 last month.')
        ?.value,
    ).toBe(5989)
    expect(differenceIn('US sales fell by 3.8% in the quarter.')?.text).toBe('3.8%')
    expect(differenceIn('The port has 64 cranes.')).toBeUndefined()
  })

  it('says a year given relative to the article as the year it is, with the words the article used', () => {
    const knowledge = knowledgeOf([
      {
        docId: 'riders',
        title: 'Veloria riders',
        published: '2024-05-02',
        text: "Veloria's riders made their first trip on the new electric bikes last year.",
      },
    ])
    const { answer } = answerQuestion(
      'When did riders make their first trip on the electric bikes?',
      {
        knowledge,
        suggest: false,
      },
    )
    expect(answer.abstained).toBe(false)
    expect(answer.value).toBe(2023)
    expect(answer.answer.startsWith('2023 (last year)')).toBe(true)
  })

  it('tells English from other languages and scripts', () => {
    const knowledge = knowledgeOf(readCorpus(['test/fixtures/seed']))
    expect(isEnglish(knowledge, 'How many pilots did MOHURD run?')).toBe(true)
    expect(isEnglish(knowledge, 'Wie viele Piloten hat das Ministerium durchgeführt?')).toBe(false)
    expect(isEnglish(knowledge, '住房和城乡建设部有多少个试点？')).toBe(false)
    expect(isEnglish(knowledge, 'MOHURD?')).toBe(true)
    const { answer } = answerQuestion('¿Cuántos pilotos tiene el ministerio de vivienda?', {
      knowledge,
    })
    expect(answer.abstained).toBe(true)
    expect(answer.reason).toBe('not English')
    expect(answer.answer).toBe('I can only understand questions in English.')
    expect(answer.citations).toEqual([])
  })
}
