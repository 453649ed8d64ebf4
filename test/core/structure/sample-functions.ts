/** Functions of known lengths, measured by function-length.test.ts. */
export function three(): number {
  return 1
}

export const four = (): number => {
  const inner = (): number => 2
  return inner()
}

export const holder = {
  one(): number {
    return 3
  },
}
