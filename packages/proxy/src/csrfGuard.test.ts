/**
 * CSRF guard and per-user rate limiting, through the handler against the mock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryRateLimiter } from './rateLimiter.js'
import { type MockServer, post, startMock, testProxy, userToken } from './test/harness.js'

let server: MockServer
let token: string
beforeAll(async () => {
  server = await startMock()
  token = userToken(server.mock)
})
afterAll(() => server.close())

const select = (headers: Record<string, string>, base = 'http://app.test') =>
  new Request(`${base}/api/epaas/campus/department/select`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-user-token': token, ...headers },
    body: '{"id":0}',
  })

async function codeOf(response: Response) {
  if (response.status === 200) return 200
  return `${response.status} ${((await response.json()) as { error: { code: string } }).error.code}`
}

describe('CSRF guard', () => {
  it('same-origin mode: fetch metadata, Origin, the custom header, or no browser at all', async () => {
    const proxy = testProxy(server)
    const cases: [Record<string, string>, number | string][] = [
      [{ 'sec-fetch-site': 'same-origin' }, 200],
      [{ 'sec-fetch-site': 'none' }, 200],
      [{ 'sec-fetch-site': 'cross-site' }, '403 csrf_rejected'],
      [{ 'sec-fetch-site': 'same-site' }, '403 csrf_rejected'],
      [{ 'sec-fetch-site': 'cross-site', 'x-epaas-proxy': '1' }, 200],
      [{ origin: 'http://app.test' }, 200],
      [{ origin: 'https://evil.test' }, '403 csrf_rejected'],
      [{ origin: 'null' }, '403 csrf_rejected'],
      [{}, 200], // a server or curl: no ambient credentials to abuse
    ]
    for (const [headers, expected] of cases) {
      expect([headers, await codeOf(await proxy.handle(select(headers)))]).toEqual([
        headers,
        expected,
      ])
    }
    expect(server.mock.callCount('/campus/department/select')).toBe(
      cases.filter(([, e]) => e === 200).length,
    )
  })

  it('accepts trusted origins and same-site when configured', async () => {
    const proxy = testProxy(server, {
      csrf: { trustedOrigins: ['https://admin.school.test'], allowSameSite: true },
    })
    expect(
      await codeOf(
        await proxy.handle(
          select({ origin: 'https://admin.school.test', 'sec-fetch-site': 'cross-site' }),
        ),
      ),
    ).toBe(200)
    expect(await codeOf(await proxy.handle(select({ 'sec-fetch-site': 'same-site' })))).toBe(200)
  })

  it('header mode requires the custom header, even same-origin; off turns the guard off', async () => {
    const strict = testProxy(server, { csrf: { mode: 'header', headerName: 'x-csrf' } })
    expect(await codeOf(await strict.handle(select({ 'sec-fetch-site': 'same-origin' })))).toBe(
      '403 csrf_rejected',
    )
    expect(await codeOf(await strict.handle(select({ 'x-csrf': 'yes' })))).toBe(200)
    const off = testProxy(server, { csrf: false })
    expect(await codeOf(await off.handle(select({ 'sec-fetch-site': 'cross-site' })))).toBe(200)
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a user spends the window, per user', async () => {
    const proxy = testProxy(server, { rateLimit: { points: 3, durationSeconds: 30 } })
    const other = userToken(server.mock)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await proxy.handle(post('/campus/department/select', { id: 0 }, { token }))).status,
      )
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await proxy.handle(post('/campus/department/select', { id: 0 }, { token }))
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } })
    expect(proxy.events.some((e) => e.type === 'rate-limited')).toBe(true)
    // Another user is not affected.
    expect(
      (await proxy.handle(post('/campus/department/select', { id: 0 }, { token: other }))).status,
    ).toBe(200)
  })

  it('counts under the key the app gives, with any limiter', async () => {
    const proxy = testProxy(server, {
      rateLimit: {
        limiter: memoryRateLimiter({ points: 1, durationSeconds: 60 }),
        key: (request) => request.headers.get('x-user-id') ?? undefined,
      },
    })
    const as = (id: string) =>
      proxy.handle(
        post('/campus/department/select', { id: 0 }, { token, headers: { 'x-user-id': id } }),
      )
    expect((await as('alice')).status).toBe(200)
    expect((await as('alice')).status).toBe(429)
    expect((await as('bob')).status).toBe(200)
  })
})
