import { describe, expect, it } from 'vitest'
import { backgroundTasks } from '../../src/runtime/node/tasks'

/** a promise and the functions that settle it */
function later() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

describe('backgroundTasks', () => {
  it('settles only once every deferred task has, those deferred while waiting too', async () => {
    const tasks = backgroundTasks()
    const a = later()
    const b = later()
    tasks.defer(a.promise)
    let settled = false
    const waiting = tasks.settled().then(() => {
      settled = true
    })
    // a write that a finishing task starts must be waited for as well
    a.promise.then(() => tasks.defer(b.promise))
    a.resolve()
    await new Promise((done) => setTimeout(done, 10))
    expect(settled).toBe(false)
    expect(tasks.pending).toBe(1)
    b.resolve()
    await waiting
    expect(settled).toBe(true)
    expect(tasks.pending).toBe(0)
  })

  it('counts a failed task as settled, without throwing', async () => {
    const tasks = backgroundTasks()
    const a = later()
    tasks.defer(a.promise)
    a.reject(new Error('the write failed'))
    await expect(tasks.settled()).resolves.toBeUndefined()
    expect(tasks.pending).toBe(0)
  })

  it('settles at once with nothing deferred', async () => {
    await expect(backgroundTasks().settled()).resolves.toBeUndefined()
  })
})
