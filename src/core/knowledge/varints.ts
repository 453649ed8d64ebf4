/** Unsigned varints, the packed snapshot's numbers: written into a growing buffer, read back one a call. */

/** unsigned varints (7 bits a byte, low first) written into a growing buffer */
export class Writer {
  buffer = new Uint8Array(1 << 16)
  at = 0
  uint(n: number) {
    if (this.at + 5 > this.buffer.length) this.grow()
    while (n > 0x7f) {
      this.buffer[this.at++] = (n & 0x7f) | 0x80
      n >>>= 7
    }
    this.buffer[this.at++] = n
  }
  bytes(more: Uint8Array) {
    while (this.at + more.length > this.buffer.length) this.grow()
    this.buffer.set(more, this.at)
    this.at += more.length
  }
  done(): Uint8Array {
    return this.buffer.subarray(0, this.at)
  }
  private grow() {
    const grown = new Uint8Array(this.buffer.length * 2)
    grown.set(this.buffer)
    this.buffer = grown
  }
}

/** reads the varints of `bytes` from `at` on, one a call; `skip` moves on by bytes, `at` tells where */
export function varints(bytes: Uint8Array, at: number) {
  const read = () => {
    let n = 0
    let shift = 0
    let b: number
    do {
      b = bytes[at++]!
      n += (b & 0x7f) * 2 ** shift
      shift += 7
    } while (b & 0x80)
    return n
  }
  return Object.assign(read, {
    skip: (n: number) => {
      at += n
    },
    at: () => at,
  })
}
