/**
 * The demo's backend on a real Node HTTP server, in front of the real mock ePaaS: sessions, the
 * proxy's routes behind them, the suite token flow, the (mock) send, and the remote mode.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startMockServer, type MockServer } from '@epaas-picker/mock-server/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectedRecipients } from '../e2e/checks.js'
import { createDemoBackend, type DemoBackend, type DemoInfo } from './createDemoBackend.js'
import type { SentNotice } from './createNoticeHandler.js'

const quiet = { logger: { debug() {}, info() {}, warn() {}, error() {} } }

/** Serves a backend on loopback; requests it does not take answer 404. */
async function serve(backend: DemoBackend) {
  const server: Server = createServer((req, res) =>
    backend.middleware(req, res, (error?: unknown) => {
      res.statusCode = error ? 500 : 404
      res.end()
    }),
  )
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  return {
    base,
    /** Opens the page as a browser would and answers the session cookie. */
    async signIn() {
      const response = await fetch(`${base}/`, { headers: { 'sec-fetch-dest': 'document' } })
      const cookie = response.headers.get('set-cookie')?.split(';')[0]
      if (!cookie) throw new Error('no session cookie')
      return cookie
    },
    post(path: string, body: unknown, headers: Record<string, string> = {}) {
      return fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

type Served = Awaited<ReturnType<typeof serve>>

describe('on the mock (small dataset)', () => {
  let backend: DemoBackend
  let http: Served
  let cookie: string
  beforeAll(async () => {
    backend = await createDemoBackend({
      upstream: { kind: 'mock', dataset: 'small' },
      proxyOptions: quiet,
    })
    http = await serve(backend)
    cookie = await http.signIn()
  })
  afterAll(async () => {
    await http?.close()
    await backend?.close()
  })
  const data = () => backend.mock!.mock.data
  const klass = () => data().departments.find((d) => d.tag === 5 && d.kind === 6 && !d.disabled)!

  test('opening the page starts a session; assets and API calls do not', async () => {
    const asset = await fetch(`${http.base}/src/main.tsx`, {
      headers: { 'sec-fetch-dest': 'script' },
    })
    expect(asset.headers.get('set-cookie')).toBeNull()
    const again = await fetch(`${http.base}/`, {
      headers: { 'sec-fetch-dest': 'document', cookie },
    })
    expect(again.headers.get('set-cookie')).toBeNull()
    const info = (await (
      await fetch(`${http.base}/api/demo/info`, { headers: { cookie } })
    ).json()) as DemoInfo
    expect(info).toEqual({
      upstream: { kind: 'mock', dataset: 'small' },
      signedIn: true,
      mapping: true,
    })
  })

  test('the proxy answers only requests with a session', async () => {
    const anonymous = await http.post('/api/epaas/campus/department/select', { id: '0' })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } })

    const signedIn = await http.post('/api/epaas/campus/department/select', { id: '0' }, { cookie })
    expect(signedIn.status).toBe(200)
    const { node_list } = (await signedIn.json()) as { node_list: { name: string }[] }
    const root = data().departments.find((d) => d.parentId === 0)!
    expect(node_list.map((n) => n.name)).toEqual(
      root.childIds.map((id) => data().departmentById.get(id)!.name),
    )
  })

  test('the org token comes from the suite flow, once', async () => {
    const mock = backend.mock!.mock
    for (let i = 0; i < 2; i++) {
      const response = await http.post(
        '/api/epaas/user/qywechat/get_qywechat_ids',
        { userids: [String(klass().members[0]!.userid)] },
        { cookie },
      )
      expect(response.status).toBe(200)
    }
    expect(mock.callCount('/service/get_suite_token')).toBe(1)
    expect(mock.callCount('/service/get_corp_token')).toBe(1)
  })

  test('a refused user token is renewed from the mock and the call goes through', async () => {
    const token = backend.sessions.userTokens()[0]!
    backend.mock!.mock.revokeToken(token)
    const response = await http.post('/api/epaas/campus/department/select', { id: '0' }, { cookie })
    expect(response.status).toBe(200)
    expect(backend.sessions.userTokens()[0]).not.toBe(token)
  })

  test('the send resolves the value on the server and counts like the data says', async () => {
    const value = {
      departments: [{ type: 'department', corpid: String(klass().corpid), id: String(klass().id) }],
      users: [],
      excluded: [],
    }
    const response = await http.post(
      '/api/notices',
      { title: ' 家长会 ', body: '周五', channel: 'dingtalk', role_ids: [11, 13], value },
      { cookie, 'sec-fetch-site': 'same-origin' },
    )
    expect(response.status).toBe(200)
    const { notice } = (await response.json()) as { notice: SentNotice }
    const expected = expectedRecipients(
      data(),
      { departments: [klass().id], users: [], excludedUsers: [] },
      [11, 13],
    )
    expect(notice).toMatchObject({
      title: '家长会',
      channel: 'dingtalk',
      recipients: expected.total,
      by_role: { 11: expected.byRole[11], 12: 0, 13: expected.byRole[13] },
      unmapped: expected.unmappedDingtalk.length,
      reached: expected.total - expected.unmappedDingtalk.length,
    })
  })

  test('the send refuses what it should', async () => {
    const value = { departments: [], users: [], excluded: [] }
    const notice = { title: 't', body: 'b', channel: 'epaas', role_ids: [11], value }
    const codeOf = async (response: Response) => [
      response.status,
      ((await response.json()) as { error: { code: string } }).error.code,
    ]
    expect(await codeOf(await http.post('/api/notices', notice))).toEqual([401, 'unauthorized'])
    expect(await codeOf(await http.post('/api/notices', notice, { cookie }))).toEqual([
      422,
      'no_recipients',
    ])
    expect(
      await codeOf(await http.post('/api/notices', { ...notice, title: '  ' }, { cookie })),
    ).toEqual([400, 'invalid_body'])
    expect(
      await codeOf(await http.post('/api/notices', { ...notice, role_ids: [] }, { cookie })),
    ).toEqual([400, 'invalid_body'])
    expect(
      await codeOf(
        await http.post('/api/notices', notice, { cookie, 'sec-fetch-site': 'cross-site' }),
      ),
    ).toEqual([403, 'csrf_rejected'])
    const text = await fetch(`${http.base}/api/notices`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: JSON.stringify(notice),
    })
    expect(await codeOf(text)).toEqual([415, 'unsupported_media_type'])
    const get = await fetch(`${http.base}/api/notices`, { headers: { cookie } })
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
  })
})

