/** The language citable knows, read from `intents/`: intents, entity aliases, unit and term synonyms. Never answers. */
import { z } from 'zod'
import { CitableError } from '../errors'
import { emptyLexicon, type Lexicon, lexiconSchema } from './lexicon'

const handlerNames = [
  'lookup',
  'list',
  'attribute',
  'superlative',
  'compare',
  'computed',
  'passage',
] as const

const intentSchema = z.strictObject({
  name: z.string().regex(/^[a-z_]+$/),
  /** which answer handler serves the intent */
  handler: z.enum(handlerNames),
  /** phrases that signal the intent; the longest matching cue wins */
  cues: z.array(z.string().min(1)).min(1),
  /** what kind of figure the answer is */
  measure: z.enum(['count', 'money', 'amount', 'percent', 'year', 'any']).optional(),
  /** for attribute questions: the relations that answer them */
  relations: z
    .array(z.enum(['located_in', 'held_in', 'role', 'works_for', 'author', 'spoke_at']))
    .optional(),
  /** breaks a tie between intents of the same handler: a money word beats a bare "how much"; defaults to 0 */
  priority: z.number().int().min(0).max(9).optional(),
  /** for superlatives */
  order: z.enum(['max', 'min']).optional(),
  /** for computed answers */
  op: z.enum(['difference', 'total', 'ratio', 'growth']).optional(),
  /** example questions: documentation, the typo lexicon, and a test that each one reaches this intent */
  utterances: z.array(z.string().min(1)).min(1),
})

const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  name: z.string().min(1),
  type: z.enum(['org', 'place', 'person', 'event', 'other']),
  aliases: z.array(z.string().min(1)).default([]),
})

export const answerTypes = [
  'count',
  'money',
  'percent',
  'date',
  'duration',
  'person',
  'org',
  'place',
  'name',
  'number',
  'reason',
  'description',
] as const
export type AnswerType = (typeof answerTypes)[number]

/** how a question says what kind of answer it wants: "how many" -> count, "what year" -> date */
const answerTypeSchema = z.strictObject({
  type: z.enum(answerTypes),
  /** phrases at the start of the question (after an opener such as "and" or "in"), lower case */
  starts: z.array(z.string().min(1)).default([]),
  /** nouns asked for by "what"/"which" ("which company"): the question's asked noun */
  nouns: z.array(z.string().min(1)).default([]),
  /** a last word that says it ("what does a pass cost?") */
  ends: z.array(z.string().min(1)).default([]),
  /** words a figure of this kind says by its sign ("percentage points" by "%"): no sentence need say them */
  signs: z.array(z.string().min(1)).default([]),
})

/** what a figure's verb says it is: relation -> the verb forms that state it ("lost": "shed", "lose") */
const factRelationsSchema = z.strictObject({
  $comment: z.string().optional(),
  verbs: z.record(z.string().min(1), z.array(z.string().min(1))),
  /** relations that answer one another: what an owner has and whom it employs, what it spends and invests */
  kin: z.array(z.array(z.string().min(1)).min(1)).default([]),
  /** relations that say what a figure came to ("rose to 640"): they answer any question but one in `changes` */
  levels: z.array(z.string().min(1)).default([]),
  /** relations that count what was lost or added: only a figure stated so answers them */
  changes: z.array(z.string().min(1)).default([]),
  /** words that make a figure an estimate ("an estimated 4,000") */
  estimated: z.array(z.string().min(1)).default([]),
  /** words that set a figure against another group's ("6.2 days, against 8.9 on hospital wards") */
  compared: z.array(z.string().min(1)).default([]),
  /** words that ask for the figure a change came from ("how many beds did it have before?") */
  earlier: z.array(z.string().min(1)).default([]),
})
export type FactRelations = z.infer<typeof factRelationsSchema>

const genderSchema = z.strictObject({
  /** titles said before the name: "Ms", "Sir" */
  titles: z.array(z.string().min(1)).default([]),
  /** given names */
  names: z.array(z.string().min(1)).default([]),
})
/** the titles and given names that say whether "he" or "she" can mean a person */
const gendersSchema = z.strictObject({
  $comment: z.string().optional(),
  female: genderSchema.default({ titles: [], names: [] }),
  male: genderSchema.default({ titles: [], names: [] }),
})
export type Genders = z.infer<typeof gendersSchema>

