/** The bundled Worker in workerd: health, answers with exact citations, and the contract's errors. */
import { describe, expect, it } from 'vitest'
import { useWorker } from './helpers'

interface Citation {
  docId: string
  quote: string
  start: number
  end: number
}

const worker = useWorker({ RATE_LIMIT_PER_MINUTE: '0' })

describe('the Worker', () => {
  it('says it is healthy once the prebuilt pack is loaded', async () => {
    const response = await worker.fetch('/healthz')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { ok: boolean; documents: number; passages: number }
    expect(body.ok).toBe(true)
    expect(body.documents).toBeGreaterThan(0)
    expect(body.passages).toBeGreaterThan(0)
  })

  it('answers with citations whose quotes are exact slices of the document text', async () => {
    const response = await worker.post('/api/answer', {
      question: 'How much does Wuxi invest in smart cities per year?',
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      answer: string
      abstained: boolean
      citations: Citation[]
      sessionId: string
    }
    expect(body.abstained).toBe(false)
    expect(body.sessionId).toMatch(/^[A-Za-z0-9_-]{1,128}$/)
    expect(body.citations.length).toBeGreaterThan(0)
    for (const citation of body.citations) {
      const doc = (await (await worker.fetch(`/api/documents/${citation.docId}`)).json()) as {
        text: string
      }
      expect(doc.text.slice(citation.start, citation.end)).toBe(citation.quote)
    }
  })

  it('answers GET /api/answer?q= the same way', async () => {
    const response = await worker.fetch(`/api/answer?q=${encodeURIComponent('What is PPP?')}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty('sessionId')
  })

  it('refuses a request without a question with 400', async () => {
    const response = await worker.post('/api/answer', { sessionId: 'abc' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'invalid_question', message: 'question is required' },
    })
  })

  it('answers 404 for a document the corpus does not hold', async () => {
    const response = await worker.fetch('/api/documents/no-such-doc')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'no document "no-such-doc"' },
    })
  })

  it('answers 404 in the contract shape for an unknown route', async () => {
    const response = await worker.fetch('/nowhere')
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})

describe('the Worker with a bad variable', () => {
  const misconfigured = useWorker({ RATE_LIMIT_PER_MINUTE: 'lots' })

  it('answers 503 naming the variable, as Node refuses to start', async () => {
    const response = await misconfigured.fetch('/healthz')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: {
        code: 'not_configured',
        message: 'RATE_LIMIT_PER_MINUTE: must be a whole number from 0 to 1000000 (got "lots")',
      },
    })
  })
})

describe('the Worker with a bad Workers-only variable', () => {
  const misconfigured = useWorker({ SESSION_IDLE_SECONDS: '0' })

  it('answers 503 naming SESSION_IDLE_SECONDS', async () => {
    const response = await misconfigured.post('/api/answer', { question: 'Who is Walter Fang?' })
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: {
        code: 'not_configured',
        message:
          'SESSION_IDLE_SECONDS: must be a whole number of seconds from 1 to 604800 (got "0")',
      },
    })
  })
})
