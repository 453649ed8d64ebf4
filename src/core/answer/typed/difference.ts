/** A difference asked of one sentence: a change it states ("fell by 3.8%") or two figures it compares. */
import { type Figure, findFigures, formatValue } from '../../facts/numbers'
import type { TypedSpan } from './candidates'

// a change said with its size: "fell by 3.8%", "a decline of 133,000", "up 20%"
const changeWord =
  /\b(?:by|of|up|down|rose|fell|dropped|dipped|slipped|climbed|jumped|surged|soared|slumped|plunged|tumbled|edged (?:up|down)|gained|lost|grew|shrank|cut|increase[ds]?|decrease[ds]?|decline[ds]?|improvement|rise|fall|drop)\s+(?:(?:nearly|almost|about|around|some|more than|over|just)\s+)?$/i

/** the difference a sentence gives or lets one compute, as a span of the sentence (the stated figure, or both compared) */
export function differenceIn(sentence: string): TypedSpan | undefined {
  const figures = findFigures(sentence).filter((f) => f.unit !== 'year')
  const stated = figures.find((f) =>
    changeWord.test(sentence.slice(Math.max(0, f.start - 30), f.start)),
  )
  // two figures of one kind: "fell to 537m euros ... from 798m euro", "305,775 ..., down from 311,764";
  // a change the sentence states itself ("totalled 1,751,000, a decline of 133,000") is not computed again
  const pair = stated ? undefined : samePair(figures)
  if (pair) {
    const [a, b] = pair
    const value = Math.abs(a.value - b.value)
    const shown = formatValue(value, a.unit, a.currency, a.measure)
    const points = a.unit === 'percent' ? `${shown.replace('%', '')} percentage points` : shown
    return {
      start: Math.min(a.start, b.start),
      end: Math.max(a.end, b.end),
      text: `${points} (${a.display} and ${b.display})`,
      type: 'number',
      value,
      unit: a.currency ?? (a.unit === 'percent' ? 'percentage points' : undefined),
    }
  }
  if (stated)
    return {
      start: stated.start,
      end: stated.end,
      text: stated.display,
      type: 'number',
      value: stated.value,
      unit: stated.currency,
    }
  return undefined
}

function samePair(figures: Figure[]): [Figure, Figure] | undefined {
  for (let i = 0; i < figures.length; i++)
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!
      const b = figures[j]!
      if (a.unit === b.unit && (a.currency ?? '') === (b.currency ?? '') && a.value !== b.value)
        return [a, b]
    }
  return undefined
}
