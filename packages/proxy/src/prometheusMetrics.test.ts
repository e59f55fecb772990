/**
 * Prometheus metrics from a real proxy on the mock: requests by route and status, upstream calls
 * and latency, cache hits and misses, token refreshes, retries, rate limiting, Redis fallbacks,
 * read back from the text exposition an app mounts.
 */
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { prometheusMetrics } from './prometheusMetrics.js'
import { redisCacheStore } from './redis.js'
import {
  type MockServer,
  mockSuiteSource,
  post,
  startMock,
  testProxy,
  userToken,
} from './test/harness.js'

let server: MockServer
let token: string

beforeAll(async () => {
  server = await startMock()
  token = userToken(server.mock)
})
afterEach(() => server.mock.faults.reset())
afterAll(() => server.close())

/** The value of one sample of the exposition, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels)
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const found = new Map(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    )
    if (wanted.every(([k, v]) => found.get(k) === v)) return Number(match[3])
  }
  return undefined
}

describe('prometheusMetrics', () => {
  it('counts requests, upstream calls, cache hits, token refreshes, retries and refusals', async () => {
    const metrics = prometheusMetrics()
    const proxy = testProxy(server, {
      orgToken: mockSuiteSource(server),
      onEvent: metrics.onEvent,
      rateLimit: { points: 6 },
    })
    const select = (body: unknown) =>
      proxy.handle(post('/campus/department/select', body, { token }))
    const userid = String(server.mock.data.users[0]!.userid)
    const lookup = () =>
      proxy.handle(post('/user/qywechat/get_qywechat_ids', { userids: [userid] }, { token }))

    expect((await select({ id: 0 })).status).toBe(200)
    expect((await select({ id: 'x' })).status).toBe(400)
    expect((await lookup()).status).toBe(200)
    expect((await lookup()).status).toBe(200)
    server.mock.faults.set({ busyRate: 1, paths: ['/campus/department/select'] })
    expect((await select({ id: 0 })).status).toBe(502)
    server.mock.faults.reset()
    expect((await select({ id: 0 })).status).toBe(200)
    expect((await select({ id: 0 })).status).toBe(429)

    const response = await metrics.handle()
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await response.text()
    const route = '/campus/department/select'
    const requests = (status: string, code: string) =>
      sample(text, 'epaas_proxy_requests_total', { route, method: 'POST', status, code })
    expect(requests('200', '')).toBe(2)
    expect(requests('400', 'invalid_body')).toBe(1)
    expect(requests('502', 'upstream_error')).toBe(1)
    expect(requests('429', 'rate_limited')).toBe(1)
    expect(sample(text, 'epaas_proxy_request_duration_seconds_count', { route })).toBe(5)

    // The busy answer: four attempts, three retries.
    expect(
      sample(text, 'epaas_proxy_upstream_requests_total', {
        endpoint: 'selectDepartments',
        outcome: 'errcode',
        errcode: '-1',
      }),
    ).toBe(4)
    expect(
      sample(text, 'epaas_proxy_retries_total', { endpoint: 'selectDepartments', reason: 'busy' }),
    ).toBe(3)
    expect(
      sample(text, 'epaas_proxy_upstream_duration_seconds_count', {
        endpoint: 'selectDepartments',
        outcome: 'ok',
      }),
    ).toBe(2)

    // One miss, then one hit from the cache.
    const cache = (result: string) =>
      sample(text, 'epaas_proxy_cache_lookups_total', { endpoint: 'getQywechatUserIds', result })
    expect(cache('miss')).toBe(1)
    expect(cache('hit')).toBe(1)

    // The suite flow: one suite token, one org token.
    const refreshes = (source: string) =>
      sample(text, 'epaas_proxy_token_refreshes_total', { source, reason: 'missing', ok: 'true' })
    expect(refreshes('org')).toBe(1)
    expect(refreshes('org:suite')).toBe(1)

    expect(sample(text, 'epaas_proxy_rate_limited_total', { route })).toBe(1)
  })

  it('counts Redis fallbacks and shows them while they last', async () => {
    const metrics = prometheusMetrics()
    // Nothing listens on port 1: every command fails.
    const redis = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    })
    redis.on('error', () => undefined)
    const store = redisCacheStore(redis, {
      onError: metrics.onStoreError,
      onRecover: metrics.onStoreRecover,
      commandTimeoutMs: 200,
    })
    expect(await store.getMany(['a'])).toEqual([undefined])
    await store.setMany([{ key: 'a', value: '1', ttlMs: 1000 }])
    // Served from memory meanwhile.
    expect(await store.getMany(['a'])).toEqual(['1'])

    let text = await metrics.metrics()
    expect(sample(text, 'epaas_proxy_redis_fallbacks_total', { operation: 'cache get' })).toBe(2)
    expect(sample(text, 'epaas_proxy_redis_fallbacks_total', { operation: 'cache set' })).toBe(1)
    expect(sample(text, 'epaas_proxy_redis_fallback', { operation: 'cache get' })).toBe(1)

    metrics.onStoreRecover('cache get')
    text = await metrics.metrics()
    expect(sample(text, 'epaas_proxy_redis_fallback', { operation: 'cache get' })).toBe(0)
    redis.disconnect()
  })

  it('keeps two proxies apart: each has a registry of its own', async () => {
    const a = prometheusMetrics()
    const b = prometheusMetrics()
    const proxy = testProxy(server, { onEvent: a.onEvent })
    await proxy.handle(post('/campus/department/select', { id: 0 }, { token }))
    const route = '/campus/department/select'
    const labels = { route, method: 'POST', status: '200', code: '' }
    expect(sample(await a.metrics(), 'epaas_proxy_requests_total', labels)).toBe(1)
    expect(sample(await b.metrics(), 'epaas_proxy_requests_total', labels)).toBeUndefined()
  })
})
