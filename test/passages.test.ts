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
})
