/**
 * Token sources against the mock: caching, expiry, revocation mid-run, single-flight refresh
 * under 500 concurrent requests (each given 30 s: 500 requests take seconds on a busy machine).
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  type MockServer,
  captured,
  mockSuiteSource,
  orgToken,
  post,
  startMock,
  testProxy,
  userToken,
} from '../test/harness.js'
import { staticToken } from './TokenSource.js'
import { tokenFromFunction } from './tokenFromFunction.js'

const SUITE = '/service/get_suite_token'
const CORP = '/service/get_corp_token'
const WECOM_USERS = '/user/qywechat/get_qywechat_ids'

let server: MockServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A mapping request for one user, distinct per `i` so nothing is cached or merged. */
function lookup(i: number) {
  const user = server!.mock.data.users[i % server!.mock.data.users.length]!
  return post(WECOM_USERS, { userids: [user.userid] })
}

/** Options making each lookup its own upstream call, all at once. */
const unbatched = { cache: false as const, mapping: { chunkSize: 1, concurrency: 1000 } }

describe('suiteTokenSource', () => {
  it('fetches the suite and org tokens once and reuses them', async () => {
    server = await startMock()
    const proxy = testProxy(server, { orgToken: mockSuiteSource(server) })
    for (let i = 0; i < 5; i++) expect((await proxy.handle(lookup(i))).status).toBe(200)
    expect(server.mock.callCount(SUITE)).toBe(1)
    expect(server.mock.callCount(CORP)).toBe(1)
    expect(proxy.events.filter((e) => e.type === 'token-refresh')).toMatchObject([
      { source: 'org:suite', reason: 'missing', ok: true },
      { source: 'org', reason: 'missing', ok: true },
    ])
  })

  it('500 concurrent requests with an expired token cause exactly one token fetch', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const now = () => clock
    server = await startMock({ now })
    const proxy = testProxy(server, { orgToken: mockSuiteSource(server, { now }), ...unbatched })
    expect((await proxy.handle(lookup(0))).status).toBe(200)
    expect(server.mock.callCount(CORP)).toBe(1)

    clock += 7201 * 1000 // both tokens have expired, upstream and here
    const statuses = await Promise.all(
      Array.from({ length: 500 }, (_, i) => proxy.handle(lookup(i + 1)).then((r) => r.status)),
    )
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(server.mock.callCount(CORP)).toBe(2)
    expect(server.mock.callCount(SUITE)).toBe(2)
  }, 30_000)

  it('refreshes before expiry, within the margin', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const now = () => clock
    server = await startMock({ now })
    const proxy = testProxy(server, {
      orgToken: mockSuiteSource(server, { now, refreshMarginSeconds: 600 }),
    })
    await proxy.handle(lookup(0))
    clock += 6500 * 1000 // 700 s left: not yet in the margin
    await proxy.handle(lookup(1))
    expect(server.mock.callCount(CORP)).toBe(1)
    clock += 200 * 1000 // 500 s left: refresh
    await proxy.handle(lookup(2))
    expect(server.mock.callCount(CORP)).toBe(2)
    expect(
      proxy.events.filter((e) => e.type === 'token-refresh' && e.source === 'org'),
    ).toMatchObject([{ reason: 'missing' }, { reason: 'expiring' }])
  })

  it('revoked mid-run: 500 concurrent requests drop it, fetch one new token, retry once', async () => {
    server = await startMock()
    const proxy = testProxy(server, { orgToken: mockSuiteSource(server), ...unbatched })
    expect((await proxy.handle(lookup(0))).status).toBe(200)
    server.mock.revokeToken(captured.lastCorpToken!)
    const statuses = await Promise.all(
      Array.from({ length: 500 }, (_, i) => proxy.handle(lookup(i + 1)).then((r) => r.status)),
    )
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(server.mock.callCount(CORP)).toBe(2)
    expect(server.mock.callCount(SUITE)).toBe(1)
    const retries = proxy.events.filter((e) => e.type === 'retry' && e.reason === 'token')
    expect(retries.length).toBeGreaterThan(0)
    expect(retries.length).toBeLessThanOrEqual(500)
    expect(
      proxy.events.filter((e) => e.type === 'token-refresh' && e.source === 'org').at(-1),
    ).toMatchObject({ reason: 'invalid', ok: true })
  }, 30_000)

  it('fetches a new suite token when upstream refuses the cached one', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    server = await startMock({ now: () => clock })
    // The proxy's clock stands still: only upstream knows the tokens expired (42001).
    const proxy = testProxy(server, { orgToken: mockSuiteSource(server) })
    await proxy.handle(lookup(0))
    clock += 7201 * 1000
    expect((await proxy.handle(lookup(1))).status).toBe(200)
    expect(server.mock.callCount(SUITE)).toBe(2)
    // The first corp-token call was refused (expired suite token), the retry succeeded.
    expect(server.mock.callCount(CORP)).toBe(3)
  })

  it('fails clearly when the suite credentials are wrong', async () => {
    server = await startMock()
    const proxy = testProxy(server, {
      orgToken: mockSuiteSource(server, { suite_secret: 'wrong-secret-value' }),
    })
    const response = await proxy.handle(lookup(0))
    expect(response.status).toBe(502)
    const { error } = (await response.json()) as { error: { code: string; errcode: number } }
    expect(error.code).toBe('upstream_error')
    expect(error.errcode).toBeGreaterThan(0)
  })
})

