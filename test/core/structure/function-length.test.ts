/** No function in src/core is longer than a screen: every function, method and arrow is parsed and measured. */
import { join, relative } from 'node:path'
import * as is from 'typescript/unstable/ast/is'
import { API, type Program } from 'typescript/unstable/sync'
import { afterAll, describe, expect, it } from 'vitest'

const repo = join(import.meta.dirname, '../../..')
const core = join(repo, 'src/core')
const maxLines = 80

type SourceFile = NonNullable<ReturnType<Program['getSourceFile']>>
type Node = Parameters<Parameters<SourceFile['forEachChild']>[0]>[0]

interface Measured {
  name: string
  lines: number
}

function isFunction(node: Node): boolean {
  return (
    is.isFunctionDeclaration(node) ||
    is.isFunctionExpression(node) ||
    is.isArrowFunction(node) ||
    is.isMethodDeclaration(node) ||
    is.isConstructorDeclaration(node) ||
    is.isGetAccessorDeclaration(node) ||
    is.isSetAccessorDeclaration(node)
  )
}

function nameOf(node: Node): string {
  const own = (node as { name?: Node }).name
  if (own) return own.getText()
  const parent = node.parent as (Node & { name?: Node }) | undefined
  if (parent && (is.isVariableDeclaration(parent) || is.isPropertyAssignment(parent)))
    return parent.name?.getText() ?? '(anonymous)'
  return '(anonymous)'
}

/** every function, method and arrow of a source file, with its length in lines */
function measure(source: SourceFile): Measured[] {
  const text = source.text
  const lineOf = (position: number): number => text.slice(0, position).split('\n').length
  const out: Measured[] = []
  const visit = (node: Node): void => {
    if (isFunction(node))
      out.push({ name: nameOf(node), lines: lineOf(node.getEnd()) - lineOf(node.getStart()) + 1 })
    node.forEachChild(visit)
  }
  source.forEachChild(visit)
  return out
}

const api = new API({ cwd: repo })
const program = api
  .updateSnapshot({ openProject: join(repo, 'tsconfig.json') })
  .getProjects()[0]!.program
afterAll(() => api.close())

describe('function length in src/core', () => {
  it('measures declarations, arrows and methods by their lines', () => {
    const sample = program.getSourceFile(join(import.meta.dirname, 'sample-functions.ts'))!
    expect(measure(sample)).toEqual([
      { name: 'three', lines: 3 },
      { name: 'four', lines: 4 },
      { name: 'inner', lines: 1 },
      { name: 'one', lines: 3 },
    ])
  })

  it(`finds no function over ${maxLines} lines`, () => {
    const files = program.getSourceFileNames().filter((f) => f.startsWith(`${core}/`))
    expect(files.length).toBeGreaterThan(20)
    const long = files.flatMap((path) =>
      measure(program.getSourceFile(path)!)
        .filter((f) => f.lines > maxLines)
        .map((f) => `${relative(core, path)}: ${f.name} (${f.lines} lines)`),
    )
    expect(long).toEqual([])
  })
})
