/**
 * Starts `proxyProcess.ts` in a child Node process (TypeScript through tsx, workspace packages
 * from source) and talks to it: its URL, its stderr, its stats, a GC, and a stop.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'
import type { ProxyProcessConfig } from './proxyProcess.js'

const here = dirname(fileURLToPath(import.meta.url))
const script = resolve(here, 'proxyProcess.ts')
/** The package directory: `--import tsx` resolves from there. */
const packageDir = resolve(here, '../..')

/** What a process reports on `GET /__process/stats`. */
export interface ProxyProcessStats {
  name: string
  /** The ioredis connection state (`ready`, `reconnecting`, ...), or `none`. */
  redis: string
  heapUsed: number
  /** The part of `heapUsed` holding compiled code. */
  codeUsed: number
  gc: boolean
  events: Record<string, number>
}

/** A running proxy process. */
export interface ProxyProcess {
  url: string
  /** Everything it wrote to stderr so far (warnings, logs). */
  stderr(): string
  stats(): Promise<ProxyProcessStats>
  /** Collects garbage (with `exposeGc`) and answers the stats after it. */
  gc(): Promise<ProxyProcessStats>
  stop(): Promise<void>
}

/** Starts one proxy process; resolves once it listens. */
export async function startProxyProcess(
  config: ProxyProcessConfig,
  options: { exposeGc?: boolean; timeoutMs?: number } = {},
): Promise<ProxyProcess> {
  const args = [
    '--conditions=@epaas-picker/source',
    '--import',
    'tsx',
    ...(options.exposeGc ? ['--expose-gc'] : []),
    script,
  ]
  const child = spawn(process.execPath, args, {
    cwd: packageDir,
    env: { ...process.env, EPAAS_PROXY_PROCESS: JSON.stringify(config) },
    // The IPC channel tells the child when this process goes away, so it never lingers.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })

  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`proxy process ${config.name} did not start:\n${stderr}`))
    }, options.timeoutMs ?? 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const line = stdout.split('\n').find((l) => l.startsWith('{'))
      if (!line) return
      clearTimeout(timer)
      resolveUrl((JSON.parse(line) as { url: string }).url)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`proxy process ${config.name} exited with ${code}:\n${stderr}`))
    })
  })

  const get = async (path: string, method = 'GET') =>
    (await (await fetch(`${url}${path}`, { method })).json()) as ProxyProcessStats

  return {
    url,
    stderr: () => stderr,
    stats: () => get('/__process/stats'),
    gc: () => get('/__process/gc', 'POST'),
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop()
        child.once('exit', () => resolveStop())
        child.kill('SIGTERM')
      }),
  }
}
