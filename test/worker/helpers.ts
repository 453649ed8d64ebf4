/** Test helpers for the Worker: one workerd per test file, serving the bundle global setup built. */
import { afterAll, beforeAll, inject } from 'vitest'
import { type LocalWorker, startLocalWorker } from '../../scripts/worker-local'

export interface WorkerHandle {
  /** a request to the Worker; paths are relative to its origin */
  fetch(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<Response>
  /** POST a JSON body */
  post(path: string, body: unknown): Promise<Response>
  /** the Miniflare instance, for bindings (Durable Objects) */
  readonly local: LocalWorker
}

/** starts the Worker before the file's tests and stops it after; vars add to wrangler.toml's */
export function useWorker(vars: Record<string, string> = {}): WorkerHandle {
  let local: LocalWorker | undefined
  beforeAll(async () => {
    local = await startLocalWorker({
      bundleDir: inject('workerBundleDir'),
      workerOptions: inject('workerOptions'),
      vars,
    })
  })
  afterAll(async () => {
    await local?.mf.dispose()
  })
  const handle: WorkerHandle = {
    async fetch(path, init) {
      // Miniflare's Response is undici's; re-wrapping gives the test the global one
      const response = await handle.local.mf.dispatchFetch(`http://localhost${path}`, init)
      const empty = response.status === 204 || response.status === 304
      return new Response(empty ? null : await response.arrayBuffer(), {
        status: response.status,
        headers: Object.fromEntries(response.headers),
      })
    },
    post(path, body) {
      return handle.fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    },
    get local() {
      if (!local) throw new Error('the Worker is not started yet')
      return local
    },
  }
  return handle
}
