/** Reading one corpus file into a document: front matter, titles, ids, and the files that are refused. */
import { describe, expect, it } from 'vitest'
import { docIdFromFileName, parseCorpusFile } from '../../../src/core/corpus/parse'
import { thrown } from '../helpers'

describe('parseCorpusFile: .md', () => {
  it('reads title, author, published and source from front matter and keeps only the article as text', () => {
    const raw = [
      '---',
      'title: "Valmora opens its tram line"',
      'author: Lena Okafor',
      'published: 2024-03-14',
      'source: Valmora Daily',
      '---',
      '',
      'The tram line opened on Monday.',
      '',
      'It carries 12,000 riders a day.',
      '',
    ].join('\n')
    expect(parseCorpusFile('valmora-tram.md', raw)).toEqual({
      docId: 'valmora-tram',
      title: 'Valmora opens its tram line',
      author: 'Lena Okafor',
      published: '2024-03-14',
      source: 'Valmora Daily',
      text: 'The tram line opened on Monday.\n\nIt carries 12,000 riders a day.',
    })
  })

  it('takes a leading "# " heading as the title when there is no front matter, and drops it from the text', () => {
    const doc = parseCorpusFile(
      'notes.md',
      '# Harbour report\n\nFerries carried 3.2 million people.',
    )
    expect(doc.title).toBe('Harbour report')
    expect(doc.text).toBe('Ferries carried 3.2 million people.')
    expect(doc.author).toBeUndefined()
  })

  it('refuses a file with neither a title in front matter nor a "# " heading', () => {
    const error = thrown(() => parseCorpusFile('notes.md', 'Ferries carried 3.2 million people.'))
    expect(error.code).toBe('corpus_unreadable')
    expect(error.message).toBe(
      'corpus/notes.md: no title: add "title:" front matter or a "# " heading',
    )
    expect(error.file).toBe('notes.md')
  })

  it('refuses front matter that is not YAML, naming the file and the parser’s reason', () => {
    const error = thrown(() => parseCorpusFile('bad.md', '---\ntitle: "unclosed\n---\nBody.'))
    expect(error.code).toBe('corpus_unreadable')
    expect(error.message).toBe(
      'corpus/bad.md: bad front matter (Missing closing "quote at line 1, column 17:)',
    )
  })

  it('refuses front matter that is a list, and a title that is not text', () => {
    expect(thrown(() => parseCorpusFile('list.md', '---\n- a\n- b\n---\nBody.')).message).toBe(
      'corpus/list.md: front matter must be key: value lines',
    )
    expect(
      thrown(() => parseCorpusFile('nested.md', '---\ntitle: {a: 1}\n---\nBody.')).message,
    ).toBe('corpus/nested.md: front matter "title" must be text')
  })

  it('refuses a file whose article is empty after the front matter', () => {
    expect(thrown(() => parseCorpusFile('empty.md', '---\ntitle: T\n---\n\n  \n')).message).toBe(
      'corpus/empty.md: the article is empty',
    )
  })

  it('refuses an empty .md file', () => {
    expect(thrown(() => parseCorpusFile('empty.md', '')).message).toBe(
      'corpus/empty.md: no title: add "title:" front matter or a "# " heading',
    )
  })
})

describe('parseCorpusFile: .txt', () => {
  it('takes the first non-empty line as the title and the rest as the article, normalising BOM and CRLF', () => {
    const doc = parseCorpusFile(
      'ferries.txt',
      '\uFEFF\r\nHarbour ferries\r\n\r\nFerries carried 3.2 million people.\r\nFares fell.\r\n',
    )
    expect(doc).toEqual({
      docId: 'ferries',
      title: 'Harbour ferries',
      text: 'Ferries carried 3.2 million people.\nFares fell.',
    })
  })

  it('refuses an empty file', () => {
    const error = thrown(() => parseCorpusFile('empty.txt', ''))
    expect(error.code).toBe('corpus_unreadable')
    expect(error.message).toBe('corpus/empty.txt: the file is empty')
    expect(thrown(() => parseCorpusFile('blank.txt', '  \n\n')).message).toBe(
      'corpus/blank.txt: the file is empty',
    )
  })

  it('refuses a file that has only a title line', () => {
    expect(thrown(() => parseCorpusFile('title.txt', 'Only a title\n')).message).toBe(
      'corpus/title.txt: the article is empty (only a title line)',
    )
  })
})

describe('parseCorpusFile: files that are not articles', () => {
  it('refuses a file with a NUL byte as not text', () => {
    const error = thrown(() => parseCorpusFile('image.md', '# T\n\nab\u0000cd'))
    expect(error.code).toBe('corpus_unreadable')
    expect(error.message).toBe('corpus/image.md: it is not a text file')
  })

  it('refuses an extension other than .md and .txt', () => {
    const error = thrown(() => parseCorpusFile('report.pdf', 'Title\n\nBody.'))
    expect(error.code).toBe('corpus_unreadable')
    expect(error.message).toBe('corpus/report.pdf: only .md and .txt files are articles')
    expect(error.file).toBe('report.pdf')
  })

  it('refuses a file name that gives no document id', () => {
    expect(thrown(() => parseCorpusFile('.md', '# T\n\nBody.')).message).toBe(
      'corpus/.md: the file name gives no document id',
    )
  })
})

describe('docIdFromFileName', () => {
  it('is the file name without folder and extension, lower-cased and URL-safe', () => {
    expect(docIdFromFileName('china-smart-cities.md')).toBe('china-smart-cities')
    expect(docIdFromFileName('corpus/Harbour Report 2024!.TXT')).toBe('harbour-report-2024')
    expect(docIdFromFileName('C:\\news\\Port_News.md')).toBe('port_news')
    expect(parseCorpusFile('Harbour Report.md', '# T\n\nBody.').docId).toBe('harbour-report')
  })

  it('gives nothing for a name with no letters or digits', () => {
    expect(docIdFromFileName('!!!.md')).toBe('')
  })
})
