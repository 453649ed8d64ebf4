/** `npm run ask`: every piped line answered in order, in one conversation; a quote printed once. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatResult } from '../../src/cli/format'
import { ask } from '../../src/core/conversation/ask'
import { seedCorpus, seedService } from '../corpora'

const cli = [process.execPath, '--import', 'tsx', 'src/cli/ask.ts']
// util-linux's script(1) gives the CLI a terminal, as a person typing would
const script = '/usr/bin/script'

/** runs the CLI over the seed fixture (at a terminal when asked), writing `chunks` to its stdin one after another */
function runCli(
  chunks: string[],
  args: string[] = [],
  terminal = false,
): Promise<{ code: number | null; out: string; err: string }> {
  const [command, ...rest] = terminal
    ? [script, '-qfec', [...cli, ...args].join(' '), '/dev/null']
    : [...cli, ...args]
  const child = spawn(command!, rest, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CORPUS_DIR: seedCorpus },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk
  })
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk
  })
  // each chunk is written as soon as the one before is flushed: the later lines arrive while
  // the knowledge is built and the first answer is worked out
  const write = (i: number) => {
    if (i === chunks.length) child.stdin.end()
    else child.stdin.write(chunks[i]!, () => write(i + 1))
  }
  write(0)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })))
}

const questions = (out: string) => out.split('\n').filter((l) => l.startsWith('> '))

describe('npm run ask', () => {
  it('answers every piped line, in order, in one conversation', async () => {
    const { code, out, err } = await runCli(['Who is Walter Fang?\nWhere did he speak?\n'])
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(questions(out)).toEqual(['> Who is Walter Fang?', '> Where did he speak?'])
    expect(out).toContain(
      '> Where did he speak?\nWalter Fang spoke at CommunicAsia 2017 in Singapore.\n',
    )
  }, 30_000)

  it('answers lines that arrive while it is answering, skipping blank ones, and a last line without a newline', async () => {
    const { code, out } = await runCli([
      'How many pilots did MOHURD run?\n',
      '\n',
      'and the NDRC?\n',
      'source?',
    ])
    expect(code).toBe(0)
    expect(questions(out)).toEqual([
      '> How many pilots did MOHURD run?',
      '> and the NDRC?',
      '> source?',
    ])
    expect(out).toMatch(/> and the NDRC\?\n.*80 pilots/)
  }, 30_000)

  it('answers a question given as arguments', async () => {
    const { code, out } = await runCli([], ['How', 'many', 'pilots', 'did', 'MOHURD', 'run?'])
    expect(code).toBe(0)
    expect(out).toMatch(
      /^The Ministry of Housing and Urban-Rural Development has 286 smart city pilots\.\n {2}\[1\] "286 smart city pilots/,
    )
  }, 30_000)
})

describe.skipIf(!existsSync(script))('npm run ask at a terminal', () => {
  it('answers a line typed while the one before is being answered, then stops at an empty line', async () => {
    const { code, out } = await runCli(
      ['Who is Walter Fang?\r', 'Where did he speak?\r', '\r'],
      [],
      true,
    )
    expect(code).toBe(0)
    const text = out.replace(/\r/g, '')
    expect(text).toContain('Ask about the articles (empty line or Ctrl-D to quit).')
    const first = text.indexOf('Walter Fang is EVP')
    const second = text.indexOf('Walter Fang spoke at CommunicAsia 2017 in Singapore.')
    expect(first).toBeGreaterThan(0)
    expect(second).toBeGreaterThan(first)
  }, 30_000)
})

describe('formatResult', () => {
  const service = seedService()

  it('prints each citation with its quote after an answer', async () => {
    const result = await ask(service, { question: 'How many pilots did MOHURD run?' })
    const c = result.citations[0]!
    expect(formatResult(result).split('\n')[1]).toBe(
      `  [1] "${c.quote}" (${c.title}, ${c.docId} ${c.start}-${c.end})`,
    )
  })

  it('prints the quote of a source? answer once', async () => {
    const first = await ask(service, { question: 'Who is Walter Fang?' })
    for (const meta of ['source?', 'why?']) {
      const result = await ask(service, { question: meta, sessionId: first.sessionId })
      const text = formatResult(result)
      const quote = result.citations[0]!.quote
      expect(text.split(quote).length - 1, meta).toBe(1)
      expect(text).toContain(`  [1] (${result.citations[0]!.title}, ${result.citations[0]!.docId} `)
    }
  })
})
