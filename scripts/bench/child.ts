/** Runs a benchmark script in a fresh Node process (with tsx and an exposed gc) and reads its result. */
import { spawn } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** the repository root: children read corpus/ and intents/ from there */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface ChildOptions {
  /** extra environment variables */
  env?: Record<string, string>
  /** the child is killed after this long; defaults to 5 minutes */
  timeoutMs?: number
}

/** true in the file node was started with: a child script runs its main only then, not when imported */
export function isMain(moduleUrl: string): boolean {
  return moduleUrl === pathToFileURL(process.argv[1] ?? '').href
}

/** the line of a child's stderr that says what went wrong, not the stack frames under it */
export function errorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const error = lines.find((l) => /^\w*Error\b|\bError:/.test(l) && !l.startsWith('at '))
  return (error ?? lines.at(-1) ?? '').slice(0, 300)
}

/** the JSON after `marker` on the child's stdout */
export function runChild<T>(
  script: string,
  args: string[],
  marker: string,
  options: ChildOptions = {},
): Promise<T> {
  const { env = {}, timeoutMs = 5 * 60_000 } = options
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d
    })
    child.stderr.on('data', (d: Buffer) => {
      err += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const line = out.split('\n').find((l) => l.startsWith(marker))
      if (code === 0 && line) resolve(JSON.parse(line.slice(marker.length)) as T)
      else
        reject(
          new Error(
            `${script} ${args.join(' ')}: ${signal ? `killed by ${signal} (over ${timeoutMs / 1000} s)` : `exit ${code}`}${err ? `: ${errorLine(err)}` : ''}`,
          ),
        )
    })
  })
}
