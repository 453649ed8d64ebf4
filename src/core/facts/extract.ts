/** Extracts facts from every sentence and list line of a document, with the exact span that states each. */
import type { EntityResolver } from '../nlu/entities'
import { analyze, terms } from '../nlu/nlp'
import type { CorpusDocument, EntityType, Fact, Passage, Relation, Span } from '../types'
import { readAttributes } from './attributes'
import { readLists } from './lists'
import { baseName, findNames, type Name } from './names'
import { isSubject } from './phrases'
import { type Inherited, readQuantities } from './quantities'

const placeEnd =
  /\b(?:Delta|Region|Province|City|Zone|County|District|State|Island|Valley|Bay|River)$/
const orgHint =
  /\b(?:Ministry|Ministries|Bureau|Commission|Agency|Council|Authority|Administration|Department|Co|Corp|Inc|Ltd|Group|Company|Port|University|Institute|Association|Bank|Fund|Operator|Network)\b|^[A-Z]{2,}$/

export function guessType(name: string): EntityType {
  if (placeEnd.test(name)) return 'place'
  if (orgHint.test(name)) return 'org'
  return 'org'
}

/** "Electric" at a sentence's start, with the lower-case words after it up to the verb: "Electric buses" */
function nounPhrase(text: string, name: Name): string {
  const rest =
    /^((?:\s+[a-z][\w-]*){0,3}?)\s+(?:[a-z]+ed|made|took|has|have|had|is|are|was|were|holds|carried|moved|supplied)\b/.exec(
      text.slice(name.end),
    )
  return `${name.text}${rest?.[1] ?? ''}`
}

/** the noun a thing phrase is about: "installed wind capacity in Northmark" -> "capacity" */
export function headOf(thing: string): string | undefined {
  const tokens = analyze(thing.toLowerCase())
  const cut = tokens.findIndex(
    (t, i) => i > 0 && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'PUNCT'),
  )
  const main = cut > 0 ? tokens.slice(0, cut) : tokens
  const noun = main.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').at(-1)
  return noun?.lemma.replace(/^['’]+|['’]+$/g, '')
}

const subjectType: Record<Relation, EntityType> = {
  held_in: 'event',
  located_in: 'org',
  role: 'person',
  works_for: 'person',
  spoke_at: 'person',
  author: 'person',
}
const objectType: Record<Relation, EntityType> = {
  held_in: 'place',
  located_in: 'place',
  role: 'other',
  works_for: 'org',
  spoke_at: 'event',
  author: 'person',
}

const functionWord =
  /^(?:to|in|on|at|as|by|for|of|from|with|the|a|an|it|this|that|these|those|there|here|after|before|during|since|while|when)$/i

interface Sentence extends Span {
  passage: Passage
}

