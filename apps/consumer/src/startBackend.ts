/** Starts a compiled backend of the app as a child process and waits until it answers. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'

export interface Backend {
  url: string
  /** What the process printed so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

/** A port free right now on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * Runs `node <script>` in `cwd` with `env` and a free `PORT`; resolves once an HTTP request to
 * it gets any answer, or rejects when the process exits or `deadline` (epoch ms) passes.
 */
export async function startBackend(
  cwd: string,
  script: string,
  env: Record<string, string>,
  deadline: number,
): Promise<Backend> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited early:\n${output}`)
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${script} did not listen in time:\n${output}`)
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      return { url, output: () => output, stop }
    } catch {
      await delay(100)
    }
  }
}
