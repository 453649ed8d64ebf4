/** Start-up refuses bad configuration: exit code 1 and one line on stderr that names the problem and where it is. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { cachePath } from '../../src/runtime/node/code-cache'
import { ensureBuilt, spawnServer } from './spawn'

const root = join(import.meta.dirname, '../..')

const temp = mkdtempSync(join(tmpdir(), 'citable-startup-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** a folder under the temp dir holding the given files */
function folder(name: string, files: Record<string, string> = {}): string {
  const dir = join(temp, name)
  mkdirSync(dir, { recursive: true })
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content)
  return dir
}

/** the stderr of a start that failed with exit code 1, or a note saying how it did not */
async function refuses(env: Record<string, string>): Promise<string> {
  const server = spawnServer(env)
  const code = await server.exited
  return code === 1 ? server.stderr() : `exit code ${code}: ${server.stderr()}`
}

// each case is its own process: run them side by side
describe.concurrent('start-up', () => {
  it('starts with a corpus folder and intents and logs its port', async ({ expect }) => {
    const server = spawnServer()
    const port = await server.port
    const res = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(res.status).toBe(200)
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })

  it('compiles the bundle from the code cache that a start with the same flags left', async ({
    expect,
    onTestFinished,
  }) => {
    // node flags no other start uses, and no cache for them yet: the first start saves one
    const flags = ['--max-old-space-size=321']
    // as the server sees its flags: these and an unset NODE_OPTIONS
    ensureBuilt()
    const cache = cachePath(join(root, 'dist/node/server.cjs'), [...flags, ''])
    rmSync(cache, { force: true })
    onTestFinished(() => rmSync(cache, { force: true }))
    const uses: unknown[] = []
    for (let i = 0; i < 2; i++) {
      const server = spawnServer({}, flags)
      const listening = await server.waitFor((l) => typeof l.port === 'number')
      uses.push(listening.codeCache)
      if (listening.codeCache === 'none')
        await server.waitFor((l) => String(l.msg).startsWith('code cache saved'))
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
    }
    expect(uses).toEqual(['none', 'used'])
  })

  it('starts from the stored pack of the last start, and builds it again when an article changes', async ({
    expect,
  }) => {
    const corpus = folder('cached', { 'a.md': '# Alpha\n\nThe port handled 5 ships.\n' })
    const data = folder('cached-store', {})
    const startOnce = async () => {
      const server = spawnServer({ CORPUS_DIR: corpus, DATA_DIR: data })
      const line = await server.waitFor((l) => typeof l.port === 'number')
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
      return { cached: line.knowledgeFrom === 'the stored snapshot', documents: line.documents }
    }
    expect(await startOnce()).toEqual({ cached: false, documents: 1 })
    expect(await startOnce()).toEqual({ cached: true, documents: 1 })
    writeFileSync(join(corpus, 'b.md'), '# Beta\n\nThe grid carried 7 gigawatts.\n')
    expect(await startOnce()).toEqual({ cached: false, documents: 2 })
    writeFileSync(join(corpus, 'b.md'), '# Beta\n\nThe grid carried 8 gigawatts, or more.\n')
    expect(await startOnce()).toEqual({ cached: false, documents: 2 })
  })

  it('refuses a PORT that is not a port', async ({ expect }) => {
    expect(await refuses({ PORT: 'eighty' })).toBe(
      'citable cannot start: PORT: must be a whole number from 0 to 65535 (got "eighty")\n',
    )
    expect(await refuses({ PORT: '70000' })).toBe(
      'citable cannot start: PORT: must be a whole number from 0 to 65535 (got "70000")\n',
    )
  })

  it('refuses ALLOWED_ORIGINS with an entry that is not an origin', async ({ expect }) => {
    expect(await refuses({ ALLOWED_ORIGINS: 'https://ok.example, example.com' })).toBe(
      'citable cannot start: ALLOWED_ORIGINS: "example.com" is not an origin; write scheme://host[:port], e.g. https://example.com (got "https://ok.example, example.com")\n',
    )
    expect(await refuses({ ALLOWED_ORIGINS: 'https://ok.example/embed' })).toContain(
      '"https://ok.example/embed" is not an origin',
    )
  })

  it('refuses a RATE_LIMIT_PER_MINUTE that is not a whole number', async ({ expect }) => {
    expect(await refuses({ RATE_LIMIT_PER_MINUTE: '-1' })).toBe(
      'citable cannot start: RATE_LIMIT_PER_MINUTE: must be a whole number from 0 to 1000000 (got "-1")\n',
    )
  })

  it('refuses a PUBLIC_URL that is not an origin and a TRUSTED_PROXIES that is not a count', async ({
    expect,
  }) => {
    expect(await refuses({ PUBLIC_URL: 'https://citable.example.org/app' })).toBe(
      'citable cannot start: PUBLIC_URL: must be an origin such as https://citable.example.org (scheme://host[:port], no path) (got "https://citable.example.org/app")\n',
    )
    expect(await refuses({ TRUSTED_PROXIES: '0' })).toBe(
      'citable cannot start: TRUSTED_PROXIES: must be a whole number from 1 to 20 (got "0")\n',
    )
  })

  it('refuses a corpus file that cannot be read', async ({ expect }) => {
    const corpus = folder('unreadable', { 'good.md': '# Good\n\nSome text.\n' })
    // a folder named like an article: reading it fails the way an unreadable file does
    mkdirSync(join(corpus, 'broken.md'))
    expect(await refuses({ CORPUS_DIR: corpus })).toBe(
      `citable cannot start: ${corpus}/broken.md: cannot be read (EISDIR)\n`,
    )
  })

  it('refuses a corpus file that is not text', async ({ expect }) => {
    const corpus = folder('binary', { 'image.md': 'GIF89a\u0000\u0001' })
    expect(await refuses({ CORPUS_DIR: corpus })).toBe(
      `citable cannot start: ${corpus}/image.md: it is not a text file\n`,
    )
  })

  it('refuses an empty corpus folder and a missing one', async ({ expect }) => {
    const empty = folder('empty')
    expect(await refuses({ CORPUS_DIR: empty })).toBe(
      `citable cannot start: ${empty}/: no .md or .txt article found\n`,
    )
    const missing = join(temp, 'missing')
    expect(await refuses({ CORPUS_DIR: missing })).toBe(
      `citable cannot start: ${missing}: cannot read the folder (ENOENT)\n`,
    )
  })

  it('refuses an intents file that is not JSON', async ({ expect }) => {
    const intents = join(temp, 'intents-json')
    cpSync('intents', intents, { recursive: true })
    writeFileSync(join(intents, 'questions.json'), '{ "intents": [ ')
    expect(await refuses({ INTENTS_DIR: intents })).toMatch(
      new RegExp(`^citable cannot start: ${intents}/questions\\.json: not valid JSON \\(.+\\)\n$`),
    )
  })

  it('refuses an intent definition that breaks the schema, naming the path', async ({ expect }) => {
    const intents = join(temp, 'intents-schema')
    cpSync('intents', intents, { recursive: true })
    const questions = JSON.parse(readFileSync(join(intents, 'questions.json'), 'utf8'))
    questions.intents[0].cues = 'how many'
    writeFileSync(join(intents, 'questions.json'), JSON.stringify(questions))
    expect(await refuses({ INTENTS_DIR: intents })).toMatch(
      new RegExp(
        `^citable cannot start: ${intents}/questions\\.json: intents\\[0\\]\\.cues: .+\n$`,
      ),
    )
  })

  it('refuses a port that is taken', async ({ expect }) => {
    const taken = createServer()
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done))
    const port = (taken.address() as { port: number }).port
    try {
      expect(await refuses({ PORT: String(port) })).toBe(
        `citable cannot start: cannot listen on 127.0.0.1:${port} (EADDRINUSE)\n`,
      )
    } finally {
      taken.close()
    }
  })
})
