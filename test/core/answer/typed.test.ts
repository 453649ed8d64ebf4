/** The typed answer path: what a question asks for, the spans a sentence holds, numbers in words, other languages. */
import { describe } from 'vitest'
import { analysedValues } from './typed-helpers'

describe('typed answers', () => analysedValues())