/** a logistic regression: feature name -> weight, and a bias */
const linearSchema = z.strictObject({ weights: z.record(z.string(), z.number()), bias: z.number() })
export type Linear = z.infer<typeof linearSchema>

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  intents: z.array(intentSchema).optional(),
  entities: z.array(entitySchema).optional(),
  /** unit or thing synonyms: canonical lemma -> other words for it */
  units: z.record(z.string(), z.array(z.string())).optional(),
  /** retrieval expansions: a word -> related words the articles may use instead */
  synonyms: z.record(z.string(), z.array(z.string())).optional(),
  /** follow-up openers ("and", "what about") and words that point back ("he", "it") */
  followUps: z
    .strictObject({
      openers: z.array(z.string()),
      pronouns: z.record(z.string(), z.enum(['person', 'org', 'place', 'thing', 'any'])),
      meta: z.record(z.string(), z.array(z.string())),
    })
    .optional(),
  /** the words names are built from: company suffixes, organisation, place and event words */
  lexicon: lexiconSchema.optional(),
  /** words that name a kind of organisation ("ministry", "bureau"): an unknown one is never guessed */
  orgWords: z.array(z.string()).optional(),
  /** titles said before a person's name ("Ms", "Sir"): "Ms Oduya" is the "Rina Oduya" named before */
  honorifics: z.array(z.string()).optional(),
  /** abbreviations written out before a question is read: "R&D" -> "research and development" */
  expansions: z.record(z.string(), z.string()).optional(),
  /** words for the kind of owner a question asks after ("which developer"): not what is counted */
  ownerKinds: z.array(z.string()).optional(),
  /** real words the corpus may not use, never "repaired" into one it does ("ceo" is not "co") */
  keepWords: z.array(z.string()).optional(),
  /** the kinds of answer a question can ask for, most specific first */
  answerTypes: z.array(answerTypeSchema).optional(),
  /** words that negate a statement ("not", "never"): a question and a sentence should agree on them */
  negations: z.array(z.string()).optional(),
  /** common English words, to tell an English question from one in another language */
  englishWords: z.array(z.string()).optional(),
  /** phrases that ask for a difference: "by how much", "how many more" */
  differenceCues: z.array(z.string()).optional(),
  /** words that make a figure a plan ("will", "plans to") or an expectation ("expects", "may"), not a fact */
  moods: z
    .strictObject({
      planned: z.array(z.string().min(1)).default([]),
      expected: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  /** verbs that report what someone says ("said", "noted"): a figure in the clause they report
   * ("Corvane said that 5 million people ...") is not the speaker's own */
  reporting: z.array(z.string().min(1)).optional(),
  /** words that open a sentence continuing the one before ("However", "He", "But"): a passage answer
   * quotes such a sentence with the one it continues */
  continuations: z.array(z.string().min(1)).optional(),
  /** words of opposite meaning ("before"/"after", "rose"/"fell"): a sentence that says the opposite of the
   * question's word, and not the word, does not answer it */
  opposites: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional(),
  /** the relations a figure's verb states, and the words for estimates and comparisons */
  factRelations: factRelationsSchema.optional(),
  /** titles and given names that tell "he" from "she" */
  genders: gendersSchema.optional(),
  /** the fitted answer-or-abstain model (written by `npm run train`) */
  answerModel: z
    .strictObject({
      /** orders a question's candidates: which sentence most likely holds the answer */
      ranker: linearSchema,
      /** the probability that the best candidate is right, from its features and its lead */
      decider: linearSchema,
      /** the probability an answer must reach; chosen on held-out data */
      threshold: z.number().min(0).max(1),
      /** how it was made: data, method, the precision/coverage curve; documentation only */
      trainedOn: z.unknown().optional(),
    })
    .optional(),
})

export type AnswerModel = NonNullable<z.infer<typeof fileSchema>['answerModel']>

export type AnswerTypeDef = z.infer<typeof answerTypeSchema>

export type IntentDef = z.infer<typeof intentSchema>
export type EntityDef = z.infer<typeof entitySchema>

export interface Language {
  intents: IntentDef[]
  entities: EntityDef[]
  units: Record<string, string[]>
  synonyms: Record<string, string[]>
  followUps: { openers: string[]; pronouns: Record<string, string>; meta: Record<string, string[]> }
  lexicon: Lexicon
  orgWords: string[]
  honorifics: string[]
  keepWords: string[]
  expansions: Record<string, string>
  ownerKinds: string[]
  answerTypes: AnswerTypeDef[]
  negations: string[]
  englishWords: string[]
  differenceCues: string[]
  moods: { planned: string[]; expected: string[] }
  reporting: string[]
  continuations: string[]
  /** pairs of words of opposite meaning */
  opposites: string[][]
  factRelations: FactRelations
  genders: Genders
  answerModel?: AnswerModel
}

export interface LanguageFile {
  /** the file name, for error messages */
  name: string
  content: string
}

function issuePath(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
}

