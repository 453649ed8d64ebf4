/** Routes a query to the handler its intent names. */
import type { IntentDef } from '../../nlu/language'
import { attribute } from './attribute'
import { compare } from './compare'
import { computed } from './computed'
import { list } from './list'
import { lookup } from './lookup'
import type { Handler } from './result'
import { superlative } from './superlative'

export const handlers: Record<Exclude<IntentDef['handler'], 'passage'>, Handler> = {
  lookup,
  list,
  attribute,
  superlative,
  compare,
  computed,
}

export type { HandlerResult } from './result'
