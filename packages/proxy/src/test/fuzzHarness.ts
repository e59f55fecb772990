/**
 * The fuzzing harness shared by the route fuzz suites: a proxy in-process with the mock's real
 * handler upstream (`fetch: mock.fetch`), generated requests per route, and the checks every
 * answer must pass: never a 5xx, an error is always `{ error: { code, message } }` with the status
 * of its code, a resolve stream ends with a summary or an error line, no token in any answer, no
 * prototype polluted, no upstream request outside the base URL, no unhandled rejection.
 */
import { createMockEpaas } from '@epaas-picker/mock-server'
import fc from 'fast-check'
import { pino } from 'pino'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, expect } from 'vitest'
import { createEpaasProxy } from '../createEpaasProxy.js'
import { errorStatus } from '../ProxyError.js'
import { routes, type Route } from '../routes.js'
import { staticToken } from '../tokens/TokenSource.js'
import { fuzzInput, unknownPath, type FuzzContext, type FuzzInput } from './fuzzInputs.js'

/** Inputs per route; `EPAAS_FUZZ_RUNS` changes it (e.g. 100000 for a longer hunt). */
export const RUNS = Number(process.env.EPAAS_FUZZ_RUNS ?? 10_000)
/** A fixed seed to replay a failure (fast-check prints the seed of a failing run). */
const SEED = process.env.EPAAS_FUZZ_SEED ? Number(process.env.EPAAS_FUZZ_SEED) : undefined
const BASE = 'http://mock.epaas'
const SESSION_HEADER = 'x-test-user-token'

