/** A long run of the trivial route (500,000 GET /healthz by default): does RSS stay bounded when nothing is answered? */
import autocannon from 'autocannon'
import { rssOrZero, startServer } from './server'

export interface HealthzRunOptions {
  /** defaults to 500,000 */
  requests?: number
  /** defaults to 50 */
  connections?: number
}

export interface HealthzRunResult extends Required<HealthzRunOptions> {
  seconds: number
  rps: number
  /** errors, timeouts and non-2xx */
  failures: number
  rssAtStart: number
  rssPeak: number
  rssAtEnd: number
}

export async function healthzRun(options: HealthzRunOptions = {}): Promise<HealthzRunResult> {
  const { requests = 500_000, connections = 50 } = options
  const server = await startServer()
  try {
    const rssAtStart = rssOrZero(server.pid)
    let rssPeak = rssAtStart
    // every 250 ms: a peak between two readings is missed, but not one that lasts
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssOrZero(server.pid))
    }, 250)
    const result = await autocannon({
      url: `${server.url}/healthz`,
      connections,
      amount: requests,
    })
    clearInterval(sampler)
    const rssAtEnd = rssOrZero(server.pid)
    return {
      requests: result.requests.total,
      connections,
      seconds: result.duration,
      rps: result.requests.average,
      failures: result.errors + result.timeouts + result.non2xx,
      rssAtStart,
      rssPeak: Math.max(rssPeak, rssAtEnd),
      rssAtEnd,
    }
  } finally {
    await server.stop()
  }
}
