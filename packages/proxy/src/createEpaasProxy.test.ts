/**
 * Every route, against the mock running on loopback: the proxy answers what a direct call to
 * ePaaS answers (normalised), and the browser's protocol client reads it unchanged.
 */
import { createHash } from 'node:crypto'
import { createEpaasClient, endpoints } from '@epaas-picker/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type MockServer,
  SESSION_HEADER,
  mockSuiteSource,
  orgToken,
  post,
  serveProxy,
  startMock,
  testProxy,
  userToken,
} from './test/harness.js'
import { createEpaasProxy } from './createEpaasProxy.js'
import { staticToken } from './tokens/TokenSource.js'
import { routes } from './routes.js'

let server: MockServer
let proxy: ReturnType<typeof testProxy>
let http: Awaited<ReturnType<typeof serveProxy>>
let token: string

beforeAll(async () => {
  server = await startMock()
  proxy = testProxy(server, { orgToken: mockSuiteSource(server) })
  http = await serveProxy(proxy)
  token = userToken(server.mock)
})
afterAll(async () => {
  await http.close()
  await proxy.close()
  await server.close()
})

/** A client calling the mock directly, as the proxy does upstream. */
const direct = () =>
  createEpaasClient({
    baseUrl: server.url,
    token: ({ kind }) => (kind === 'org' ? server.mock.issueOrgToken() : token),
  })

/** The browser's client, through the proxy over HTTP. */
const browser = () =>
  createEpaasClient({
    baseUrl: `${http.url}/api/epaas`,
    headers: { 'x-epaas-proxy': '1', [SESSION_HEADER]: token },
  })

const sortBy = <T>(list: T[], key: (t: T) => string) =>
  [...list].sort((a, b) => key(a).localeCompare(key(b)))

