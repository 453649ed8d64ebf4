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
            `${script} ${args.join(' ')}: ${signal ? `killed by ${signal} (over ${timeoutMs / 1000} s)` : `exit ${code}`}${err ? `: ${err.trim().split('\n').slice(-3).join(' ')}` : ''}`,
          ),
        )
    })
  })
}
