/** A clock a test moves by hand: `now()` for the code under test, `advance(ms)` for the test. */
export function manualClock(start = 0) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}