describe('against a remote server (EPAAS_BASE_URL)', () => {
  let remote: MockServer
  beforeAll(async () => {
    remote = await startMockServer({ port: 0, dataset: 'small' })
  })
  afterAll(() => remote?.close())

  test('the proxy calls that server with the given tokens; no mock is started', async () => {
    const backend = await createDemoBackend({
      upstream: {
        kind: 'remote',
        baseUrl: remote.url,
        userToken: remote.mock.issueUserToken(),
        orgToken: remote.mock.issueOrgToken(),
      },
      proxyOptions: quiet,
    })
    const http = await serve(backend)
    try {
      expect(backend.mock).toBeUndefined()
      const cookie = await http.signIn()
      const before = remote.mock.callCount('/campus/department/select')
      const select = await http.post('/api/epaas/campus/department/select', { id: '0' }, { cookie })
      expect(select.status).toBe(200)
      expect(remote.mock.callCount('/campus/department/select')).toBe(before + 1)
      const mapping = await http.post(
        '/api/epaas/department/qywechat/get_qywechat_ids',
        { department_ids: [String(remote.mock.data.departments[1]!.id)] },
        { cookie },
      )
      expect(mapping.status).toBe(200)
      expect(remote.mock.callCount('/service/get_corp_token')).toBe(0)
      const info = (await (
        await fetch(`${http.base}/api/demo/info`, { headers: { cookie } })
      ).json()) as DemoInfo
      expect(info.upstream).toEqual({ kind: 'remote', host: new URL(remote.url).host })
    } finally {
      await http.close()
      await backend.close()
    }
  })

  test('without EPAAS_ORG_TOKEN the mapping routes say so (501); a refused user token fails', async () => {
    const userToken = remote.mock.issueUserToken()
    const backend = await createDemoBackend({
      upstream: { kind: 'remote', baseUrl: remote.url, userToken, orgToken: undefined },
      proxyOptions: quiet,
    })
    const http = await serve(backend)
    try {
      const cookie = await http.signIn()
      const mapping = await http.post(
        '/api/epaas/user/qywechat/get_qywechat_ids',
        { userids: ['30010000'] },
        { cookie },
      )
      expect(mapping.status).toBe(501)
      remote.mock.revokeToken(userToken)
      const select = await http.post('/api/epaas/campus/department/select', { id: '0' }, { cookie })
      expect(select.status).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(await select.json())).not.toContain(userToken)
    } finally {
      await http.close()
      await backend.close()
    }
  })
})
