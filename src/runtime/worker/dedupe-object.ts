/** Slack event dedupe on Workers: one Durable Object per event key, so a retry landing on another isolate or location is still a repeat. */

import { DurableObject } from 'cloudflare:workers'
import type { DurableObjectNamespace } from '@cloudflare/workers-types'
import type { EventDedupe } from '../../channels/slack/dedupe'

/** Slack retries within minutes (at once, after 1 and after 5): an hour covers them all */
export const dedupeKeepMs = 60 * 60_000

/** one event key; the first claim wins, every later one is a repeat until the alarm forgets it */
export class DedupeObject extends DurableObject {
  async claim(): Promise<boolean> {
    // the input gate holds other calls while storage is read, so two claims cannot both win
    if (await this.ctx.storage.get('seen')) return false
    const now = Date.now()
    await this.ctx.storage.put('seen', now)
    await this.ctx.storage.setAlarm(now + dedupeKeepMs)
    return true
  }

  async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll()
  }
}

/** the EventDedupe the Slack routes use; each claim is one Durable Object request */
export function durableObjectDedupe(namespace: DurableObjectNamespace<DedupeObject>): EventDedupe {
  return { claim: (key) => namespace.getByName(key).claim() }
}
