/** Errors of the store layer: a database this code cannot use, or a change that lost a race. */

export const storeErrorCodes = {
  store_newer: 'the database was migrated by a newer citable',
  store_conflict: 'the articles changed while this change was being built',
} as const

export class StoreError extends Error {
  constructor(
    readonly code: keyof typeof storeErrorCodes,
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}
