/** The data that flows through citable: documents, passages, facts, the knowledge pack and answers. */

/** A character range into a document's `text`; `text.slice(start, end)` gives the span back. */
export interface Span {
  start: number
  end: number
}

export interface DocumentMeta {
  docId: string
  title: string
  author?: string
  published?: string
  source?: string
}

export interface CorpusDocument extends DocumentMeta {
  text: string
}

export type PassageKind = 'paragraph' | 'heading' | 'line'

export interface Passage extends Span {
  /** `${docId}#p${index}` */
  id: string
  docId: string
  index: number
  kind: PassageKind
  /** the nearest heading above the passage, as context */
  heading?: string
  sentences: Span[]
}

export type QuantityUnit = 'count' | 'money' | 'percent' | 'year' | 'duration' | 'measure'

export interface Quantity {
  value: number
  /** how the figure reads in the text, e.g. "RMB 100 million", "2.8%", "500+" */
  display: string
  unit: QuantityUnit
  currency?: string
  /** "over", "at least", "about", "up to" */
  qualifier?: string
  /** the unit of a measure as written: "GW", "TEU", "km" */
  measure?: string
  year?: number
}

interface FactBase {
  id: string
  docId: string
  passageId: string
  /** the shortest span that states the fact */
  span: Span
  /** lemmas of the thing the fact is about ("smart city pilots" -> ["smart","city","pilot"]) */
  thingTerms: string[]
  /** the head noun lemma ("pilot"), the family for superlatives */
  head?: string
  /** the thing as written */
  thing: string
  /** entity id of the owner when known */
  ownerId?: string
  owner?: string
  /** entity ids mentioned in the stating sentence, the one before it, its heading and the title */
  context: string[]
  /** lemmas of the stating sentence and its heading, for matching a question's other words */
  terms: string[]
  /** "per year", "a year" */
  rate?: string
  /** years the passage around an undated figure speaks of: its year is likely one of them */
  periodYears?: number[]
}

/** how a figure is stated: a plan or target, an estimate, or the figure of another group set against the first */
export type FigureQualifier = 'planned' | 'estimated' | 'compared'

/** what a figure's verb says it is, and how it is said; each with the span that says it */
export interface FigureStatement {
  /** the relation its verb states, from the table in intents/ (`factRelations`): "lost" for "shed", "has" for "runs" */
  relation?: string
  relationSpan?: Span
  qualifier?: FigureQualifier
  /** the cue of the qualifier: "will", "an estimated", "against" */
  qualifierSpan?: Span
  /** a compared figure's group: "similar patients in a hospital bed" */
  group?: string
  groupSpan?: Span
}

export interface QuantityFact extends FactBase, FigureStatement {
  kind: 'quantity'
  quantity: Quantity
  /** the verb that states it, as written: "handled", "employs", "invests" */
  verb?: string
}

export interface ChangeFact extends FactBase, FigureStatement {
  kind: 'change'
  from: Quantity
  to: Quantity
}

export interface ListFact extends FactBase {
  kind: 'list'
  items: string[]
  /** each item's own span, where the items are lines of their own */
  itemSpans?: Span[]
  /** entity ids of the items, where known */
  itemIds: (string | undefined)[]
}

export type Relation = 'located_in' | 'held_in' | 'role' | 'works_for' | 'author' | 'spoke_at'

export interface AttributeFact extends FactBase {
  kind: 'attribute'
  relation: Relation
  subjectId: string
  subject: string
  object: string
  objectId?: string
}

export type Fact = QuantityFact | ChangeFact | ListFact | AttributeFact

export type EntityType = 'org' | 'place' | 'person' | 'event' | 'other'

export interface Entity {
  id: string
  name: string
  type: EntityType
  /** lowercased surface forms that name the entity, acronyms included */
  aliases: string[]
  /** the text writes it with "the" ("the Tourism Bureau"); unknown when the corpus never names it */
  article?: boolean
}

export interface Citation extends Span {
  docId: string
  title: string
  passageId: string
  quote: string
}

export type AnswerKind = 'fact' | 'list' | 'computed' | 'passage' | 'none'

/** What the core returns for one question; the HTTP layer adds the sessionId. */
export interface Answer {
  answer: string
  abstained: boolean
  kind: AnswerKind
  value?: number | string | string[]
  unit?: string
  intent?: string
  confidence: number
  citations: Citation[]
  followUps?: string[]
  /** why the core abstained, for logs and tests; not part of the contract */
  reason?: string
}
