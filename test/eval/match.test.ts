import { describe, expect, it } from 'vitest'
import { citesPhrase, type Reply, scoreReply, statesAnswer } from '../../scripts/eval/match'
import { contentWords } from '../../scripts/eval/words'

const quote = '286 smart city pilots of Ministry of Housing and Urban-Rural Development'
const cited: Reply['citations'] = [
  { docId: 'd', title: 't', passageId: 'd#p1', quote, start: 0, end: quote.length },
]
const reply = (answer: string, more: Partial<Reply> = {}): Reply => ({
  answer,
  abstained: false,
  kind: 'fact',
  citations: cited,
  ...more,
})

describe('contentWords', () => {
  it('drops stopwords, numbers and scale words and stems plurals', () => {
    expect(contentWords('The 3 busiest cities of the region, 580 million people')).toEqual([
      'busiest',
      'city',
      'region',
      'people',
    ])
  })

  it('drops possessives and reads currency signs', () => {
    expect(contentWords("China's urbanization costs €5")).toEqual([
      'china',
      'urbanization',
      'cost',
      'eur',
    ])
  })
})

describe('statesAnswer', () => {
  it('needs every number and 80% of the content words', () => {
    const s = statesAnswer(
      'Beijing-Tianjin-Hebei, the Yangtze River Delta and the Pearl River Delta',
      'Beijing-Tianjin-Hebe Region, the Yangtze River Delta and the Pearl River Delta.',
    )
    expect(s).toEqual({ stated: true, missingNumbers: [], missingWords: ['hebei'] })
  })

  it('fails when too few content words are there', () => {
    expect(statesAnswer('head of system operations at Westgrid', 'She works at Westgrid.')).toEqual(
      {
        stated: false,
        missingNumbers: [],
        missingWords: ['head', 'system', 'operation'],
      },
    )
  })

  it('fails when a number is missing, whatever the words', () => {
    expect(
      statesAnswer('206 (286 - 80)', 'MOHURD ran 206 more pilots than the NDRC (286)'),
    ).toEqual({
      stated: false,
      missingNumbers: ['80'],
      missingWords: [],
    })
  })
})

describe('citesPhrase', () => {
  it('finds a phrase in a quote regardless of case and quote style', () => {
    const curly = [{ ...cited[0]!, quote: 'China\u2019s \u201cBroadband China\u201d  pilots' }]
    expect(citesPhrase('china\'s "broadband china" pilots', { citations: curly })).toBe(true)
  })

  it('fails when no quote contains the phrase', () => {
    expect(citesPhrase('80 pilots', { citations: cited })).toBe(false)
  })
})

describe('scoreReply', () => {
  it('passes a stated, cited answer', () => {
    expect(
      scoreReply(
        { answer: '286', cites: '286 smart city pilots' },
        reply('MOHURD ran 286 pilots.'),
      ),
    ).toEqual({ ok: true, failures: [] })
  })

  it('names every failed check', () => {
    expect(
      scoreReply(
        { answer: '80', answerAll: ['NDRC'], cites: '80 pilots', kind: 'computed' },
        reply('MOHURD ran 286 pilots.'),
      ),
    ).toEqual({
      ok: false,
      failures: [
        '"80" not stated (missing numbers 80)',
        '"NDRC" not stated (missing words ndrc)',
        'no citation contains "80 pilots"',
        'kind is fact, expected computed',
      ],
    })
  })

  it('passes an abstention without citations', () => {
    expect(
      scoreReply(
        { abstained: true },
        reply("The articles don't say.", { abstained: true, kind: 'none', citations: [] }),
      ),
    ).toEqual({ ok: true, failures: [] })
  })

  it('fails an abstention that cites something', () => {
    expect(scoreReply({ abstained: true }, reply('Not covered.', { abstained: true }))).toEqual({
      ok: false,
      failures: ['an abstention must cite nothing'],
    })
  })

  it('fails an answer where an abstention was expected', () => {
    expect(scoreReply({ abstained: true }, reply('286 pilots', { citations: [] }))).toEqual({
      ok: false,
      failures: ['answered, expected an abstention'],
    })
  })

  it('fails an abstention where an answer was expected', () => {
    expect(
      scoreReply({ answer: '286' }, reply('286 is not something I know.', { abstained: true })),
    ).toEqual({ ok: false, failures: ['abstained, expected an answer'] })
  })
})
