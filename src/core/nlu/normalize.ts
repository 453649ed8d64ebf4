/** Text normalisation shared by questions, aliases and facts, so that they compare equal. */

/** a literal string as a pattern: every character that means something to a regular expression escaped */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const htmlTag = /<\/?[A-Za-z][^<>]{0,200}>/g

/** cleans a raw question: tags, entities, curly quotes, control characters, runs of space */
export function cleanQuestion(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(htmlTag, ' ')
    .replace(
      /&(?:amp|lt|gt|quot|#39|nbsp);/g,
      (e) =>
        ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' })[
          e
        ] ?? ' ',
    )
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** the comparable key of a name: lowercase words, no articles, quotes or hyphens */
export function nameKey(name: string): string {
  // a light pass: the text is a cleaned question or a name, so tags and control characters are gone
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/['"]s\b/g, '')
    .replace(/[^a-z0-9&%.+]+/g, ' ')
    .replace(/\.(?=\s|$)/g, '')
    .replace(/^(?:the|a|an) /, '')
    .replace(/\s+/g, ' ')
    .trim()
}
