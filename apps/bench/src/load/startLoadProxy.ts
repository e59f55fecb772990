/** Starts `loadProxyProcess.ts` in a child Node process and talks to it. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { LoadProxyConfig } from './loadProxyProcess.js'

/** What the process reports on `GET /__process/stats`. */
export interface LoadProxyStats {
  heapUsed: number
  /** The part of `heapUsed` holding compiled code. */
  codeUsed: number
  gc: boolean
}

/** A running proxy process. */
export interface LoadProxy {
  url: string
  stats(): Promise<LoadProxyStats>
  /** Collects garbage and answers the stats after it. */
  gc(): Promise<LoadProxyStats>
  stop(): Promise<void>
}

const script = fileURLToPath(new URL('./loadProxyProcess.ts', import.meta.url))
const benchDir = fileURLToPath(new URL('../..', import.meta.url))

/** Starts the proxy process (workspace packages from source, `--expose-gc`); resolves once it listens. */
export async function startLoadProxy(config: LoadProxyConfig): Promise<LoadProxy> {
  const child = spawn(
    process.execPath,
    ['--conditions=@epaas-picker/source', '--import', 'tsx', '--expose-gc', script],
    {
      cwd: benchDir,
      env: {
        ...process.env,
        EPAAS_LOAD_PROXY: JSON.stringify(config),
        EPAAS_PROXY_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  )
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the load proxy did not start within 30 s'))
    }, 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const line = stdout.split('\n').find((l) => l.startsWith('{'))
      if (!line) return
      clearTimeout(timer)
      resolveUrl((JSON.parse(line) as { url: string }).url)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the load proxy exited with ${code}`))
    })
  })
  const get = async (path: string, method = 'GET') =>
    (await (await fetch(`${url}${path}`, { method })).json()) as LoadProxyStats
  return {
    url,
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
