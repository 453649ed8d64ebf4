/** `npm run bench`: speed, memory and scale measured side by side, written to bench/REPORT.md and printed. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, usage } from './bench/args'
import { compareWithSearchBox } from './bench/baseline'
import { repoRoot, runChild } from './bench/child'
import { measureWorstCpu } from './bench/cpu'
import { healthzRun } from './bench/healthz-run'
import { measureHttp } from './bench/http'
import { measureLatency } from './bench/latency'
import { loadTest } from './bench/load'
import { chartFile, renderReport } from './bench/report'
import { type BenchResults, machine, type Part, parts } from './bench/results'
import { fullSizes, measureScale, quickSizes, scaleChart } from './bench/scale'
import { measureStartup } from './bench/startup'
import { measureStore } from './bench/store'
import { type WorkerResult, workerMarker } from './bench/worker-child'

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.help) {
    process.stdout.write(`${usage}\n`)
    return
  }
  const { quick } = args
  const started = performance.now()
  const results: BenchResults = {
    machine: machine(),
    quick,
    parts: args.parts,
    startedAt: new Date().toISOString(),
    seconds: 0,
    loadAverages: {},
    notMeasured: {},
  }
  const run: Record<Part, () => Promise<void>> = {
    latency: async () => {
      results.latency = await measureLatency(
        quick ? { warmup: 20, rounds: 3, perRound: 40 } : { warmup: 100, rounds: 5, perRound: 200 },
      )
    },
    cpu: async () => {
      results.cpu = await measureWorstCpu(quick ? 150 : 1500)
    },
    scale: async () => {
      results.scale = await measureScale(quick ? quickSizes : fullSizes, quick)
    },
    http: async () => {
      results.http = await measureHttp(
        quick
          ? { connections: 10, seconds: 3, rounds: 1 }
          : { connections: 10, seconds: 8, rounds: 3 },
      )
    },
    load: async () => {
      results.load = await loadTest(quick ? { seconds: 12, settleSeconds: 4 } : {})
      // the heap is capped where the service starts (package.json's start), so no capped rerun
      results.healthzRun = await healthzRun({ requests: quick ? 50_000 : 500_000 })
    },
    startup: async () => {
      results.startup = await measureStartup(quick ? 2 : 5)
    },
    worker: async () => {
      const script = fileURLToPath(new URL('./bench/worker-child.ts', import.meta.url))
      results.worker = await runChild<WorkerResult>(script, quick ? ['--quick'] : [], workerMarker)
    },
    baseline: async () => {
      results.baseline = await compareWithSearchBox()
    },
    store: async () => {
      results.store = await measureStore(quick)
    },
  }
  for (const part of args.parts) {
    const t = performance.now()
    results.loadAverages[part] = loadavg()[0]!
    process.stderr.write(`bench: ${part}\n`)
    try {
      await run[part]()
    } catch (error) {
      results.notMeasured[part] = (error as Error).message
      process.stderr.write(`bench: ${part} not measured: ${(error as Error).message}\n`)
    }
    process.stderr.write(`bench: ${part} took ${((performance.now() - t) / 1000).toFixed(1)} s\n`)
  }
  results.seconds = (performance.now() - started) / 1000

  // only a full run of every part replaces the committed report; the rest is scratch
  const complete = !quick && args.parts.length === parts.length
  const dir = join(repoRoot, complete ? 'bench' : 'bench/out')
  mkdirSync(join(repoRoot, 'bench/out'), { recursive: true })
  const report = renderReport(results)
  writeFileSync(join(dir, 'REPORT.md'), report)
  if (results.scale?.points.length)
    writeFileSync(join(dir, chartFile), scaleChart(results.scale.points))
  writeFileSync(join(repoRoot, 'bench/out/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  process.stdout.write(report)
  process.stderr.write(`bench: report written to ${join(dir, 'REPORT.md')}\n`)
}

main().catch((error: Error) => {
  process.stderr.write(`bench: ${error.message}\n`)
  process.exit(1)
})