describe('tokenFromFunction', () => {
  it('expired upstream (42001): 500 concurrent requests call the function once more', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z')
    server = await startMock({ now: () => clock })
    let calls = 0
    const source = tokenFromFunction(() => {
      calls += 1
      return { token: orgToken(server!.mock, { ttlSeconds: 60 }), expires_in: 7200 }
    })
    const proxy = testProxy(server, { orgToken: source, ...unbatched })
    expect((await proxy.handle(lookup(0))).status).toBe(200)
    clock += 61 * 1000
    const statuses = await Promise.all(
      Array.from({ length: 500 }, (_, i) => proxy.handle(lookup(i + 1)).then((r) => r.status)),
    )
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(calls).toBe(2)
  }, 30_000)

  it('keeps a bare string until upstream refuses it', async () => {
    server = await startMock()
    let calls = 0
    const proxy = testProxy(server, {
      orgToken: tokenFromFunction(() => {
        calls += 1
        return orgToken(server!.mock)
      }),
    })
    for (let i = 0; i < 3; i++) await proxy.handle(lookup(i))
    expect(calls).toBe(1)
    server.mock.revokeAllTokens()
    expect((await proxy.handle(lookup(4))).status).toBe(200)
    expect(calls).toBe(2)
  })
})

describe('staticToken', () => {
  it('is used as is, and a refused one fails without a pointless retry', async () => {
    server = await startMock()
    const token = orgToken(server.mock)
    const proxy = testProxy(server, { orgToken: staticToken(token) })
    expect((await proxy.handle(lookup(0))).status).toBe(200)
    server.mock.revokeToken(token)
    const response = await proxy.handle(lookup(1))
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      error: { code: 'upstream_error', errcode: 40014 },
    })
    expect(server.mock.callCount(WECOM_USERS)).toBe(2)
  })
})

describe('a source that answers the refused token again', () => {
  it('fails with 502 token_not_refreshed, without retrying with the same token', async () => {
    server = await startMock()
    const stale = orgToken(server.mock)
    let asked = 0
    const proxy = testProxy(server, {
      orgToken: tokenFromFunction(() => {
        asked += 1
        return stale
      }),
    })
    expect((await proxy.handle(lookup(0))).status).toBe(200)
    server.mock.revokeToken(stale)
    const response = await proxy.handle(lookup(1))
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      error: { code: 'token_not_refreshed', errcode: 40014 },
    })
    // Fetched for the first lookup, fetched again after the refusal; one refused call only.
    expect(asked).toBe(2)
    expect(server.mock.callCount(WECOM_USERS)).toBe(2)
  })
})

describe('user tokens', () => {
  it('asks getUserToken again with the stale token, and retries once with the fresh one', async () => {
    server = await startMock()
    let current = userToken(server.mock)
    const asked: (string | undefined)[] = []
    const proxy = testProxy(server, {
      getUserToken: (_request, { stale }) => {
        asked.push(stale)
        if (stale) current = userToken(server!.mock)
        return current
      },
    })
    server.mock.revokeToken(current)
    const response = await proxy.handle(post('/campus/department/select', { id: 0 }))
    expect(response.status).toBe(200)
    expect(asked).toHaveLength(2)
    expect(asked[0]).toBeUndefined()
    expect(typeof asked[1]).toBe('string')
  })
})
