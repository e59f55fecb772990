/**
 * The Redis stores against a real redis-server: two proxy instances share one org token (one
 * fetch, one refresh after revocation), the mapping cache and the rate limits; with Redis gone,
 * requests go on in memory.
 */
import { once } from 'node:events'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisCacheStore, redisRateLimiter, redisTokenStore } from './redis.js'
import {
  type MockServer,
  captured,
  mockSuiteSource,
  post,
  startMock,
  testProxy,
  userToken,
} from './test/harness.js'
import { type RunningRedis, startRedis } from './test/startRedis.js'

const CORP = '/service/get_corp_token'
const SUITE = '/service/get_suite_token'
const WECOM_USERS = '/user/qywechat/get_qywechat_ids'

let redis: RunningRedis
let server: MockServer
const clients: Redis[] = []

// startRedis waits up to 10 s for the server to listen: the hook's timeout is above it.
beforeAll(async () => {
  redis = await startRedis()
  server = await startMock()
}, 20_000)
afterAll(async () => {
  for (const client of clients) client.disconnect()
  await server?.close()
  await redis?.stop()
})

function client() {
  const c = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 })
  // Redis is stopped on purpose in the last test; reconnection errors are expected then.
  c.on('error', () => undefined)
  clients.push(c)
  return c
}

/** Two proxy instances, each with its own Redis connection, sharing one key prefix. */
function twoInstances(options: { rateLimit?: boolean } = {}) {
  const keyPrefix = `test:${Math.random().toString(36).slice(2)}:`
  return [0, 1].map(() => {
    const connection = client()
    return testProxy(server, {
      orgToken: mockSuiteSource(server, { store: redisTokenStore(connection, { keyPrefix }) }),
      cache: { store: redisCacheStore(connection), keyPrefix },
      ...(options.rateLimit
        ? { rateLimit: { limiter: redisRateLimiter(connection, { points: 3, keyPrefix }) } }
        : {}),
    })
  }) as [ReturnType<typeof testProxy>, ReturnType<typeof testProxy>]
}

const users = () => server.mock.data.users

describe('Redis', () => {
  it('fails with a clear message when redis-server is missing', async () => {
    await expect(startRedis('/nonexistent/redis-server')).rejects.toThrow(
      /redis-server was not found/,
    )
  })

  it('shares one org token between instances: one fetch, one refresh after revocation', async () => {
    server.mock.resetLog()
    const [a, b] = twoInstances()
    const lookups = (from: number) =>
      Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? a : b).client.getQywechatUserIds({ userids: [users()[from + i]!.userid] }),
        ),
      )
    await lookups(0)
    expect(server.mock.callCount(SUITE)).toBe(1)
    expect(server.mock.callCount(CORP)).toBe(1)

    server.mock.revokeToken(captured.lastCorpToken!)
    await lookups(100)
    expect(server.mock.callCount(CORP)).toBe(2)
    expect(server.mock.callCount(SUITE)).toBe(1)
  })

  it('shares the mapping cache between instances', async () => {
    const [a, b] = twoInstances()
    const ids = users()
      .slice(200, 450)
      .map((u) => u.userid)
    const first = await a.client.getQywechatUserIds({ userids: ids })
    const calls = server.mock.callCount(WECOM_USERS)
    const second = await b.client.getQywechatUserIds({ userids: ids })
    expect(server.mock.callCount(WECOM_USERS)).toBe(calls)
    expect(second).toEqual(first)
    const lookups = b.events.flatMap((e) => (e.type === 'cache' ? [e] : []))
    expect(lookups.reduce((n, e) => n + e.hits, 0)).toBe(250)
    expect(lookups.reduce((n, e) => n + e.misses, 0)).toBe(0)
  })

  it('shares rate limits between instances', async () => {
    const [a, b] = twoInstances({ rateLimit: true })
    const token = userToken(server.mock)
    const statuses = []
    for (const proxy of [a, b, a, b]) {
      statuses.push(
        (await proxy.handle(post('/campus/department/select', { id: 0 }, { token }))).status,
      )
    }
    expect(statuses).toEqual([200, 200, 200, 429])
  })

  it('keeps serving from memory while Redis is down, with a warning', async () => {
    const keyPrefix = `test:down:`
    const connection = new Redis(redis.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false })
    connection.on('error', () => undefined)
    clients.push(connection)
    await once(connection, 'ready')
    const failures: string[] = []
    const onError = (_error: unknown, operation: string) => failures.push(operation)
    const proxy = testProxy(server, {
      orgToken: mockSuiteSource(server, {
        store: redisTokenStore(connection, { keyPrefix, onError, commandTimeoutMs: 200 }),
      }),
      cache: { store: redisCacheStore(connection, { onError, commandTimeoutMs: 200 }), keyPrefix },
    })
    const ids = users()
      .slice(500, 520)
      .map((u) => u.userid)
    expect((await proxy.client.getQywechatUserIds({ userids: ids })).errcode).toBe(0)
    expect(failures).toEqual([])

    await redis.stop()
    const answer = await proxy.client.getQywechatUserIds({
      userids: users()
        .slice(600, 620)
        .map((u) => u.userid),
    })
    expect(answer.errcode).toBe(0)
    expect(failures).toContain('cache get')
  })
})
