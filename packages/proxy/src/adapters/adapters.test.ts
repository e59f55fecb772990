/**
 * Each adapter with its real framework, served on loopback in front of the mock: routes, the
 * streamed resolve, limits, fall-through to the app's own routes, and abort propagation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResolveStream } from '../readResolveStream.js'
import { staticToken } from '../tokens/TokenSource.js'
import {
  type MockServer,
  SESSION_HEADER,
  orgToken,
  startMock,
  testProxy,
  userToken,
} from '../test/harness.js'
import { adapterApps } from '../test/adapterApps.js'
import { exchange } from '../test/wireExchange.js'

let server: MockServer
let token: string
beforeAll(async () => {
  server = await startMock()
  token = userToken(server.mock)
})
afterAll(() => server.close())

type Proxy = ReturnType<typeof testProxy>
type Serve = (typeof adapterApps)[number][1]

const adapters = adapterApps

const headers = { 'content-type': 'application/json', 'x-epaas-proxy': '1', [SESSION_HEADER]: '' }

describe.each(adapters)('%s', (_name, start) => {
  let proxy: Proxy
  let app: Awaited<ReturnType<Serve>>
  beforeAll(async () => {
    proxy = testProxy(server, {
      orgToken: staticToken(orgToken(server.mock)),
      limits: { bodyBytes: 1000, bodyTimeoutMs: 300 },
      timeoutMs: 20_000,
    })
    app = await start(proxy)
    headers[SESSION_HEADER] = token
  })
  afterAll(async () => {
    server.mock.faults.reset()
    await app.close()
  })

  const call = (path: string, body: unknown, init: RequestInit = {}) =>
    fetch(`${app.url}/api/epaas${path}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    })

  it('serves the routes', async () => {
    const response = await call('/campus/department/select', { id: 0 })
    expect(response.status).toBe(200)
    const answer = (await response.json()) as { errcode: number; node_list: unknown[] }
    expect(answer.errcode).toBe(0)
    expect(answer.node_list.length).toBeGreaterThan(0)

    const user = server.mock.data.users.find((u) => u.qywechatId)!
    const mapped = await call('/user/qywechat/get_qywechat_ids', { userids: [user.userid] })
    expect(await mapped.json()).toEqual({
      errcode: 0,
      errmsg: 'ok',
      qywechat_ids: [{ userid: String(user.userid), qywechat_id: user.qywechatId }],
    })
    const corpid = await fetch(`${app.url}/api/epaas/user/qywechat/get_qywx_corpid`, { headers })
    expect(((await corpid.json()) as { errcode: number }).errcode).toBe(0)
  })

  it('streams resolve', async () => {
    const klass = server.mock.data.departments.find((d) => d.tag === 5)!
    const value = { departments: [{ corpid: klass.corpid, id: klass.id }], users: [], excluded: [] }
    const response = await call('/resolve', { value })
    expect(response.headers.get('content-type')).toMatch(/ndjson/)
    const events = []
    for await (const event of readResolveStream(response)) events.push(event)
    expect(events.at(-1)).toMatchObject({ type: 'summary', complete: true })
  })

  it('answers the proxy errors, and leaves other paths to the app', async () => {
    expect((await call('/nope', {})).status).toBe(404)
    expect((await call('/campus/department/select', { id: 'x'.repeat(2000) })).status).toBe(413)
    expect((await call('/campus/department/select', '{oops')).status).toBe(400)
    expect(
      (
        await call(
          '/campus/department/select',
          { id: 0 },
          { headers: { ...headers, 'x-epaas-proxy': '', 'sec-fetch-site': 'cross-site' } },
        )
      ).status,
    ).toBe(403)
    const own = await fetch(`${app.url}/own/echo`, { method: 'POST', headers, body: '{"a":1}' })
    if (_name !== 'node http') expect(await own.json()).toEqual({ echoed: { a: 1 } })
    else expect(own.status).toBe(404)
  })

  it('answers a JSON 400 for a Host or target that is no URL, and a 408 for a body that stops', async () => {
    const port = Number(new URL(app.url).port)
    const send = (head: string, body = '{"id":0}', length = body.length) =>
      exchange(
        port,
        Buffer.from(
          `${head}\r\ncontent-type: application/json\r\nx-epaas-proxy: 1\r\n` +
            `${SESSION_HEADER}: ${token}\r\ncontent-length: ${length}\r\n\r\n${body}`,
        ),
        { behaviour: 'wait', timeoutMs: 5000 },
      )
    for (const host of ['%zz', '[::1', 'a b']) {
      const response = await send(
        `POST /api/epaas/campus/department/select HTTP/1.1\r\nHost: ${host}`,
      )
      // Node's parser itself refuses a Host with a space (a bare 400); the rest reach the adapter.
      expect(response.status).toBe(400)
      if (response.body)
        expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'bad_request' } })
    }
    const target = await send(
      'POST //%zz/api/epaas/campus/department/select HTTP/1.1\r\nHost: app.test',
    )
    expect(target.status).toBeLessThan(500)
    if (_name === 'node http') {
      expect(JSON.parse(target.body)).toMatchObject({ error: { code: 'bad_request' } })
    }
    // Under Express, express.json() reads the body before the proxy: the server's requestTimeout
    // bounds it there.
    if (_name.startsWith('express')) return
    const halfway = await send(
      'POST /api/epaas/campus/department/select HTTP/1.1\r\nHost: app.test',
      '{"id"',
      20,
    )
    expect(halfway.status).toBe(408)
    expect(JSON.parse(halfway.body)).toMatchObject({ error: { code: 'body_timeout' } })
    expect(halfway.headers.connection).toBe('close')
    expect((await call('/campus/department/select', { id: 0 })).status).toBe(200)
  })

  it('aborts the upstream call when the client goes away', async () => {
    server.mock.faults.set({ hangRate: 1, paths: ['/campus/department/select'] })
    const before = proxy.events.length
    await expect(
      call('/campus/department/select', { id: 0 }, { signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow()
    const deadline = Date.now() + 5000
    const aborted = () =>
      proxy.events
        .slice(before)
        .some(
          (e) =>
            e.type === 'upstream' &&
            e.path === '/campus/department/select' &&
            e.outcome === 'aborted',
        )
    while (!aborted() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(aborted()).toBe(true)
    server.mock.faults.reset()
  })
})
