/** Extracts facts from every sentence and list line of a document, with the exact span that states each. */
import type { EntityResolver } from '../nlu/entities'
import type { NamePatterns } from '../nlu/lexicon'
import { analyze, terms } from '../nlu/nlp'
import type {
  CorpusDocument,
  EntityType,
  Fact,
  FigureStatement,
  Passage,
  Relation,
  Span,
} from '../types'
import { isPersonName, readAttributes } from './attributes'
import { genderWords, nameGender, noPeople, notePerson, type People, personFor } from './genders'
import { readLists } from './lists'
import { baseName, findNames, type Name } from './names'
import { isSubject } from './phrases'
import {
  type Inherited,
  type RawChange,
  type RawQuantity,
  type RawStatement,
  readQuantities,
} from './quantities'
import { relationWords } from './relations'
import { personNames } from './rules/person-cues'

/** a name the document's cues say is a person's is a person; one ending in a place's word a place; any other an organisation */
export function guessType(
  name: string,
  patterns: NamePatterns,
  persons: ReadonlySet<string> = new Set(),
): EntityType {
  if (persons.has(name)) return 'person'
  return patterns.placeEnd.test(name) ? 'place' : 'org'
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

/** what the sentences read so far point back to, carried from one sentence to the next */
export interface Discourse {
  /** the organisation a later "the company" or "it" means */
  lastOrg?: string
  /** the person a later "he" or "she" means when nothing says their gender */
  lastPerson?: string
  /** the people named so far, and what titles, given names and pronouns said of their gender */
  people: People
  /** the unit and thing of the passage's last figure, for a figure that names neither */
  inherited?: Inherited
  /** the passage of the sentence before: an inherited figure does not cross passages */
  lastPassage?: Passage
  /** names in the order the text gives them, for "the authority" -> the last "... Authority" */
  recent: string[]
  /** first words of the names seen, to find a company inside a long job title */
  known: Set<string>
}

/** one document being read: where its facts go and how its names become entities */
interface Reading {
  doc: CorpusDocument
  entities: EntityResolver
  patterns: NamePatterns
  /** capitalised words the text uses mid-sentence: such a word opening a sentence is still a name */
  midCaps: Set<string>
  /** facts numbered so far, for the next fact's id */
  count: number
  /** the names the document's cues say are people's (rules/person-cues.ts) */
  persons: ReadonlySet<string>
}

/** one sentence (or list line) being read */
interface SentenceReading {
  reading: Reading
  passage: Passage
  /** where the sentence is in the document: the citation of its facts */
  span: Span
  text: string
  names: Name[]
}

function baseFact(reading: Reading, passage: Passage, span: Span, thing: string) {
  const own = terms(thing)
  return {
    id: `${reading.doc.docId}#f${reading.count++}`,
    docId: reading.doc.docId,
    passageId: passage.id,
    span,
    thing,
    thingTerms: own,
    head: headOf(thing) ?? own.at(-1),
    context: [],
    terms: [],
  }
}

/** a capitalised word that opens a sentence is a name only if the text also capitalises it elsewhere */
function isProper(reading: Reading, text: string, name: Name): boolean {
  return (
    !/^[\s"“‘'([–-]*$/.test(text.slice(0, name.start)) ||
    name.text.includes(' ') ||
    /[A-Z].*[A-Z]/.test(name.text) ||
    reading.midCaps.has(name.text)
  )
}

function entityOf(reading: Reading, text: string, name: Name | string, type?: EntityType) {
  const base = baseName(typeof name === 'string' ? name : name.text)
  // a sentence's full stop is not part of a name, but "Co." keeps its own
  const clean = reading.patterns.suffixWithStop.test(base) ? base : base.replace(/\.$/, '')
  // "Wind made up 34%": a word capitalised only because it opens the sentence names a thing, not an organisation
  const common = typeof name !== 'string' && !isProper(reading, text, name)
  return reading.entities.resolve(
    clean,
    common ? 'other' : (type ?? guessType(clean, reading.patterns, reading.persons)),
  )
}

/** the entity "the authority", "the company" or "it" points back to */
function pointedTo(reading: Reading, discourse: Discourse, pronoun: string) {
  const word = /^the (\w+)$/.exec(pronoun)?.[1]
  if (word && !/^(?:company|firm|group|organi[sz]er)$/.test(word)) {
    // "the port" is a name headed by Port ("Port of Kestrel Bay", "Kestrel Bay Port"), not "Port Vision 2030"
    const named = discourse.recent.findLast((n) =>
      new RegExp(`^${word}\\b(?!.*\\d)|\\b${word}$`, 'i').test(n),
    )
    if (named) return reading.entities.find(named) ?? entityOf(reading, '', named)
  }
  return discourse.lastOrg ? reading.entities.get(discourse.lastOrg) : undefined
}

/** figures and changes, each owned by a name, a noun phrase or what a pronoun points back to */
function quantityFacts(s: SentenceReading, discourse: Discourse): Fact[] {
  const { reading, passage, text, names } = s
  if (passage !== discourse.lastPassage) discourse.inherited = undefined
  discourse.lastPassage = passage
  const read = readQuantities(
    text,
    names,
    discourse.inherited,
    relationWords(reading.entities.language),
  )
  const lastFigure = read.filter((r) => r.kind === 'quantity' && r.quantity.unit !== 'year').at(-1)
  if (lastFigure?.kind === 'quantity')
    discourse.inherited = { unit: lastFigure.quantity.unit, thing: lastFigure.thing }
  return read.map((raw): Fact => {
    const owner = ownerOf(s, discourse, raw)
    // the sentence (or list line) that states the figure is the citation
    const common = {
      ...baseFact(reading, passage, { ...s.span }, raw.thing.text),
      ownerId: owner?.id,
      owner: owner?.name,
    }
    const said = statementOf(raw, s.span.start)
    if (raw.kind === 'change')
      return { ...common, kind: 'change', from: raw.from, to: raw.to, ...said }
    // "8.9 days for similar patients in a hospital bed": the group's words find the figure
    const thingTerms = said.group
      ? [...new Set([...common.thingTerms, ...terms(said.group)])]
      : common.thingTerms
    return {
      ...common,
      thingTerms,
      kind: 'quantity',
      quantity: raw.quantity,
      rate: raw.rate,
      verb: raw.verb,
      ...said,
    }
  })
}

/** whose figure it is: a name, a noun phrase, or what a pronoun means; a compared figure's is its group */
function ownerOf(s: SentenceReading, discourse: Discourse, raw: RawQuantity | RawChange) {
  const { reading, text } = s
  // a compared figure's group is said in its own field, not made an entity: its words would be read as a name
  if (raw.kind === 'quantity' && raw.group) return undefined
  const noun = raw.kind === 'quantity' ? raw.subjectNoun : undefined
  if (raw.owner)
    return isProper(reading, text, raw.owner)
      ? entityOf(reading, text, raw.owner)
      : // "Electric buses made up 60%": a sentence-opening common word heads a noun phrase, owner of the figure
        reading.entities.resolve(nounPhrase(text, raw.owner).toLowerCase(), 'other')
  if (noun) return reading.entities.resolve(noun.text.toLowerCase(), 'other')
  if (raw.kind === 'quantity' && raw.person)
    return personAt(s, discourse, raw.person.value, raw.person.span.start)
  return raw.pronoun ? pointedTo(reading, discourse, raw.pronoun) : undefined
}

/** a raw figure's relation, qualifier and group, with spans into the document; absent fields left out */
function statementOf(raw: RawStatement, offset: number): FigureStatement {
  const at = (span: Span) => ({ start: span.start + offset, end: span.end + offset })
  const out: FigureStatement = {}
  if (raw.relation)
    Object.assign(out, { relation: raw.relation.value, relationSpan: at(raw.relation.span) })
  if (raw.qualifier)
    Object.assign(out, { qualifier: raw.qualifier.value, qualifierSpan: at(raw.qualifier.span) })
  if (raw.group) Object.assign(out, { group: raw.group.text, groupSpan: at(raw.group) })
  return out
}

/** a name that stands for a person: already one, or a person's name whose title or given name says a gender */
function personName(s: SentenceReading, name: Name): boolean {
  const { reading, text } = s
  // "Mr Prys's work": the name without its possessive
  const base = { ...name, text: baseName(name.text) }
  if (reading.entities.find(base.text)?.type === 'person' || reading.persons.has(base.text))
    return true
  const words = genderWords(reading.entities.language)
  return (
    isPersonName(base, reading.patterns) &&
    nameGender(words, base.text, text.slice(0, name.start)) !== undefined
  )
}

/** the person "he" or "she" at `at` means: one named before it in the sentence, nearest first, or earlier */
function personAt(s: SentenceReading, discourse: Discourse, pronoun: string, at: number) {
  const nearby = s.names
    .filter((n) => n.end <= at && personName(s, n))
    .reverse()
    .map((n) => entityOf(s.reading, s.text, n, 'person').id)
  for (const id of nearby)
    if (!discourse.people.order.includes(id)) notePersonName(s, discourse, id)
  const id = personFor(discourse.people, pronoun, nearby, discourse.lastPerson)
  return id ? s.reading.entities.get(id) : undefined
}

function listFacts(s: SentenceReading): Fact[] {
  const { reading, passage, text, names } = s
  return readLists(text, names).map((raw) => {
    const items = raw.items.map((item) =>
      entityOf(reading, text, item, guessType(item.text, reading.patterns, reading.persons)),
    )
    const at = { start: s.span.start + raw.at.start, end: s.span.start + raw.at.end }
    return {
      ...baseFact(reading, passage, at, raw.label),
      kind: 'list',
      items: items.map((e) => e.name),
      itemIds: items.map((e) => e.id),
    }
  })
}

function attributeFacts(s: SentenceReading, discourse: Discourse): Fact[] {
  const { reading, passage, text, names } = s
  const out: Fact[] = []
  for (const raw of readAttributes(text, names, discourse.known, reading.patterns)) {
    // "To date, ...", "In 1883, ...": a capitalised word that opens a sentence names no one
    if (!('pronoun' in raw.subject) && functionWord.test(raw.subject.text)) continue
    const subject =
      'pronoun' in raw.subject
        ? raw.subject.pronoun === 'person'
          ? discourse.lastPerson
          : /^(?:he|she)$/.test(raw.subject.pronoun)
            ? personAt(s, discourse, raw.subject.pronoun, raw.at.start)?.id
            : pointedTo(reading, discourse, raw.subject.pronoun)?.id
        : entityOf(reading, text, raw.subject, subjectType[raw.relation]).id
    if (!subject) continue
    const object =
      raw.relation === 'role'
        ? undefined
        : entityOf(reading, text, raw.object.text, objectType[raw.relation])
    out.push({
      ...baseFact(reading, passage, { ...s.span }, raw.relation),
      kind: 'attribute',
      relation: raw.relation,
      subjectId: subject,
      subject: reading.entities.get(subject)?.name ?? subject,
      object: object?.name ?? raw.object.text,
      objectId: object?.id,
    })
  }
  return out
}

/** what this sentence leaves for the next ones to point back to */
function noteDiscourse(s: SentenceReading, discourse: Discourse): void {
  const { reading, passage, text, names } = s
  const { entities } = reading
  // the subject a later "the company" or "it" points back to: "iSoftStone is one of ...", "Ostra Energy, the ..., is"
  const typeOf = (nm: Name) => entities.find(baseName(nm.text))?.type
  const proper = (nm: Name) => isProper(reading, text, nm)
  const firstOrg = names.find(
    (nm) => nm.start < 40 && typeOf(nm) !== 'person' && proper(nm) && isSubject(text, nm),
  )
  // a person: one already, or a name whose title or given name says so ("Mr Prys's work ...")
  const person = names.find((nm) => personName(s, nm))
  // list lines drop articles ("286 pilots of Ministry of ..."): only prose says how a name is written
  if (passage.kind === 'paragraph')
    for (const name of names)
      entities.noteArticle(baseName(name.text), /\bthe\s+$/i.test(text.slice(0, name.start)))
  if (firstOrg) discourse.lastOrg = entityOf(reading, text, firstOrg).id
  for (const name of names)
    if (typeOf(name) !== 'person' && proper(name)) discourse.recent.push(baseName(name.text))
  if (person) discourse.lastPerson = entityOf(reading, text, person, 'person').id
  for (const name of names)
    if (personName(s, name))
      notePersonName(s, discourse, entityOf(reading, text, name, 'person').id, name)
  // names seen in earlier sentences help find a company inside a long job title
  for (const name of names) discourse.known.add(baseName(name.text).split(' ')[0]!)
}

/** a person named, with the gender their title or given name says ("Ms Oduya" says it of "Rina Oduya") */
function notePersonName(s: SentenceReading, discourse: Discourse, id: string, name?: Name): void {
  const words = genderWords(s.reading.entities.language)
  const written = name ? name.text : (s.reading.entities.get(id)?.name ?? '')
  const before = name ? s.text.slice(0, name.start) : ''
  notePerson(discourse.people, id, nameGender(words, written, before))
}

export function extractFacts(
  doc: CorpusDocument,
  passages: Passage[],
  entities: EntityResolver,
  patterns: NamePatterns,
): Fact[] {
  const read = passages
    .filter((p) => p.kind !== 'heading')
    .flatMap((passage) =>
      passage.sentences.map((sentence) => {
        const text = doc.text.slice(sentence.start, sentence.end)
        return {
          passage,
          span: { start: sentence.start, end: sentence.end },
          text,
          names: findNames(text),
        }
      }),
    )
  const reading: Reading = {
    doc,
    entities,
    patterns,
    midCaps: new Set(doc.text.match(/(?<=[a-z,;] )[A-Z][A-Za-z]+/g) ?? []),
    count: 0,
    persons: documentPersons(read, entities.language, patterns),
  }
  const discourse: Discourse = { recent: [], known: new Set(), people: noPeople() }
  const facts: Fact[] = []
  for (const [i, sentence] of read.entries()) {
    discourse.people.now = i
    const s: SentenceReading = { reading, ...sentence }
    facts.push(...quantityFacts(s, discourse), ...listFacts(s), ...attributeFacts(s, discourse))
    noteDiscourse(s, discourse)
  }
  const base: Base = (passage, span, thing) => baseFact(reading, passage, span, thing)
  facts.push(...headingLists(doc, passages, base))
  const author = authorFact(doc, passages, base)
  if (author) facts.push(author)
  return facts
}

/** the names the person cues find in a document's sentences, read with the language's titles and given names */
function documentPersons(
  read: { text: string; names: Name[] }[],
  language: EntityResolver['language'],
  patterns: NamePatterns,
): Set<string> {
  const words = genderWords(language)
  const withThe = new Set(
    read.flatMap((s) =>
      s.names
        .filter((n) => /\bthe\s+$/i.test(s.text.slice(0, n.start)))
        .map((n) => baseName(n.text)),
    ),
  )
  const cx = {
    patterns,
    titles: new Set([...language.honorifics, ...words.titles.keys()]),
    givenNames: new Set(words.names.keys()),
    withThe,
  }
  return personNames(
    read.map((s, i) => ({ text: s.text, names: s.names, next: read[i + 1]?.text })),
    cx,
  )
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
