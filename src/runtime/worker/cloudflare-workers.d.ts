/** The slice of the `cloudflare:workers` module the Worker uses, typed without pulling Workers globals into the Node typecheck. */
declare module 'cloudflare:workers' {
  import type { DurableObjectState, Rpc } from '@cloudflare/workers-types'

  // the brand makes DurableObjectNamespace<T> accept the class, so stubs get typed RPC methods
  export abstract class DurableObject<Env = unknown> implements Rpc.DurableObjectBranded {
    [Rpc.__DURABLE_OBJECT_BRAND]: never
    protected ctx: DurableObjectState
    protected env: Env
    constructor(ctx: DurableObjectState, env: Env)
  }

  /** keeps a promise alive after the response, in the context of the request that is running */
  export function waitUntil(promise: Promise<unknown>): void
}