describe('routes', () => {
  it('builds the allow-list from the protocol endpoint table, without token endpoints', () => {
    const paths = [...routes.keys()].sort()
    expect(paths).toContain(endpoints.selectDepartments.path)
    expect(paths).toContain('/resolve')
    expect(paths).toHaveLength(12)
    for (const hidden of ['getDingtalkToken', 'getSuiteToken', 'getCorpToken'] as const) {
      expect(paths).not.toContain(endpoints[hidden].path)
    }
  })

  it('answers /campus/department/select as ePaaS does, and expands a node', async () => {
    const response = await proxy.handle(post('/campus/department/select', { id: 0 }, { token }))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const answer = (await response.json()) as { errcode: number; node_list: { id: unknown }[] }
    expect(answer).toEqual(await direct().selectDepartments({ id: '0' }))
    expect(answer.node_list.length).toBeGreaterThan(0)
    for (const node of answer.node_list) expect(typeof node.id).toBe('string')

    const first = (await browser().selectDepartments({ id: '0' })).node_list[0]!
    const expanded = await browser().selectDepartments({
      id: first.id,
      select_node_type: first.select_node_type,
      corpid: first.corpid,
    })
    expect(expanded).toEqual(
      await direct().selectDepartments({
        id: first.id,
        select_node_type: first.select_node_type,
        corpid: first.corpid,
      }),
    )
  })

  it('answers /department/user/get, IDs given as numbers or strings', async () => {
    const department = server.mock.data.departments.find((d) => d.tag === 5)!
    const request = {
      role_ids: [11, 13] as (11 | 13)[],
      org_department_info_list: [{ corpid: department.corpid, department_ids: [department.id] }],
      need_depart: 1 as const,
    }
    const response = await proxy.handle(post('/department/user/get', request, { token }))
    expect(response.status).toBe(200)
    const answer = await response.json()
    expect(answer).toEqual(await direct().getDepartmentUsers(request))
    const asStrings = await browser().getDepartmentUsers({
      ...request,
      org_department_info_list: [
        { corpid: String(department.corpid), department_ids: [String(department.id)] },
      ],
    })
    expect(asStrings).toEqual(answer)
  })

  it('answers get_qywx_corpid by GET (the browser client) and POST', async () => {
    const expected = await direct().getQywxCorpid()
    expect(await browser().getQywxCorpid()).toEqual(expected)
    const response = await proxy.handle(post('/user/qywechat/get_qywx_corpid', {}, { token }))
    expect(await response.json()).toEqual(expected)
  })

  it('answers the eight mapping endpoints like ePaaS, mapped and unmapped IDs alike', async () => {
    const { data } = server.mock
    const departments = data.departments.slice(0, 40)
    const users = data.users.slice(0, 60)
    const departmentIds = departments.map((d) => String(d.id))
    const userids = users.map((u) => String(u.userid))
    expect(departments.some((d) => d.qywechatId === null) || users.some((u) => !u.qywechatId))
    const wecomDepartments = departments.flatMap((d) =>
      d.qywechatId ? [String(d.qywechatId)] : [],
    )
    const wecomUsers = users.flatMap((u) => (u.qywechatId ? [u.qywechatId] : []))
    const dingDepartments = departments.flatMap((d) => (d.dingtalkId ? [String(d.dingtalkId)] : []))
    const dingUsers = users.flatMap((u) => (u.dingtalkId ? [u.dingtalkId] : []))
    const b = browser()
    const d = direct()

    const cases = [
      [
        await b.getQywechatDepartmentIds({ department_ids: departmentIds }),
        await d.getQywechatDepartmentIds({ department_ids: departmentIds }),
        'qywechat_ids',
        'department_id',
      ],
      [
        await b.getQywechatUserIds({ userids }),
        await d.getQywechatUserIds({ userids }),
        'qywechat_ids',
        'userid',
      ],
      [
        await b.getDepartmentIdsByQywechat({ qywechat_ids: [...wecomDepartments, '999999991'] }),
        await d.getDepartmentIdsByQywechat({ qywechat_ids: [...wecomDepartments, '999999991'] }),
        'department_infos',
        'qywechat_id',
      ],
      [
        await b.getUserIdsByQywechat({ qywechat_ids: [...wecomUsers, 'isNotExistQyWeChatId'] }),
        await d.getUserIdsByQywechat({ qywechat_ids: [...wecomUsers, 'isNotExistQyWeChatId'] }),
        'users_infos',
        'qywechat_id',
      ],
      [
        await b.getDingtalkDepartmentIds({ depart_ids: departmentIds }),
        await d.getDingtalkDepartmentIds({ depart_ids: departmentIds }),
        'data_list',
        'depart_id',
      ],
      [
        await b.getDingtalkUserIds({ userids }),
        await d.getDingtalkUserIds({ userids }),
        'data_list',
        'userid',
      ],
      [
        await b.getDepartmentIdsByDingtalk({
          dingtalk_ids: dingDepartments,
          dingtalk_depart_type: 2,
        }),
        await d.getDepartmentIdsByDingtalk({
          dingtalk_ids: dingDepartments,
          dingtalk_depart_type: 2,
        }),
        'data_list',
        'dingtalk_id',
      ],
      [
        await b.getUserIdsByDingtalk({ dingtalk_ids: dingUsers, role_id: 12 }),
        await d.getUserIdsByDingtalk({ dingtalk_ids: dingUsers, role_id: 12 }),
        'data_list',
        'dingtalk_id',
      ],
    ] as const
    for (const [viaProxy, upstream, field, key] of cases) {
      const mine = viaProxy as unknown as Record<string, Record<string, string>[]>
      const theirs = upstream as unknown as Record<string, Record<string, string>[]>
      expect(mine.errcode).toBe(0)
      expect(sortBy(mine[field]!, (i) => i[key]!)).toEqual(sortBy(theirs[field]!, (i) => i[key]!))
    }
    // Some of the asked IDs have no mapping, and they are simply absent.
    const mapped = (await b.getQywechatUserIds({ userids })).qywechat_ids
    expect(mapped.length).toBe(users.filter((u) => u.qywechatId).length)
    expect(mapped.length).toBeLessThan(users.length)
  })

  it('keeps get_dingtalk_token server-side: not routed, available on the client', async () => {
    const response = await proxy.handle(post('/corp/dingtalk/get_dingtalk_token', {}, { token }))
    expect(response.status).toBe(404)
    const answer = await proxy.client.getDingtalkToken()
    expect(answer.errcode).toBe(0)
    expect(answer.dingtalk_token).toMatch(/.+/)
  })

  it('answers 404 for other paths and 405 with Allow for other methods', async () => {
    for (const path of ['/service/get_corp_token', '/nope', '/../campus/department/select']) {
      const response = await proxy.handle(post(path, {}, { token }))
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: expect.any(String) },
      })
    }
    const outside = await proxy.handle(
      new Request('http://app.test/other/campus/department/select'),
    )
    expect(outside.status).toBe(404)
    const get = await proxy.handle(
      new Request('http://app.test/api/epaas/campus/department/select'),
    )
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect(((await get.json()) as { error: { code: string } }).error.code).toBe(
      'method_not_allowed',
    )
  })

  it('answers 503 once closed', async () => {
    const closing = testProxy(server)
    expect(
      (await closing.handle(post('/campus/department/select', { id: 0 }, { token }))).status,
    ).toBe(200)
    await closing.close()
    const response = await closing.handle(post('/campus/department/select', { id: 0 }, { token }))
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } })
  })

  it('close() sends lookups waiting in a batch window at once, and waits for requests in flight', async () => {
    const closing = testProxy(server, {
      orgToken: staticToken(orgToken(server.mock)),
      mapping: { windowMs: 60_000, maxWaitMs: 60_000 },
    })
    const user = server.mock.data.users[0]!
    const waiting = closing.handle(
      post('/user/qywechat/get_qywechat_ids', { userids: [user.userid] }),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    const started = performance.now()
    await closing.close()
    // Without the flush, the lookup (and close) would wait for the 60 s window.
    expect(performance.now() - started).toBeLessThan(30_000)
    expect((await waiting).status).toBe(200)
  })

  it('counts rate limits under a hash of the user token, never the token itself', async () => {
    const keys: string[] = []
    const limited = testProxy(server, {
      rateLimit: {
        limiter: {
          consume: async (key) => {
            keys.push(key)
            return { allowed: true }
          },
        },
      },
    })
    await limited.handle(post('/campus/department/select', { id: 0 }, { token }))
    const sha = createHash('sha256').update(token).digest('hex')
    expect(keys).toEqual([`user:${sha}`])
  })

  it('takes the upstream base URL from options or EPAAS_BASE_URL, never from a request', async () => {
    const before = process.env.EPAAS_BASE_URL
    delete process.env.EPAAS_BASE_URL
    try {
      expect(() => createEpaasProxy({ authorize: () => true })).toThrow(/EPAAS_BASE_URL/)
      process.env.EPAAS_BASE_URL = server.url
      const fromEnv = createEpaasProxy({ authorize: () => true, getUserToken: () => token })
      const response = await fromEnv.handle(
        post(
          '/campus/department/select',
          { id: 0 },
          {
            base: 'http://evil.test',
            headers: { host: 'evil.test', 'x-forwarded-host': 'evil.test' },
          },
        ),
      )
      expect(response.status).toBe(200)
      expect(server.mock.requests.at(-1)?.path).toBe('/campus/department/select')
    } finally {
      if (before === undefined) delete process.env.EPAAS_BASE_URL
      else process.env.EPAAS_BASE_URL = before
    }
  })
})
