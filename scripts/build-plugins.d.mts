/** Types of build-plugins.mjs, for the tests that check it. */
import type { Plugin } from 'esbuild'

export const winkModel: { source: (root: string) => string; file: string }
export function patchReadCoreModel(source: string, modelText: string): string
export const winkModelFromFile: Plugin
