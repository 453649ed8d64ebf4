/** Reads a benchmark folder of ../shared/benchmarks: its articles as the whole corpus and its questions. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { CorpusDocument } from '../../../src/core/types'
import { readCorpus } from '../../../src/runtime/node/files'

export const benchRoot = process.env.BENCHMARKS_DIR ?? '../shared/benchmarks'

const newsTurn = z.object({
  any: z.array(z.string()).optional(),
  all: z.array(z.string()).optional(),
  cite: z.array(z.string()).optional(),
  citeAny: z.array(z.string()).optional(),
  abstain: z.boolean().optional(),
  note: z.string().optional(),
})
const newsItem = z.object({
  id: z.string(),
  cat: z.string(),
  doc: z.string(),
  turns: z.array(z.string()).min(1),
  expect: z.array(newsTurn).min(1),
})
const squadItem = z.object({
  id: z.string(),
  cat: z.enum(['squad-ans', 'squad-imp']),
  doc: z.string(),
  question: z.string(),
  answers: z.array(z.string()),
  answer_start: z.number().optional(),
})

export type NewsItem = z.infer<typeof newsItem>
export type SquadItem = z.infer<typeof squadItem>

/** the benchmark folders, by the name --bench takes */
export const benchFolders = {
  news: 'news',
  dev: 'squad2/dev',
  dev2: 'squad2/dev2',
  train: 'squad2/train',
} as const
export type BenchName = keyof typeof benchFolders

export function benchAvailable(root = benchRoot): boolean {
  return existsSync(join(root, 'news', 'questions.jsonl'))
}

function lines<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`)
      return parsed.data
    })
}

export interface Bench<T> {
  name: BenchName
  documents: CorpusDocument[]
  items: T[]
}

export function loadNews(root = benchRoot): Bench<NewsItem> {
  const dir = join(root, benchFolders.news)
  return {
    name: 'news',
    documents: readCorpus(join(dir, 'articles')),
    items: lines(join(dir, 'questions.jsonl'), newsItem),
  }
}

export function loadSquad(name: Exclude<BenchName, 'news'>, root = benchRoot): Bench<SquadItem> {
  const dir = join(root, benchFolders[name])
  return {
    name,
    documents: readCorpus(join(dir, 'articles')),
    items: lines(join(dir, 'questions.jsonl'), squadItem),
  }
}

/** every k-th item, so a subset keeps each article's share and both kinds of question */
export function sample<T>(items: T[], limit?: number): T[] {
  if (!limit || limit >= items.length) return items
  const step = items.length / limit
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!)
}
