/** HTTP throughput: autocannon on POST /api/answer and on GET /healthz of the same server, alternated. */
import autocannon, { type Request, type Result } from 'autocannon'
import { startServer } from './server'
import { httpMix } from './shipped-questions'
import { median } from './stats'

export interface RouteFigures {
  /** median over rounds of the mean req/s */
  rps: number
  /** median over rounds, ms */
  p50: number
  p99: number
  requests: number
  /** errors, timeouts and non-2xx summed over rounds */
  failures: number
}

export interface HttpResult {
  connections: number
  seconds: number
  rounds: number
  answer: RouteFigures
  healthz: RouteFigures
  /** answer req/s over healthz req/s: the median of the rounds' ratios */
  ratio: number
}

export interface HttpOptions {
  connections: number
  /** seconds per route and round */
  seconds: number
  rounds: number
}

/** the question mix as autocannon requests; a connection walks through them in turn */
export function answerRequests(): Request[] {
  return httpMix().map((question) => ({
    method: 'POST',
    path: '/api/answer',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  }))
}

export const failuresOf = (r: Result) => r.errors + r.timeouts + r.non2xx

function summarise(results: Result[]): RouteFigures {
  return {
    rps: median(results.map((r) => r.requests.average)),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    failures: results.reduce((n, r) => n + failuresOf(r), 0),
  }
}

export async function measureHttp(options: HttpOptions): Promise<HttpResult> {
  const server = await startServer()
  try {
    const answer = (duration: number) =>
      autocannon({
        url: server.url,
        connections: options.connections,
        duration,
        requests: answerRequests(),
      })
    const healthz = (duration: number) =>
      autocannon({ url: `${server.url}/healthz`, connections: options.connections, duration })
    // warm the JIT on both paths before any round counts
    await answer(2)
    await healthz(1)
    const answers: Result[] = []
    const healths: Result[] = []
    for (let r = 0; r < options.rounds; r++) {
      process.stderr.write(`  http: round ${r + 1} of ${options.rounds}\n`)
      answers.push(await answer(options.seconds))
      healths.push(await healthz(options.seconds))
    }
    // the ratio of each round, side by side, then the median: drift between rounds cancels out
    const ratio = median(answers.map((x, i) => x.requests.average / healths[i]!.requests.average))
    return { ...options, answer: summarise(answers), healthz: summarise(healths), ratio }
  } finally {
    await server.stop()
  }
}
