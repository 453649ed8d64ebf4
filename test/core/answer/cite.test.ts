/** A long sentence is quoted by its clauses around the answer: an exact, short slice that holds the focus. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quoteSpan } from '../../../src/core/answer/cite'

const clause = (i: number) => `clause number ${i} says something about the subject at length`
const long = `${Array.from({ length: 12 }, (_, i) => clause(i)).join(', ')}.`

describe('quoteSpan', () => {
  it('keeps a sentence within the limit whole', () => {
    const text = 'A short sentence, with a clause.'
    expect(quoteSpan(text, { start: 0, end: text.length }, 5)).toEqual({
      start: 0,
      end: text.length,
    })
  })

  it.each([0, 3, 7, 11])('quotes whole clauses around clause %i of a long sentence', (i) => {
    const focus = long.indexOf(clause(i))
    const span = quoteSpan(long, { start: 0, end: long.length }, focus, { maxQuote: 200 })
    const quote = long.slice(span.start, span.end)
    expect(quote.length).toBeLessThanOrEqual(200)
    expect(quote).toContain(clause(i))
    expect(quote).toMatch(/^clause number \d+/)
    expect(quote).not.toMatch(/[,\s]$/)
  })

  it('cuts one over-long clause at the words around the focus', () => {
    const words = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ')
    const focus = words.indexOf('w90')
    const span = quoteSpan(words, { start: 0, end: words.length }, focus, { maxQuote: 100 })
    const quote = words.slice(span.start, span.end)
    expect(quote.length).toBeLessThanOrEqual(100)
    expect(quote).toContain('w90')
    expect(quote).toMatch(/^w\d+/)
    expect(quote).toMatch(/w\d+$/)
  })

  it('always gives a slice within the sentence, at most the limit long, holding the focus', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('word', 'another', ',', ';', ' - ', '(note)', 'x'), {
          maxLength: 300,
        }),
        fc.nat(),
        fc.integer({ min: 40, max: 300 }),
        (parts, at, max) => {
          const text = `Intro. ${parts.join(' ')} end.`
          const sentence = { start: 7, end: text.length }
          const focus = sentence.start + (at % (sentence.end - sentence.start))
          const span = quoteSpan(text, sentence, focus, { maxQuote: max })
          expect(span.start).toBeGreaterThanOrEqual(sentence.start)
          expect(span.end).toBeLessThanOrEqual(sentence.end)
          expect(span.end - span.start).toBeLessThanOrEqual(Math.max(max, 0))
          expect(span.end).toBeGreaterThan(span.start)
        },
      ),
    )
  })
})
