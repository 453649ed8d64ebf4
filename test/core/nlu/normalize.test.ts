/** cleanQuestion and nameKey: what a question and a name are reduced to before they are compared. */
import { describe, expect, it } from 'vitest'
import { cleanQuestion, nameKey } from '../../../src/core/nlu/normalize'

describe('cleanQuestion', () => {
  it('drops HTML tags and collapses the space they leave', () => {
    expect(cleanQuestion('<b>How</b> many   <i>pilots</i>?')).toBe('How many pilots ?')
    expect(cleanQuestion('<p class="q">Where is Acme based?</p>')).toBe('Where is Acme based?')
  })

  it('decodes the common HTML entities', () => {
    expect(cleanQuestion('How&nbsp;many &amp; which &quot;pilots&quot; &#39;now&#39;?')).toBe(
      'How many & which "pilots" \'now\'?',
    )
  })

  it('straightens curly quotes and dashes', () => {
    expect(cleanQuestion('“MOHURD’s” pilots – 2015—2020')).toBe('"MOHURD\'s" pilots - 2015-2020')
  })

  it('turns control and zero-width characters into spaces and trims', () => {
    expect(cleanQuestion('\u0000How\u0007many\u200bpilots?\r\n')).toBe('How many pilots?')
  })

  it('folds full-width letters to plain ones', () => {
    expect(cleanQuestion('ＭＯＨＵＲＤ')).toBe('MOHURD')
  })

  it('leaves a plain question as it is, and a blank one empty', () => {
    expect(cleanQuestion('How many pilots did MOHURD run?')).toBe('How many pilots did MOHURD run?')
    expect(cleanQuestion('  \n\t ')).toBe('')
  })

  it('keeps a "<" that opens no tag', () => {
    expect(cleanQuestion('Is 3 < 5?')).toBe('Is 3 < 5?')
  })
})

describe('nameKey', () => {
  it('lower-cases, drops a leading article, possessives, quotes, hyphens and a final full stop', () => {
    expect(nameKey('The Ministry of Housing')).toBe('ministry of housing')
    expect(nameKey('China’s')).toBe('china')
    expect(nameKey('Beijing-Tianjin-Hebei Region')).toBe('beijing tianjin hebei region')
    expect(nameKey('“Acme Corp.”')).toBe('acme corp')
  })

  it('gives different names different keys', () => {
    expect(nameKey('Harbour Authority')).not.toBe(nameKey('Harbour Agency'))
    expect(nameKey('Theatre Royal')).toBe('theatre royal')
  })
})
