/** Work a request leaves running after its response (question-log writes, Slack replies), awaited before the process exits. */

export interface Tasks {
  /** keeps `task` until it settles; a failure is the task's own business (it reports it itself) */
  defer(task: Promise<unknown>): void
  /** tasks not yet settled */
  readonly pending: number
  /** resolves once every task has settled, those added while waiting too */
  settled(): Promise<void>
}

export function backgroundTasks(): Tasks {
  const running = new Set<Promise<unknown>>()
  return {
    defer(task) {
      const tracked = task.then(
        () => {},
        () => {},
      )
      running.add(tracked)
      void tracked.then(() => running.delete(tracked))
    },
    get pending() {
      return running.size
    },
    async settled() {
      while (running.size > 0) await Promise.all([...running])
    },
  }
}
