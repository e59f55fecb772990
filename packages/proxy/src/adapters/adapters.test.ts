/**
 * Each adapter with its real framework, served on loopback in front of the mock: routes, the
 * streamed resolve, limits, fall-through to the app's own routes, and abort propagation.
 */
import { serve } from '@hono/node-server'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResolveStream } from '../readResolveStream.js'
import { staticToken } from '../tokens/TokenSource.js'
import {
  type MockServer,
  SESSION_HEADER,
  listen,
  orgToken,
  startMock,
  testProxy,
  userToken,
} from '../test/harness.js'
import { expressEpaasProxy } from './expressEpaasProxy.js'
import { fastifyEpaasProxy } from './fastifyEpaasProxy.js'
import { honoEpaasProxy } from './honoEpaasProxy.js'
import { nodeEpaasProxy } from './nodeEpaasProxy.js'

let server: MockServer
let token: string
beforeAll(async () => {
  server = await startMock()
  token = userToken(server.mock)
})
afterAll(() => server.close())

type Proxy = ReturnType<typeof testProxy>
type Serve = (proxy: Proxy) => Promise<{ url: string; close: () => Promise<void> }>

const adapters: [string, Serve][] = [
  ['node http', (proxy) => listen(nodeEpaasProxy(proxy))],
  [
    'express 5 (after express.json())',
    (proxy) => {
      const app = express()
      app.use(express.json())
      app.use(expressEpaasProxy(proxy))
      app.post('/own/echo', (req, res) => {
        res.json({ echoed: req.body })
      })
      return listen(app)
    },
  ],
  [
    'fastify 5',
    async (proxy) => {
      const app = Fastify({ forceCloseConnections: true })
      await app.register(fastifyEpaasProxy(proxy))
      app.post('/own/echo', async (request) => ({ echoed: request.body }))
      await app.listen({ port: 0, host: '127.0.0.1' })
      const { port } = app.server.address() as AddressInfo
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() }
    },
  ],
  [
    'hono 4',
    async (proxy) => {
      const app = new Hono()
      app.use(honoEpaasProxy(proxy))
      app.post('/own/echo', async (c) => c.json({ echoed: await c.req.json() }))
      const http = await new Promise<Server>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
          resolve(s as Server),
        )
      })
      const { port } = http.address() as AddressInfo
      return {
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((resolve) => {
            http.closeAllConnections()
            http.close(() => resolve())
          }),
      }
    },
  ],
]

const headers = { 'content-type': 'application/json', 'x-epaas-proxy': '1', [SESSION_HEADER]: '' }

describe.each(adapters)('%s', (_name, start) => {
  let proxy: Proxy
  let app: Awaited<ReturnType<Serve>>
  beforeAll(async () => {
    proxy = testProxy(server, {
      orgToken: staticToken(orgToken(server.mock)),
      limits: { bodyBytes: 1000 },
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
