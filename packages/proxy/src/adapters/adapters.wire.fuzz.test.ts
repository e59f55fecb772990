/**
 * Every adapter against raw bytes on a TCP socket: generated request lines, `Host` headers,
 * headers, body framings and client behaviours (see `test/wireInputs.ts`), sent with `node:net`
 * to the four adapters served by a process of their own. Each exchange must end in a JSON
 * answer that is no 5xx, or in a closed socket (Node's own parser answers a bare status first),
 * within the test's wait, with no stack trace in what comes back; after each batch the process
 * must still be up and each adapter must still serve a real request.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdapterServers } from '../test/adapterServersProcess.js'
import { exchange, type WireResponse } from '../test/wireExchange.js'
import { wireInputs, type WireInput } from '../test/wireInputs.js'

/** Inputs per adapter; `EPAAS_WIRE_FUZZ_RUNS` changes it. */
const RUNS = Number(process.env.EPAAS_WIRE_FUZZ_RUNS ?? 2000)
const BATCH = 250
/** Exchanges in flight at once per adapter (slow bodies wait for the 200 ms body timeout). */
const PARALLEL = 32
const SEED = Number(process.env.EPAAS_FUZZ_SEED ?? Date.now() % 2 ** 31)

const here = dirname(fileURLToPath(import.meta.url))
let child: ChildProcess
let servers: AdapterServers
let stderr = ''

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      '--conditions=@epaas-picker/source',
      '--import',
      'tsx',
      resolve(here, '../test/adapterServersProcess.ts'),
    ],
    { cwd: resolve(here, '../..'), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  )
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  servers = await new Promise<AdapterServers>((resolveServers, reject) => {
    let stdout = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const line = stdout.split('\n').find((l) => l.startsWith('{'))
      if (line) resolveServers(JSON.parse(line) as AdapterServers)
    })
    child.once('exit', (code) =>
      reject(new Error(`server process exited with ${code}:\n${stderr}`)),
    )
  })
}, 60_000)

afterAll(() => {
  child?.kill('SIGTERM')
})

const stackTrace = /\n\s+at [\w.<]|node:internal|\.[cm]?[jt]s:\d+:\d+/

/** What is wrong with one exchange's outcome, or `undefined`. */
function fault(input: WireInput, response: WireResponse): string | undefined {
  if (response.timedOut) return 'neither an answer nor a close in time'
  if (stackTrace.test(response.raw)) return 'a stack trace in the answer'
  // No final answer: the socket was closed (after, at most, Node's `100 Continue`).
  if (response.status === undefined) return undefined
  if (response.status >= 500) return `status ${response.status}: ${response.body.slice(0, 200)}`
  if (!reachesProxy(input) || response.body === '') return undefined
  const type = response.headers['content-type'] ?? ''
  if (!/json/.test(type))
    return `a ${response.status} body that is not JSON (${type}): ${response.body.slice(0, 80)}`
  try {
    for (const line of response.body.split('\n')) if (line) JSON.parse(line)
  } catch {
    return `a ${response.status} body that does not parse: ${response.body.slice(0, 80)}`
  }
  return undefined
}

/**
 * Whether a request reaches the proxy's routes once the server has normalised its target
 * (`%2e%2e`). A server that builds the URL from the `Host` header (`@hono/node-server`) can be
 * led elsewhere by it: `Host: 5:#x` gives `http://0.0.0.5/#x/api/epaas/...`, whose path is `/`,
 * so the app's own answer (Hono's plain-text 404) comes back and the proxy never sees it.
 */
function reachesProxy({ target, host }: WireInput) {
  if (!target.startsWith('/') || target.startsWith('//') || !URL.canParse(target, 'http://x')) {
    return false
  }
  const paths = [new URL(target, 'http://x').pathname]
  const hostHeader = host[0]
  if (hostHeader && URL.canParse(`http://${hostHeader}${target}`)) {
    paths.push(new URL(`http://${hostHeader}${target}`).pathname)
  }
  return paths.every((path) => path === '/api/epaas' || path.startsWith('/api/epaas/'))
}

async function alive(url: string) {
  const response = await fetch(`${url}/api/epaas/campus/department/select`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-epaas-proxy': '1',
      'x-test-user-token': servers.userToken,
    },
    body: '{"id":0}',
  })
  return {
    status: response.status,
    errcode: ((await response.json()) as { errcode?: number }).errcode,
  }
}

const adapterNames = ['node http', 'express 5 (after express.json())', 'fastify 5', 'hono 4']

describe(`the adapters on the wire (seed ${SEED})`, () => {
  it.each(adapterNames)(
    `%s: ${RUNS} raw inputs, a JSON answer or a closed socket, alive after each batch`,
    async (name) => {
      const url = servers.urls[name] as string
      const port = Number(new URL(url).port)
      const inputs = fc.sample(wireInputs(servers.userToken), {
        numRuns: RUNS,
        seed: SEED + adapterNames.indexOf(name),
      })
      const faults: string[] = []
      const statuses: Record<string, number> = {}
      for (let start = 0; start < inputs.length; start += BATCH) {
        const batch = inputs.slice(start, start + BATCH)
        let next = 0
        const worker = async () => {
          while (next < batch.length) {
            const input = batch[next++] as WireInput
            const response = await exchange(port, input.bytes, {
              behaviour: input.behaviour,
              cutAt: input.cutAt,
              head: input.method === 'HEAD',
              timeoutMs: 8000,
            })
            const key =
              response.status === undefined
                ? response.raw
                  ? 'bytes+close'
                  : 'closed'
                : String(response.status)
            statuses[key] = (statuses[key] ?? 0) + 1
            const problem = fault(input, response)
            if (problem) faults.push(`${input.label}: ${problem}`)
          }
        }
        await Promise.all(Array.from({ length: PARALLEL }, worker))
        expect(child.exitCode, `the server process died:\n${stderr.slice(-2000)}`).toBeNull()
        expect(await alive(url)).toEqual({ status: 200, errcode: 0 })
      }
      console.info(
        `${name}: ${inputs.length} raw inputs, answers by status: ${JSON.stringify(statuses)}`,
      )
      expect(faults.slice(0, 10)).toEqual([])
    },
    120_000,
  )
})
