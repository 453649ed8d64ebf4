/** Sessions on Workers: one Durable Object per session id (strongly consistent), with idle expiry by alarm. */

import { DurableObject } from 'cloudflare:workers'
import type { DurableObjectNamespace } from '@cloudflare/workers-types'
import type { SessionState, SessionStore } from '../../core/conversation/session'
import { sessionIdleMs, type WorkerVariables } from './config'

// one key per object: the object is the session, so its storage holds nothing else
const key = 'state'

/** one conversation; every turn of it, from any location, reaches this single instance */
export class SessionObject extends DurableObject<WorkerVariables> {
  async read(): Promise<SessionState | undefined> {
    const stored = await this.ctx.storage.get<{ state: SessionState; touched: number }>(key)
    // an alarm can fire late: an expired session is gone even before it runs
    if (!stored || Date.now() - stored.touched >= sessionIdleMs(this.env)) return undefined
    return stored.state
  }

  async write(state: SessionState): Promise<void> {
    const touched = Date.now()
    await this.ctx.storage.put(key, { state, touched })
    await this.ctx.storage.setAlarm(touched + sessionIdleMs(this.env))
  }

  async remove(): Promise<void> {
    // since compatibility date 2026-02-24 this also deletes the alarm
    await this.ctx.storage.deleteAll()
  }

  /** idle expiry: nothing is kept for a conversation nobody continues */
  async alarm(): Promise<void> {
    await this.remove()
  }
}

/** the SessionStore the core uses, backed by one SessionObject per id; each call is one DO request */
export function durableObjectStore(namespace: DurableObjectNamespace<SessionObject>): SessionStore {
  return {
    get: (id) => namespace.getByName(id).read(),
    set: (id, state) => namespace.getByName(id).write(state),
    delete: (id) => namespace.getByName(id).remove(),
  }
}
