/**
 * Starts a real `redis-server` on a loopback ephemeral port for a test, and stops it after.
 * A missing binary is an error, never a skip: CI installs Redis, and so must a developer.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { delimiter, join } from 'node:path'

/** Where redis-server is: `REDIS_SERVER`, else the PATH, else the usual install paths. */
export function findRedisServer(): string | undefined {
  const fromEnv = process.env.REDIS_SERVER
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
    '/usr/bin/redis-server',
    '/usr/local/bin/redis-server',
    '/opt/homebrew/bin/redis-server',
  ]
  return candidates.find((path) => existsSync(path))
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface RunningRedis {
  url: string
  port: number
  stop(): Promise<void>
}

/**
 * Starts redis-server (no persistence) on 127.0.0.1 and resolves once it accepts connections.
 * Give `port` to start again where a stopped one was (clients reconnect to it).
 */
export async function startRedis(
  binary = findRedisServer(),
  options: { port?: number } = {},
): Promise<RunningRedis> {
  if (!binary || !existsSync(binary)) {
    throw new Error(
      'redis-server was not found, and the Redis tests need a real one: install it ' +
        '(apt-get install redis-server, brew install redis) or set REDIS_SERVER to its path.',
    )
  }
  for (let attempt = 0; ; attempt++) {
    const port = options.port ?? (await freePort())
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      await ready(child)
    } catch (error) {
      child.kill('SIGKILL')
      // The port was taken between our probe and the start (or is still closing after a stop).
      if (attempt < 3) {
        if (options.port !== undefined) await new Promise((r) => setTimeout(r, 200))
        continue
      }
      throw error
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    }
  }
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}:\n${output}`))
    })
  })
}