/** Sets up a mock, a proxy and the checks; call once at the top of a test file. */
export function createFuzzHarness() {
  const mock = createMockEpaas({ dataset: 'small' })
  const userToken = mock.issueUserToken()
  const orgToken = mock.issueOrgToken()
  const revokedToken = mock.issueUserToken()
  mock.revokeToken(revokedToken)
  const context: FuzzContext = {
    data: mock.data,
    userToken,
    revokedToken,
    sessionHeader: SESSION_HEADER,
  }

  /** Upstream URLs that were not the configured base (there must be none). */
  const strayUpstream: string[] = []
  /** The session header of the request being served: the test app's user token, whatever it is. */
  let sessionToken: string | null = null
  const upstreamFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.origin !== BASE) strayUpstream.push(url.href)
    // Tokens the proxy sends must be ours: an input never chooses the access token.
    const sent = url.searchParams.get('access_token')
    if (sent !== null && sent !== sessionToken && sent !== orgToken) {
      strayUpstream.push(`token from input: ${url.pathname}`)
    }
    // The mock's request log would grow with every call; it is not needed here.
    if (mock.requests.length > 1000) mock.resetLog()
    return mock.fetch(input, init)
  }

  /** Every warning and error the proxy logged. */
  const logged: { level: number; msg: string; code?: string }[] = []
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString('utf8')) as (typeof logged)[number])
        done()
      },
    }),
  )

  const proxy = createEpaasProxy({
    baseUrl: BASE,
    fetch: upstreamFetch,
    authorize: () => true,
    getUserToken: (request) => request.headers.get(SESSION_HEADER) ?? undefined,
    orgToken: staticToken(orgToken),
    logger,
    retry: { minDelayMs: 1, maxDelayMs: 2 },
    rateLimit: { points: 1e9 },
  })

  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled)
  })
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled)
    // The figures for docs/reliability.md.
    console.info(`fuzz summary:\n${[...tallies].map(([route, t]) => line(route, t)).join('\n')}`)
    const kinds = new Map<string, number>()
    for (const t of tallies.values())
      for (const [k, n] of t.byKind) kinds.set(k, (kinds.get(k) ?? 0) + n)
    console.info(`fuzz input kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`)
  })

  interface Tally {
    tried: number
    byStatus: Map<number, number>
    byKind: Map<string, number>
  }
  const tallies = new Map<string, Tally>()
  const bump = (map: Map<string | number, number>, key: string | number) =>
    map.set(key, (map.get(key) ?? 0) + 1)
  const line = (route: string, t: Tally) =>
    `${route}: ${t.tried} inputs; statuses ${[...t.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}x${n}`)
      .join(' ')}`

  function toRequest(input: FuzzInput, path: string): Request {
    const url = new URL(`http://app.test/api/epaas${path}`)
    for (const [key, value] of input.query) url.searchParams.append(key, value)
    const headers = new Headers()
    for (const [name, value] of input.headers) headers.append(name, value)
    return new Request(url, { method: input.method, headers, body: input.body })
  }

  const errorKeys = new Set(['code', 'message', 'errcode'])

  /** Checks one JSON error body against its status; answers the problem, or undefined. */
  function checkError(status: number, body: unknown): string | undefined {
    if (typeof body !== 'object' || body === null) return 'error body is not an object'
    const keys = Object.keys(body)
    if (keys.length !== 1 || keys[0] !== 'error') return `error body keys ${keys.join(',')}`
    const error = (body as { error: Record<string, unknown> }).error
    if (typeof error.code !== 'string' || typeof error.message !== 'string' || !error.message) {
      return 'error without code and message'
    }
    if (Object.keys(error).some((k) => !errorKeys.has(k))) return 'unexpected field in error'
    const expected = errorStatus[error.code as keyof typeof errorStatus]
    if (expected !== status) return `code ${error.code} answered with status ${status}`
    return undefined
  }

  /** Sends one input and answers what is wrong with the answer (or undefined). */
  async function exercise(input: FuzzInput, tally: Tally): Promise<string | undefined> {
    const request = toRequest(input, input.path)
    sessionToken = request.headers.get(SESSION_HEADER)
    const response = await proxy.handle(request)
    const text = await response.text()
    bump(tally.byStatus, response.status)
    if (response.status >= 500) return `status ${response.status}: ${text.slice(0, 300)}`
    if (text.includes(userToken) || text.includes(orgToken)) return 'a token in the answer'
    if (Object.keys(Object.prototype).length > 0 || ({} as { polluted?: unknown }).polluted) {
      return 'Object.prototype was polluted'
    }
    const type = response.headers.get('content-type') ?? ''
    if (response.status >= 400) {
      if (!type.startsWith('application/json')) return `error with content-type ${type}`
      return checkError(response.status, JSON.parse(text))
    }
    if (type.startsWith('application/x-ndjson')) {
      const events = text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string; error?: { code: string } })
      const last = events.at(-1)
      if (!last) return 'empty resolve stream'
      if (events.slice(0, -1).some((e) => e.type === 'summary' || e.type === 'error')) {
        return 'summary or error before the end of the stream'
      }
      if (last.type === 'error') {
        const { type: _type, ...body } = last
        const status = errorStatus[last.error?.code as keyof typeof errorStatus]
        if (status === undefined || status >= 500) return `stream ended with ${last.error?.code}`
        return checkError(status, body)
      }
      if (last.type !== 'summary') return `stream ended with ${last.type}`
      return undefined
    }
    const body = JSON.parse(text) as { errcode?: unknown }
    if (body.errcode !== 0) return `200 without errcode 0: ${text.slice(0, 200)}`
    return undefined
  }

  async function fuzz(path: string, arbitrary: fc.Arbitrary<FuzzInput>) {
    const tally: Tally = { tried: 0, byStatus: new Map(), byKind: new Map() }
    tallies.set(path, tally)
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        tally.tried += 1
        bump(tally.byKind, input.kind)
        const problem = await exercise(input, tally)
        if (problem) throw new Error(problem)
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
    )
    console.info(line(path, tally))
    expect(tally.tried).toBeGreaterThanOrEqual(RUNS)
    expect(unhandled).toEqual([])
    expect(strayUpstream).toEqual([])
    expect(logged.filter((l) => l.level >= 50).slice(0, 3)).toEqual([])
    // Some inputs must get through to upstream, or the fuzzing only tested the validator.
    expect(tally.byStatus.get(200) ?? 0).toBeGreaterThan(RUNS / 20)
  }

  /** Fuzzes one route with {@link RUNS} generated requests. */
  async function fuzzRoute(route: Route) {
    await fuzz(route.path, fuzzInput(context, route))
  }

  /** Fuzzes paths that are no route: each answers 404 as JSON. */
  async function fuzzUnknownPaths(runs: number) {
    const base = fuzzInput(context, routes.get('/campus/department/select') as Route)
    const tally: Tally = { tried: 0, byStatus: new Map(), byKind: new Map() }
    tallies.set('(unknown paths)', tally)
    await fc.assert(
      fc.asyncProperty(base, unknownPath, async (input, path) => {
        tally.tried += 1
        if (routes.has(path)) return
        const response = await proxy.handle(toRequest(input, path))
        bump(tally.byStatus, response.status)
        expect(response.status).toBe(404)
        expect(checkError(response.status, await response.json())).toBeUndefined()
      }),
      { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) },
    )
    console.info(line('(unknown paths)', tally))
    expect(tally.tried).toBe(runs)
    expect(unhandled).toEqual([])
  }

  return { fuzzRoute, fuzzUnknownPaths }
}
