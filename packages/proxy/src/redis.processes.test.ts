/**
 * Scale past one process: three proxy processes (each a Node server of its own) share one real
 * redis-server, started here on a loopback ephemeral port. The org token is fetched once across
 * all of them (the Redis lock), the mapping cache and the rate limits are shared. Redis stopped
 * mid-run: every request still succeeds, each process on its own memory, with a warning. Redis
 * back on the same port: sharing resumes by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockServer, startMock } from './test/harness.js'
import { type ProxyProcess, startProxyProcess } from './test/startProxyProcess.js'
import { type RunningRedis, startRedis } from './test/startRedis.js'

const SUITE = '/service/get_suite_token'
const CORP = '/service/get_corp_token'
const WECOM_USERS = '/user/qywechat/get_qywechat_ids'
const PROCESSES = 3
const RATE_POINTS = 20

let redis: RunningRedis
let server: MockServer
let processes: ProxyProcess[] = []

beforeAll(async () => {
  // A missing redis-server fails here, with a message saying how to install it.
  redis = await startRedis()
  server = await startMock()
  const keyPrefix = `scale:${Date.now()}:`
  processes = await Promise.all(
    Array.from({ length: PROCESSES }, (_, i) =>
      startProxyProcess({
        name: `proxy-${i}`,
        mockUrl: server.url,
        credentials: server.mock.credentials,
        redisUrl: redis.url,
        keyPrefix,
        rateLimitPoints: RATE_POINTS,
      }),
    ),
  )
}, 60_000)

const figures = { requests: 0, failed: 0, duringOutage: 0 }
afterAll(async () => {
  console.info(
    `${PROCESSES} processes on one Redis: ${figures.requests} requests, ${figures.failed} failed, ${figures.duringOutage} of them while Redis was stopped`,
  )
  await Promise.all(processes.map((p) => p.stop()))
  await server?.close()
  await redis?.stop()
})

const users = () => server.mock.data.users
let sessions = 0
let redisDown = false

/** A mapping request to process `i`; each has its own session, so no rate limit is shared. */
async function lookup(i: number, userids: (string | number)[], session = `s${sessions++}`) {
  const target = processes[i % PROCESSES] as ProxyProcess
  const response = await fetch(`${target.url}/api/epaas${WECOM_USERS}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-epaas-proxy': '1',
      'x-test-user-token': session,
    },
    body: JSON.stringify({ userids }),
  })
  const body = (await response.json()) as { qywechat_ids?: { userid: string }[] }
  figures.requests += 1
  if (response.status >= 500) figures.failed += 1
  if (redisDown) figures.duringOutage += 1
  return { status: response.status, body, retryAfter: response.headers.get('retry-after') }
}

/** `count` concurrent lookups spread over every process, one user each from `from`. */
async function burst(count: number, from: number) {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      lookup(i, [users()[(from + i) % users().length]!.userid]),
    ),
  )
  return answers.map((a) => a.status)
}

/** `n` lookups through process `i` with one session, in a row. */
async function sameUser(i: number, n: number, session: string) {
  const statuses = []
  for (let k = 0; k < n; k++) statuses.push((await lookup(i, ['30010001'], session)).status)
  return statuses
}

async function untilEvery(predicate: (p: ProxyProcess) => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const states = await Promise.all(processes.map(predicate))
    if (states.every(Boolean)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the processes did not reach the state in time')
}

const calls = (path: string) => server.mock.callCount(path)
/**
 * Tokens handed out: successful calls only (a refresh may first present a revoked suite token
 * and be refused, then fetch a suite token, then succeed).
 */
const fetched = (path: string) =>
  server.mock.requests.filter((r) => r.path === path && r.errcode === 0).length
const all = (statuses: number[], status: number) => statuses.every((s) => s === status)

// untilEvery waits up to 15 s for the processes to see Redis: each test's timeout is above it.
describe(`${PROCESSES} proxy processes sharing one redis-server`, { timeout: 30_000 }, () => {
  it('fetches the org token once across every process, and once again after revocation', async () => {
    await untilEvery(async (p) => (await p.stats()).redis === 'ready')
    const statuses = await burst(300, 0)
    expect(all(statuses, 200)).toBe(true)
    expect(fetched(SUITE)).toBe(1)
    expect(fetched(CORP)).toBe(1)

    server.mock.revokeAllTokens()
    expect(all(await burst(300, 300), 200)).toBe(true)
    expect(fetched(SUITE)).toBe(2)
    expect(fetched(CORP)).toBe(2)
  })

  it('shares the mapping cache: what one process looked up, the others read from Redis', async () => {
    const ids = users()
      .slice(1200, 1400)
      .map((u) => u.userid)
    const first = await lookup(0, ids)
    expect(first.status).toBe(200)
    const upstream = calls(WECOM_USERS)
    const [second, third] = await Promise.all([lookup(1, ids), lookup(2, ids)])
    expect(calls(WECOM_USERS)).toBe(upstream)
    expect(second!.body).toEqual(first.body)
    expect(third!.body).toEqual(first.body)
  })

  it('shares rate limits: a user spending the limit on one process is refused by the others', async () => {
    const statuses = [
      ...(await sameUser(0, RATE_POINTS / 2, 'limited')),
      ...(await sameUser(1, RATE_POINTS / 2, 'limited')),
    ]
    expect(all(statuses, 200)).toBe(true)
    const refused = await lookup(2, ['30010001'], 'limited')
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  })

  it('keeps every request succeeding while Redis is down, each process on its own, with a warning', async () => {
    // Requests keep coming while Redis goes away under them.
    let running = true
    const during: number[] = []
    const load = (async () => {
      for (let round = 0; running; round++) during.push(...(await burst(30, (round * 30) % 600)))
    })()
    await new Promise((resolve) => setTimeout(resolve, 200))
    redisDown = true
    await redis.stop()
    await untilEvery(async (p) => (await p.stats()).redis !== 'ready')
    await new Promise((resolve) => setTimeout(resolve, 300))
    running = false
    await load
    expect(during.length).toBeGreaterThan(60)
    expect(all(during, 200)).toBe(true)

    // New lookups (cache misses), a revoked token, and rate limiting, all without Redis.
    expect(all(await burst(150, 600), 200)).toBe(true)
    const corpBefore = fetched(CORP)
    server.mock.revokeAllTokens()
    expect(all(await burst(150, 750), 200)).toBe(true)
    // Each process refreshed on its own: at least one fetch, at most one per process.
    expect(fetched(CORP) - corpBefore).toBeGreaterThanOrEqual(1)
    expect(fetched(CORP) - corpBefore).toBeLessThanOrEqual(PROCESSES)
    // Limits are per process meanwhile: the same user gets the full limit on each.
    for (let i = 0; i < PROCESSES; i++) {
      expect(all(await sameUser(i, RATE_POINTS, 'outage'), 200)).toBe(true)
    }

    for (const p of processes) {
      expect(p.stderr()).toMatch(/Redis .* failed \(.*\); using in-process fallback/)
    }
  })

  it('resumes sharing once Redis is back', async () => {
    redis = await startRedis(undefined, { port: redis.port })
    redisDown = false
    await untilEvery(async (p) => (await p.stats()).redis === 'ready')

    // One refresh for all again.
    const suiteBefore = fetched(SUITE)
    const corpBefore = fetched(CORP)
    server.mock.revokeAllTokens()
    expect(all(await burst(300, 900), 200)).toBe(true)
    expect(fetched(SUITE) - suiteBefore).toBe(1)
    expect(fetched(CORP) - corpBefore).toBe(1)

    // The cache is shared again.
    const ids = users()
      .slice(1400, 1450)
      .map((u) => u.userid)
    expect((await lookup(0, ids)).status).toBe(200)
    const upstream = calls(WECOM_USERS)
    expect((await lookup(1, ids)).status).toBe(200)
    expect((await lookup(2, ids)).status).toBe(200)
    expect(calls(WECOM_USERS)).toBe(upstream)

    // And so are the limits.
    expect(all(await sameUser(0, RATE_POINTS, 'after'), 200)).toBe(true)
    expect((await lookup(1, ['30010001'], 'after')).status).toBe(429)

    for (const p of processes) expect(p.stderr()).toMatch(/works again; sharing resumed/)
  })
})