/** one intent file, validated; a bad one throws naming the file and the path of the problem */
function parseFile(file: LanguageFile): z.infer<typeof fileSchema> {
  let json: unknown
  try {
    json = JSON.parse(file.content)
  } catch (error) {
    throw new CitableError(
      'intents_invalid',
      `intents/${file.name}: not valid JSON (${(error as Error).message})`,
      {
        file: file.name,
      },
    )
  }
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    throw new CitableError(
      'intents_invalid',
      `intents/${file.name}: ${issuePath(issue.path) || '(root)'}: ${issue.message}`,
      { file: file.name, path },
    )
  }
  return parsed.data
}

function mergeRelations(into: FactRelations, from: FactRelations | undefined): void {
  if (!from) return
  for (const [relation, forms] of Object.entries(from.verbs))
    into.verbs[relation] = [...(into.verbs[relation] ?? []), ...forms.map((w) => w.toLowerCase())]
  into.kin.push(...from.kin)
  into.levels.push(...from.levels)
  into.changes.push(...from.changes)
  into.estimated.push(...from.estimated.map((w) => w.toLowerCase()))
  into.compared.push(...from.compared.map((w) => w.toLowerCase()))
  into.earlier.push(...from.earlier.map((w) => w.toLowerCase()))
}

/** a language with no words: what the intent files are merged into */
function emptyLanguage(): Language {
  return {
    intents: [],
    entities: [],
    units: {},
    synonyms: {},
    followUps: { openers: [], pronouns: {}, meta: {} },
    lexicon: emptyLexicon(),
    orgWords: [],
    honorifics: [],
    keepWords: [],
    expansions: {},
    ownerKinds: [],
    answerTypes: [],
    negations: [],
    englishWords: [],
    differenceCues: [],
    moods: { planned: [], expected: [] },
    reporting: [],
    continuations: [],
    opposites: [],
    factRelations: {
      verbs: {},
      kin: [],
      levels: [],
      changes: [],
      estimated: [],
      compared: [],
      earlier: [],
    },
    genders: { female: { titles: [], names: [] }, male: { titles: [], names: [] } },
  }
}

/** validates and merges the intent files; a bad file throws naming the file and the path of the problem */
export function loadLanguage(files: LanguageFile[]): Language {
  const language = emptyLanguage()
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const data = parseFile(file)
    language.intents.push(...(data.intents ?? []))
    language.entities.push(...(data.entities ?? []))
    Object.assign(language.units, data.units)
    Object.assign(language.synonyms, data.synonyms)
    if (data.followUps) {
      language.followUps.openers.push(...data.followUps.openers)
      Object.assign(language.followUps.pronouns, data.followUps.pronouns)
      Object.assign(language.followUps.meta, data.followUps.meta)
    }
    if (data.lexicon)
      for (const key of Object.keys(data.lexicon) as (keyof Lexicon)[])
        language.lexicon[key].push(...data.lexicon[key])
    language.orgWords.push(...(data.orgWords ?? []))
    language.honorifics.push(...(data.honorifics ?? []))
    Object.assign(language.expansions, data.expansions)
    language.ownerKinds.push(...(data.ownerKinds ?? []))
    language.answerTypes.push(...(data.answerTypes ?? []))
    language.negations.push(...(data.negations ?? []).map((w) => w.toLowerCase()))
    language.englishWords.push(...(data.englishWords ?? []).map((w) => w.toLowerCase()))
    language.differenceCues.push(...(data.differenceCues ?? []).map((w) => w.toLowerCase()))
    language.moods.planned.push(...(data.moods?.planned ?? []).map((w) => w.toLowerCase()))
    language.moods.expected.push(...(data.moods?.expected ?? []).map((w) => w.toLowerCase()))
    language.opposites.push(
      ...(data.opposites ?? []).map(
        ([a, b]) => [a.toLowerCase(), b.toLowerCase()] as [string, string],
      ),
    )
    language.continuations.push(...(data.continuations ?? []).map((w) => w.toLowerCase()))
    language.reporting.push(...(data.reporting ?? []).map((w) => w.toLowerCase()))
    if (data.answerModel) language.answerModel = data.answerModel
    mergeRelations(language.factRelations, data.factRelations)
    for (const g of ['female', 'male'] as const) {
      language.genders[g].titles.push(...(data.genders?.[g].titles ?? []))
      language.genders[g].names.push(...(data.genders?.[g].names ?? []))
    }
    language.keepWords.push(...(data.keepWords ?? []).map((w) => w.toLowerCase()))
  }
  const seen = new Set<string>()
  for (const [i, intent] of language.intents.entries()) {
    if (seen.has(intent.name))
      throw new CitableError(
        'intents_invalid',
        `intents: intent "${intent.name}" is defined twice`,
        {
          path: ['intents', i, 'name'],
        },
      )
    seen.add(intent.name)
  }
  return language
}
