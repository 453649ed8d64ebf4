/** Adversarial and random inputs for the property tests: unicode, control characters, RTL, emoji, HTML, maximum lengths. */
import fc from 'fast-check'

/** HTML a page could run if an answer echoed it */
export const tagNames = ['script', 'img', 'svg', 'iframe', 'b', 'div', 'style', 'a', 'body', 'math']

const html = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg/onload=alert(1)>',
    '"><script>alert(1)</script>',
    '</textarea><script>alert(1)</script>',
    '<<script>script>alert(1)<</script>/script>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;script&#62;',
    '<!-- x -->',
    '<![CDATA[<script>]]>',
    'javascript:alert(1)',
  ),
  fc
    .tuple(fc.constantFrom(...tagNames), fc.string({ maxLength: 20 }))
    .map(([t, attr]) => `<${t} title="${attr}">x</${t}>`),
  // nesting deep enough to hurt a naive tag stripper
  fc
    .tuple(fc.constantFrom(...tagNames), fc.integer({ min: 1, max: 150 }))
    .map(([t, n]) => `<${t}>`.repeat(n)),
  fc.integer({ min: 1, max: 1000 }).map((n) => '<'.repeat(n)),
)

const controls = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
})

const bidi = fc.constantFrom(
  '\u202Eevil\u202C',
  'مرحبا، كم عدد المدن؟',
  'כמה ערים יש?',
  '\u200F\u200E\u2066x\u2069',
  '\u061C\u200B\uFEFF',
)

const emoji = fc.constantFrom('👩‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '😀'.repeat(500), 'e\u0301\u0301\u0301')

/** lone surrogates: not valid UTF-16 text, yet a JS string may hold them */
const surrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  maxLength: 10,
})

/** long runs that make careless regular expressions backtrack */
export const runs = [
  ' '.repeat(1000),
  '.'.repeat(1000),
  '1'.repeat(1000),
  'a'.repeat(1000),
  '<'.repeat(1000),
  '-'.repeat(1000),
  '!'.repeat(1000),
  '?'.repeat(1000),
  "'".repeat(1000),
  '\t'.repeat(1000),
  '\n'.repeat(1000),
  '. '.repeat(500),
  'A. '.repeat(333),
  '1,'.repeat(500),
  '&amp;'.repeat(200),
  '<a '.repeat(333),
  'in the '.repeat(142),
  'according to '.repeat(76),
  'ministry of a and '.repeat(55),
  'How many pilots did '.repeat(50),
]

const questions = fc.constantFrom(
  'How many pilots did MOHURD run?',
  'How many smart city pilots are there?',
  'What was the urban population in 2015?',
  'Which company is spearheading the smart city revolution?',
  'and the NDRC?',
  'why?',
)

const piece = fc.oneof(
  { weight: 3, arbitrary: questions },
  { weight: 3, arbitrary: html },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: controls },
  { weight: 1, arbitrary: bidi },
  { weight: 1, arbitrary: emoji },
  { weight: 1, arbitrary: surrogates },
  { weight: 1, arbitrary: fc.constantFrom(...runs) },
)

const anyString = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 990, maxLength: 1010 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...runs), fc.constantFrom('', 'a', 'A', '?', '<b>', ' x'))
      .map(([run, tail]) => `${run}${tail}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u00A0\u3000', 'a'.repeat(1001)) },
)

/** any string a client might send; mostly cut to the 1000-character limit, so most reach the core */
export const adversarialString = fc
  .tuple(anyString, fc.nat(3))
  .map(([s, n]) => (n === 0 ? s : s.slice(0, 1000)))

/** session ids: mostly well-formed, sometimes anything */
export const sessionish = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
  adversarialString,
  fc.jsonValue(),
)

/** a string made safe to put in a URL path or query: lone surrogates replaced */
export function wellFormed(s: string): string {
  return s.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
}

const tagPatterns = tagNames.map((t) => new RegExp(`<${t}[\\s/>]`, 'i'))

/** the tags of `tagNames` that the input holds (raw, or as entities a cleaner might decode) and the output repeats */
export function echoedTags(input: string, output: string): string[] {
  const decoded = input.replace(/&lt;|&#60;/gi, '<')
  return tagPatterns.filter((p) => p.test(decoded) && p.test(output)).map((p) => p.source)
}
