/** `tsx scripts/worker-cpu.ts [--build]`: CPU per request of the bundled Worker in workerd, measured from outside. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildWorkerBundle, defaultBundleDir, startLocalWorker } from './worker-local'

// workerd reports no CPU time locally (tail events say 0), so we read the workerd process's own
// CPU counters (Linux /proc) around many sequential requests; the result includes workerd's HTTP
// plumbing and the session Durable Object, so it is an upper bound on the Worker's own CPU

function workerdPids(): Set<number> {
  const pids = new Set<number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const [, comm, rest] = stat.match(/^\d+ \((.*)\) (.*)$/s) ?? []
      const ppid = Number(rest?.split(' ')[1])
      if (comm === 'workerd' && ppid === process.pid) pids.add(Number(entry))
    } catch {}
  }
  return pids
}

/** user + system CPU of a process in ms (clock ticks at the usual 100 Hz) */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

export interface CpuOptions {
  /** questions asked; defaults to three typical ones */
  questions?: string[]
  /** timed requests per question, after warm-up; defaults to 200 */
  runs?: number
  bundleDir?: string
}

export interface CpuReport {
  /** CPU per GET /healthz: the floor of any request */
  baselineMs: number
  perQuestion: { question: string; cpuMs: number; wallMs: number }[]
  /** mean over the questions of CPU per answer request */
  meanCpuMs: number
}

export const typicalQuestions = [
  'How many pilots did MOHURD run?',
  'What is a smart city?',
  'Which cities were chosen as pilots?',
]

export async function measureWorkerCpu(options: CpuOptions = {}): Promise<CpuReport> {
  const { questions = typicalQuestions, runs = 200, bundleDir = defaultBundleDir } = options
  const before = workerdPids()
  const { mf } = await startLocalWorker({ bundleDir, vars: { RATE_LIMIT_PER_MINUTE: '0' } })
  try {
    const pid = [...workerdPids()].find((p) => !before.has(p))
    if (pid === undefined) throw new Error('cannot find the workerd process (Linux /proc needed)')
    const time = async (
      path: string,
      init?: { method: string; headers: Record<string, string>; body: string },
    ) => {
      for (let i = 0; i < 5; i++)
        await (await mf.dispatchFetch(`http://localhost${path}`, init)).text()
      const [cpu0, wall0] = [cpuMs(pid), performance.now()]
      for (let i = 0; i < runs; i++) {
        const response = await mf.dispatchFetch(`http://localhost${path}`, init)
        if (response.status !== 200) throw new Error(`${path}: status ${response.status}`)
        await response.text()
      }
      return { cpuMs: (cpuMs(pid) - cpu0) / runs, wallMs: (performance.now() - wall0) / runs }
    }
    const baseline = await time('/healthz')
    const perQuestion = []
    for (const question of questions) {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      }
      perQuestion.push({ question, ...(await time('/api/answer', init)) })
    }
    const meanCpuMs = perQuestion.reduce((s, q) => s + q.cpuMs, 0) / perQuestion.length
    return { baselineMs: baseline.cpuMs, perQuestion, meanCpuMs }
  } finally {
    await mf.dispose()
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[]
  samples: number[]
  timeDeltas: number[]
}

/**
 * Start-up CPU of the Worker (module evaluation: the bundle, the pack, the language model) from
 * `wrangler check startup`'s CPU profile, in ms; Workers allow 1 s. Builds the Worker itself.
 */
export function measureWorkerStartup(): number {
  const dir = mkdtempSync(join(tmpdir(), 'citable-startup-'))
  try {
    const outfile = join(dir, 'startup.cpuprofile')
    execFileSync(
      process.execPath,
      [resolve('node_modules/wrangler/bin/wrangler.js'), 'check', 'startup', '--outfile', outfile],
      {
        env: { ...process.env, WRANGLER_HIDE_BANNER: 'true', WRANGLER_SEND_METRICS: 'false' },
        stdio: 'ignore',
      },
    )
    const profile = JSON.parse(readFileSync(outfile, 'utf8')) as CpuProfile
    const idle = new Set(
      profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
    )
    // the first delta is the wait before sampling began, not work
    let us = 0
    for (let i = 1; i < profile.samples.length; i++)
      if (!idle.has(profile.samples[i]!)) us += profile.timeDeltas[i] ?? 0
    return us / 1000
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--build')) buildWorkerBundle()
  process.stdout.write(`start-up: ${measureWorkerStartup().toFixed(0)} ms CPU (limit 1000)\n`)
  const report = await measureWorkerCpu()
  for (const q of report.perQuestion)
    process.stdout.write(
      `${q.cpuMs.toFixed(2)} ms CPU, ${q.wallMs.toFixed(2)} ms wall: ${q.question}\n`,
    )
  process.stdout.write(
    `baseline (GET /healthz) ${report.baselineMs.toFixed(2)} ms CPU; mean per answer ${report.meanCpuMs.toFixed(2)} ms\n`,
  )
}
