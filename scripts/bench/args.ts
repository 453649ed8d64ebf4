/** Command-line options of `npm run bench`: `--quick`, `--only part,part`, `--help`. */
import { type Part, parts } from './results'

export interface BenchArgs {
  quick: boolean
  parts: Part[]
  help: boolean
}

export const usage = `npm run bench [-- --quick] [-- --only ${parts.join(',')}]
  --quick        a fast smoke run: small corpora, short HTTP runs (the report goes to bench/out/)
  --only a,b     run only these parts (the report goes to bench/out/)
A full run of every part writes bench/REPORT.md and bench/scale.svg.`

/** reads argv; an unknown option or part throws with a message that names it */
export function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { quick: false, parts: [...parts], help: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--quick') out.quick = true
    else if (arg === '--help' || arg === '-h') out.help = true
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length)
      if (!value) throw new Error('--only needs a list of parts')
      const wanted = value.split(',').map((p) => p.trim())
      const unknown = wanted.filter((p) => !(parts as readonly string[]).includes(p))
      if (unknown.length)
        throw new Error(`unknown part "${unknown[0]}"; the parts are ${parts.join(', ')}`)
      out.parts = parts.filter((p) => wanted.includes(p))
    } else throw new Error(`unknown option "${arg}"`)
  }
  return out
}
