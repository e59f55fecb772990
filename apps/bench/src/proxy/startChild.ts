/**
 * Starts one of `servers/*.ts` in a child process (the script itself through tsx) and reads the
 * JSON line it prints once listening.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** A running child: what it printed, and how to stop it. */
export interface Child<T> {
  info: T
  process: ChildProcess
  stop(): Promise<void>
}

const benchDir = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Where the workspace packages come from in the child: `dist` (what ships, compiled by `tsc`;
 * `pnpm build` first) or `source` (TypeScript through tsx, which wraps functions in `__name`
 * calls and costs a little more).
 */
export type PackageCode = 'dist' | 'source'

/** `dist` when every package the servers import has been built, else `source`. */
export function availableCode(): PackageCode {
  const built = ['protocol/dist/index.js', 'proxy/dist/index.js', 'mock-server/dist/node.js']
  return built.every((file) =>
    existsSync(fileURLToPath(new URL(`../../../../packages/${file}`, import.meta.url))),
  )
    ? 'dist'
    : 'source'
}

/** Starts `servers/<name>.ts` with `env` added; rejects if it exits or is silent for 30 s. */
export function startChild<T>(
  name: string,
  env: Record<string, string> = {},
  code: PackageCode = 'source',
): Promise<Child<T>> {
  const script = fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url))
  const child = spawn(
    process.execPath,
    [
      ...(code === 'source' ? ['--conditions=@epaas-picker/source'] : []),
      '--import',
      'tsx',
      script,
    ],
    {
      cwd: benchDir,
      env: { ...process.env, EPAAS_PROXY_LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        resolve()
        return
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.stdin?.end()
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`${name} did not start within 30 s`))
    }, 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with code ${code}`))
    })
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => {
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({ info: JSON.parse(line) as T, process: child, stop })
    })
  })
}
