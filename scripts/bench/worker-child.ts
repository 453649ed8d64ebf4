/** In a fresh process: the Worker bundle's size, and CPU time per answer in workerd (read from /proc). */
import { readdirSync, readFileSync } from 'node:fs'
import { startLocalWorker } from '../worker-local'
import { workerSize } from '../worker-size'
import { isMain } from './child'
import { httpMix } from './shipped-questions'
import { percentile } from './stats'

export interface WorkerResult {
  raw: number
  gzip: number
  gzipLimit: number
  /** timed answers, one at a time */
  requests: number
  /** workerd's user + system CPU time over the timed answers, divided by their number */
  cpuMsPerRequest: number
  /** the same for GET /healthz: what workerd and the app cost around an answer */
  cpuMsPerHealthz: number
  /** wall time seen by the client, ms */
  p50: number
  p99: number
}

export const workerMarker = 'WORKER_RESULT '

/** pids of every process below `pid`, from /proc/<pid>/task/<tid>/children */
function descendants(pid: number): number[] {
  const out: number[] = []
  let tasks: string[] = []
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return out
  }
  for (const tid of tasks) {
    const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim()
    for (const child of children ? children.split(/\s+/).map(Number) : [])
      out.push(child, ...descendants(child))
  }
  return out
}

/** user + system CPU of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks; Linux's USER_HZ is 100) */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // the command name may hold spaces: count fields after its closing bracket
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

async function main() {
  const quick = process.argv.includes('--quick')
  const size = workerSize({ build: true })
  const { mf, url } = await startLocalWorker({ vars: { RATE_LIMIT_PER_MINUTE: '0' } })
  try {
    const workerd = descendants(process.pid).find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('workerd')
      } catch {
        return false
      }
    })
    if (!workerd) throw new Error('no workerd process found below this one')
    const mix = httpMix()
    const post = async (i: number) => {
      const res = await fetch(new URL('/api/answer', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: mix[i % mix.length] }),
      })
      if (res.status !== 200) throw new Error(`/api/answer answered ${res.status} in workerd`)
      await res.arrayBuffer()
    }
    for (let i = 0; i < (quick ? 20 : 100); i++) await post(i)
    const requests = quick ? 100 : 600
    const wall: number[] = []
    const cpuBefore = cpuMs(workerd)
    for (let i = 0; i < requests; i++) {
      const start = performance.now()
      await post(i)
      wall.push(performance.now() - start)
    }
    const answersCpu = cpuMs(workerd) - cpuBefore
    const healthBefore = cpuMs(workerd)
    for (let i = 0; i < requests; i++) {
      const res = await fetch(new URL('/healthz', url))
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status} in workerd`)
      await res.arrayBuffer()
    }
    const result: WorkerResult = {
      raw: size.raw,
      gzip: size.gzip,
      gzipLimit: size.gzipLimit,
      requests,
      cpuMsPerRequest: answersCpu / requests,
      cpuMsPerHealthz: (cpuMs(workerd) - healthBefore) / requests,
      p50: percentile(wall, 50),
      p99: percentile(wall, 99),
    }
    process.stdout.write(`\n${workerMarker}${JSON.stringify(result)}\n`)
  } finally {
    await mf.dispose()
  }
}

if (isMain(import.meta.url))
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`)
    process.exit(1)
  })