export function extractFacts(
  doc: CorpusDocument,
  passages: Passage[],
  entities: EntityResolver,
): Fact[] {
  const facts: Fact[] = []
  const known = new Set<string>()
  let lastOrg: string | undefined
  let lastPerson: string | undefined
  let inherited: Inherited | undefined
  /** names in the order the text gives them, for "the authority" -> the last "... Authority" */
  const recent: string[] = []
  const pointedTo = (pronoun: string) => {
    const word = /^the (\w+)$/.exec(pronoun)?.[1]
    if (word && !/^(?:company|firm|group|organi[sz]er)$/.test(word)) {
      // "the port" is a name headed by Port ("Port of Kestrel Bay", "Kestrel Bay Port"), not "Port Vision 2030"
      const named = recent.findLast((n) =>
        new RegExp(`^${word}\\b(?!.*\\d)|\\b${word}$`, 'i').test(n),
      )
      if (named) return entities.find(named) ?? entity(named)
    }
    return lastOrg ? entities.get(lastOrg) : undefined
  }
  let lastPassage: Passage | undefined
  let n = 0
  const base = (passage: Passage, span: Span, thing: string) => {
    const own = terms(thing)
    return {
      id: `${doc.docId}#f${n++}`,
      docId: doc.docId,
      passageId: passage.id,
      span,
      thing,
      thingTerms: own,
      head: headOf(thing) ?? own.at(-1),
      context: [],
      terms: [],
    }
  }
  // a capitalised word that opens a sentence is a name only if the text also capitalises it elsewhere
  const midCaps = new Set(doc.text.match(/(?<=[a-z,;] )[A-Z][A-Za-z]+/g) ?? [])
  let sentenceText = ''
  const isProper = (nm: Name) =>
    !/^[\s"“‘'([–-]*$/.test(sentenceText.slice(0, nm.start)) ||
    nm.text.includes(' ') ||
    /[A-Z].*[A-Z]/.test(nm.text) ||
    midCaps.has(nm.text)
  const entity = (name: Name | string, type?: EntityType) => {
    const text = baseName(typeof name === 'string' ? name : name.text)
    // a sentence's full stop is not part of a name, but "Co." keeps its own
    const clean = /\b(?:Co|Corp|Inc|Ltd)\.$/.test(text) ? text : text.replace(/\.$/, '')
    // "Wind made up 34%": a word capitalised only because it opens the sentence names a thing, not an organisation
    const common = typeof name !== 'string' && !isProper(name)
    return entities.resolve(clean, common ? 'other' : (type ?? guessType(clean)))
  }

  const sentences: Sentence[] = passages
    .filter((p) => p.kind !== 'heading')
    .flatMap((passage) => passage.sentences.map((s) => ({ ...s, passage })))

  for (const sentence of sentences) {
    const { passage } = sentence
    const text = doc.text.slice(sentence.start, sentence.end)
    sentenceText = text
    const at = (span: Span): Span => ({
      start: sentence.start + span.start,
      end: sentence.start + span.end,
    })
    const names = findNames(text)

    if (passage !== lastPassage) inherited = undefined
    lastPassage = passage
    const read = readQuantities(text, names, inherited)
    const lastFigure = read
      .filter((r) => r.kind === 'quantity' && r.quantity.unit !== 'year')
      .at(-1)
    if (lastFigure?.kind === 'quantity')
      inherited = { unit: lastFigure.quantity.unit, thing: lastFigure.thing }
    for (const raw of read) {
      const noun = raw.kind === 'quantity' ? raw.subjectNoun : undefined
      const owner = raw.owner
        ? isProper(raw.owner)
          ? entity(raw.owner)
          : // "Electric buses made up 60%": a sentence-opening common word heads a noun phrase, owner of the figure
            entities.resolve(nounPhrase(text, raw.owner).toLowerCase(), 'other')
        : noun
          ? entities.resolve(noun.text.toLowerCase(), 'other')
          : raw.pronoun
            ? pointedTo(raw.pronoun)
            : undefined
      // the sentence (or list line) that states the figure is the citation
      const span = { start: sentence.start, end: sentence.end }
      const common = {
        ...base(passage, span, raw.thing.text),
        ownerId: owner?.id,
        owner: owner?.name,
      }
      if (raw.kind === 'change')
        facts.push({ ...common, kind: 'change', from: raw.from, to: raw.to })
      else
        facts.push({
          ...common,
          kind: 'quantity',
          quantity: raw.quantity,
          rate: raw.rate,
          verb: raw.verb,
        })
    }

    for (const raw of readLists(text, names)) {
      const items = raw.items.map((item) =>
        entity(item, placeEnd.test(item.text) ? 'place' : guessType(item.text)),
      )
      facts.push({
        ...base(passage, at(raw.at), raw.label),
        kind: 'list',
        items: items.map((e) => e.name),
        itemIds: items.map((e) => e.id),
      })
    }

    for (const raw of readAttributes(text, names, known)) {
      // "To date, ...", "In 1883, ...": a capitalised word that opens a sentence names no one
      if (!('pronoun' in raw.subject) && functionWord.test(raw.subject.text)) continue
      const subject =
        'pronoun' in raw.subject
          ? raw.subject.pronoun === 'person'
            ? lastPerson
            : pointedTo(raw.subject.pronoun)?.id
          : entity(raw.subject, subjectType[raw.relation]).id
      if (!subject) continue
      const object =
        raw.relation === 'role' ? undefined : entity(raw.object.text, objectType[raw.relation])
      facts.push({
        ...base(passage, { start: sentence.start, end: sentence.end }, raw.relation),
        kind: 'attribute',
        relation: raw.relation,
        subjectId: subject,
        subject: entities.get(subject)?.name ?? subject,
        object: object?.name ?? raw.object.text,
        objectId: object?.id,
      })
    }
    // the subject a later "the company" or "it" points back to: "iSoftStone is one of ...", "Ostra Energy, the ..., is"
    const typeOf = (nm: Name) => entities.find(baseName(nm.text))?.type
    const firstOrg = names.find(
      (nm) => nm.start < 40 && typeOf(nm) !== 'person' && isProper(nm) && isSubject(text, nm),
    )
    const person = names.find((nm) => typeOf(nm) === 'person')
    // list lines drop articles ("286 pilots of Ministry of ..."): only prose says how a name is written
    if (passage.kind === 'paragraph')
      for (const name of names)
        entities.noteArticle(baseName(name.text), /\bthe\s+$/i.test(text.slice(0, name.start)))
    if (firstOrg) lastOrg = entity(firstOrg).id
    for (const name of names)
      if (typeOf(name) !== 'person' && isProper(name)) recent.push(baseName(name.text))
    if (person) lastPerson = entities.find(baseName(person.text))!.id
    // names seen in earlier sentences help find a company inside a long job title
    for (const name of names) known.add(baseName(name.text).split(' ')[0]!)
  }

  facts.push(...headingLists(doc, passages, base))
  const author = authorFact(doc, passages, base)
  if (author) facts.push(author)
  return facts
}

type Base = (
  passage: Passage,
  span: Span,
  thing: string,
) => Omit<Fact, 'kind'> & { context: string[] }

/** a heading over two or more list lines is a list: "China’s Smart City Snapshots" and its lines */
function headingLists(doc: CorpusDocument, passages: Passage[], base: Base): Fact[] {
  const out: Fact[] = []
  for (let i = 0; i < passages.length; i++) {
    const heading = passages[i]!
    if (heading.kind !== 'heading') continue
    // "Smart City Objectives – Economy, Quality of Life, Governance": the heading lists its items itself
    const own = /^(.+?)\s+[–—-]\s+(.+)$/.exec(doc.text.slice(heading.start, heading.end))
    const items = own?.[2]?.split(/\s*,\s*|\s+and\s+/).filter(Boolean) ?? []
    if (own && items.length >= 2) {
      out.push({
        ...(base(heading, { start: heading.start, end: heading.end }, own[1]!) as Omit<
          Fact,
          'kind'
        >),
        kind: 'list',
        items,
        itemIds: items.map(() => undefined),
      } as Fact)
    }
    const lines: Passage[] = []
    for (let j = i + 1; j < passages.length && passages[j]!.kind === 'line'; j++)
      lines.push(passages[j]!)
    if (lines.length < 2) continue
    const label = doc.text.slice(heading.start, heading.end).replace(/^#+\s*/, '')
    out.push({
      ...(base(lines[0]!, { start: lines[0]!.start, end: lines.at(-1)!.end }, label) as Omit<
        Fact,
        'kind'
      >),
      kind: 'list',
      items: lines.map((l) => doc.text.slice(l.start, l.end).replace(/^(?:[-*+•]|\d+[.)])\s+/, '')),
      itemIds: lines.map(() => undefined),
      itemSpans: lines.map((l) => ({ start: l.start, end: l.end })),
    } as Fact)
  }
  return out
}

/** the byline: "by Zia Askari" in the text, when the front matter names the author */
function authorFact(doc: CorpusDocument, passages: Passage[], base: Base): Fact | undefined {
  if (!doc.author) return undefined
  const at = doc.text.indexOf(doc.author)
  if (at < 0) return undefined
  const passage = passages.find((p) => p.start <= at && p.end > at)
  if (!passage) return undefined
  const by = doc.text.slice(Math.max(passage.start, at - 3), at) === 'by ' ? at - 3 : at
  return {
    ...(base(passage, { start: by, end: at + doc.author.length }, 'author') as Omit<Fact, 'kind'>),
    kind: 'attribute',
    relation: 'author',
    subjectId: doc.docId,
    subject: doc.title,
    object: doc.author,
  } as Fact
}
