/** A bad PUBLIC_URL or QUESTION_LOG_QUEUE on the Worker is named in a 503, as Node names it when it refuses to start. */
import { describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

const worker = useWorker({ PUBLIC_URL: 'https://citable.example.org/path' })

describe('the Worker with a bad variable', () => {
  it('answers 503 naming PUBLIC_URL and what it must be', async () => {
    const res = await worker.fetch('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      error: {
        code: 'not_configured',
        message:
          'PUBLIC_URL: must be an origin such as https://citable.example.org (scheme://host[:port], no path) (got "https://citable.example.org/path")',
      },
    })
  })
})

describe('the Worker with a bad QUESTION_LOG_QUEUE', () => {
  const misconfigured = useWorker({ QUESTION_LOG_QUEUE: '0' })

  it('answers 503 naming it, as Node refuses to start with it', async () => {
    const res = await misconfigured.fetch('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      error: {
        code: 'not_configured',
        message: 'QUESTION_LOG_QUEUE: must be a whole number from 1 to 1000000 (got "0")',
      },
    })
  })
})
