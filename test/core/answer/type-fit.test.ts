/** How well a span's kind answers the kind asked: fully, as a near kind, or not at all. */
import { describe, expect, it } from 'vitest'
import { typeFit } from '../../../src/core/answer/typed/candidates'

describe('typeFit', () => {
  it.each([
    ['count', 'count', 1],
    ['number', 'money', 0.5],
    ['money', 'percent', 0.5],
    ['duration', 'date', 0.5],
    ['person', 'name', 0.5],
    // "how long do they take?" is not answered by "61 lifts"
    ['duration', 'count', 0],
    ['date', 'money', 0],
    ['place', 'person', 0],
  ] as const)('a %s asked, a %s found: %d', (asked, span, fit) => {
    expect(typeFit(asked, span)).toBe(fit)
  })
})
