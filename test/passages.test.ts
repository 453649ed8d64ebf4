import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitPassages, splitSentences } from '../src/core/corpus/passages'
import { readCorpus } from '../src/runtime/node/files'
import { seedCorpus } from './corpora'

describe('splitPassages', () => {
  it('gives back every passage and sentence exactly from its offsets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.lorem({ maxCount: 12, mode: 'sentences' }),
            fc.lorem({ maxCount: 6, mode: 'words' }),
            fc.string({ unit: 'grapheme', maxLength: 80 }),
            fc.constantFrom(
              '286 smart city pilots of MIIT',
              '## Heading',
              '- item one\n- item two',
              'Co. Ltd. said 2.8% rose.',
            ),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom('\n\n', '\n', '\n \n', '\r\n\r\n'),
        (blocks, sep) => {
          const text = blocks.join(sep)
          const passages = splitPassages({ docId: 'd', title: 't', text })
          for (const p of passages) {
            const slice = text.slice(p.start, p.end)
            expect(slice).toBe(slice.trim())
            expect(slice.length).toBeGreaterThan(0)
            for (const s of p.sentences) {
              expect(s.start).toBeGreaterThanOrEqual(p.start)
              expect(s.end).toBeLessThanOrEqual(p.end)
              expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end))
            }
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('splits the seed article into headings, list lines and paragraphs, keeping the heading as context', () => {
    const [doc] = readCorpus(seedCorpus)
    const passages = splitPassages(doc!)
    const line = passages.find((p) =>
      doc!.text.slice(p.start, p.end).startsWith('286 smart city pilots'),
    )
    expect(line?.kind).toBe('line')
    expect(line?.heading).toBe('Acceleration of China’s Smart City’s Construction')
    const heading = passages.find(
      (p) => doc!.text.slice(p.start, p.end) === 'China’s Smart City Snapshots',
    )
    expect(heading?.kind).toBe('heading')
  })

  it.each([
    ['a figure line', 'Budget: RMB 100 million', 'line'],
    [
      'a paragraph ending in a note',
      'It opened in 1804. It ran 9 miles.[citation needed]',
      'paragraph',
    ],
    [
      'a paragraph ending in a page reference',
      'Forces add up in 1687. So do 2 more.:19-1',
      'paragraph',
    ],
    [
      'one sentence ending in a note',
      'The pilots numbered 286 in 2015.[citation needed]',
      'paragraph',
    ],
  ])('reads %s as a passage of kind %s', (_, text, kind) => {
    expect(splitPassages({ docId: 'd', title: 't', text })[0]?.kind).toBe(kind)
  })
})

describe('splitSentences', () => {
  it('does not split after an abbreviation or inside a decimal', () => {
    const text = 'Walter Fang of iSoftStone Co. said growth was 2.8% in 2015. It rose again.'
    const spans = splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end))
    expect(spans).toEqual([
      'Walter Fang of iSoftStone Co. said growth was 2.8% in 2015.',
      'It rose again.',
    ])
  })

  it.each([
    [
      'a decade: "1970s." ends a sentence',
      'Amendments came in the 1960s and 1970s. Major treaties followed.',
      2,
    ],
    ['a temperature unit', 'Condensers run at around 30 °C. This gives an efficiency of 63%.', 2],
    [
      'a letter before a bracket',
      'X is the hardest problem in C. (Since many are equally hard, it is one.)',
      2,
    ],
    ["an editor's note", 'The vote was taken.[citation needed] Since then it has stood.', 2],
    ['a page reference', 'Empires are excluded.:116 Thus it can be said.', 2],
    ['"etc." before a word that opens sentences', 'It bans dishes etc. As a result, it failed.', 2],
    [
      'a colon before a paragraph gap',
      'The classes are the following:  Other classes include BPP.',
      2,
    ],
    ['an initial before a name', 'The bridge was opened by John F. Kennedy in 1962.', 1],
    ['initials before a name', 'The theory came from J. A. Hobson and others.', 1],
    ['a title before a name', 'In 1685, Rev. Elie Prioleau arrived.', 1],
    ['"Inc." before a name-like word', 'Shares of Acme Inc. Holdings rose.', 1],
    ['a decimal', 'Growth was 2.8% in 2015.', 1],
  ])('splits %s', (_, text, count) => {
    expect(splitSentences(text, 0, text.length)).toHaveLength(count)
  })
})
