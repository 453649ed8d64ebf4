/** Text normalisation and content words: what a reply must share with an expected answer besides its numbers. */
import { numberWords } from './numbers'

// function words, question words and the ways of writing a ratio or a percentage that replies vary on
const stopwords = new Set(
  (
    'a an the of and or in on at to for from by with as is are was were be been being it its this that ' +
    'these those per than about around approximately some over under more less also which who whom whose what ' +
    'when where why how has have had do does did their there into up out he she they his her them i we you our ' +
    'your us until since then so but not only just all each both such other any very can will would could should ' +
    'may might must while says said according times time fold x percentage nearly almost roughly'
  ).split(' '),
)

/** one spelling for quotes, dashes, spaces, currency signs and percent, lowercased */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 4 && word.endsWith('sses')) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}

/** lowercased, stemmed words that carry meaning: no stopwords, no numbers, no scale words */
export function contentWords(text: string): string[] {
  const plain = normaliseText(text)
    .replace(/'s\b/g, '')
    .replace(/&/g, ' and ')
    .replace(/€/g, ' eur ')
    .replace(/£/g, ' gbp ')
    .replace(/\$/g, ' usd ')
    .replace(/\byuan\b/g, 'rmb')
    .replace(/\bper ?cent\b/g, '%')
  const words = plain.match(/[a-z][a-z0-9]*/g) ?? []
  return words.filter((w) => w.length > 1 && !stopwords.has(w) && !numberWords.has(w)).map(stem)
}
