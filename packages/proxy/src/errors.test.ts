/**
 * Every error the handler answers: shapes, statuses and the field named, plus upstream failures
 * injected through the mock's fault switches.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEpaasProxy } from './createEpaasProxy.js'
import { ProxyError } from './ProxyError.js'
import { staticToken } from './tokens/TokenSource.js'
import {
  type MockServer,
  capturingLogger,
  captured,
  orgToken,
  post,
  startMock,
  testProxy,
  upstreamCalls,
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

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error: { code: string; message: string; errcode?: number }
  }
  return { status: response.status, ...body.error }
}

describe('validation', () => {
  const proxy = () => testProxy(server, { orgToken: staticToken(orgToken(server.mock)) })

  const invalid: [string, unknown, RegExp][] = [
    ['/campus/department/select', { id: 'abc' }, /^id: expected a numeric ID/],
    ['/campus/department/select', { id: 0, select_type: 7 }, /^select_type: /],
    [
      '/campus/department/select',
      { id: 0, department_type_list: [3] },
      /^department_type_list\[0\]: /,
    ],
    [
      '/campus/department/select',
      { id: 0, select_role_list: [11, 14] },
      /^select_role_list\[1\]: /,
    ],
    ['/campus/department/select', { id: 0, select_tag_list: 'x' }, /^select_tag_list: /],
    ['/campus/department/select', { id: 0, key: 'x'.repeat(101) }, /^key: /],
    ['/campus/department/select', { id: 0, search_type: 1 }, /^search_type: /],
    ['/campus/department/select', { id: 0, is_include_sub_org: 'yes' }, /^is_include_sub_org: /],
    ['/campus/department/select', { id: -1 }, /^id: /],
    ['/campus/department/select', [1, 2], /^body: /],
    ['/department/user/get', {}, /^org_department_info_list: /],
    ['/department/user/get', { org_department_info_list: [] }, /^org_department_info_list: /],
    [
      '/department/user/get',
      { org_department_info_list: [{ corpid: 1, department_ids: [1, 'x'] }] },
      /^org_department_info_list\[0\]\.department_ids\[1\]: expected a numeric ID/,
    ],
    [
      '/department/user/get',
      { org_department_info_list: [{ department_ids: [1] }], need_depart: 2 },
      /^need_depart: /,
    ],
    ['/department/qywechat/get_qywechat_ids', { department_ids: ['1a'] }, /^department_ids\[0\]: /],
    ['/user/qywechat/get_qywechat_ids', { userids: 'x' }, /^userids: /],
    ['/department/qywechat/get_department_ids', { qywechat_ids: [{}] }, /^qywechat_ids\[0\]: /],
    [
      '/department/qywechat/get_department_ids',
      { qywechat_ids: ['1'], qywechat_department_type: 3 },
      /^qywechat_department_type: /,
    ],
    ['/user/qywechat/get_user_ids', { qywechat_ids: [''] }, /^qywechat_ids\[0\]: /],
    ['/depart/dingtalk/get_dingtalk_departid', { depart_ids: [1.5] }, /^depart_ids\[0\]: /],
    ['/user/dingtalk/get_dingtalk_userid', {}, /^userids: /],
    ['/depart/dingtalk/get_epaas_departid', { dingtalk_ids: ['1'] }, /^dingtalk_depart_type: /],
    ['/user/dingtalk/get_epaas_userid', { dingtalk_ids: ['1'], role_id: 10 }, /^role_id: /],
    ['/user/qywechat/get_qywx_corpid', 'null', /^body: /],
    ['/resolve', {}, /^value: /],
    ['/resolve', { value: { departments: [], users: [] } }, /^value\.excluded: /],
    [
      '/resolve',
      { value: { departments: [{ corpid: 'x', id: 1 }], users: [], excluded: [] } },
      /^value\.departments\[0\]\.corpid: /,
    ],
    [
      '/resolve',
      { value: { departments: [], users: [{ corpid: 1, userid: 2, role_id: 1 }], excluded: [] } },
      /^value\.users\[0\]\.role_id: /,
    ],
    [
      '/resolve',
      { value: { departments: [], users: [], excluded: [{ type: 'school', id: 1 }] } },
      /^value\.excluded\[0\]/,
    ],
    [
      '/resolve',
      { value: { departments: [], users: [], excluded: [] }, channel: 'sms' },
      /^channel: /,
    ],
    [
      '/resolve',
      { value: { departments: [], users: [], excluded: [] }, role_ids: [11, 11, 12, 13] },
      /^role_ids: /,
    ],
  ]

  it.each(invalid)('%s %j -> 400 naming the field', async (path, body, message) => {
    const before = server.mock.requests.length
    const error = await errorOf(await proxy().handle(post(path, body, { token })))
    expect(error).toMatchObject({ status: 400, code: 'invalid_body' })
    expect(error.message).toMatch(message)
    expect(server.mock.requests.length).toBe(before)
  })

  it('bounds list lengths', async () => {
    const small = testProxy(server, {
      orgToken: staticToken(orgToken(server.mock)),
      limits: { ids: 3, resolveItems: 2 },
    })
    const tooMany = await errorOf(
      await small.handle(
        post('/user/qywechat/get_qywechat_ids', { userids: [1, 2, 3, 4] }, { token }),
      ),
    )
    expect(tooMany).toMatchObject({ status: 400, code: 'invalid_body' })
    expect(tooMany.message).toMatch(/^userids: /)
    const members = await errorOf(
      await small.handle(
        post(
          '/department/user/get',
          { org_department_info_list: [{ department_ids: [1, 2] }, { department_ids: [3, 4] }] },
          { token },
        ),
      ),
    )
    expect(members.message).toMatch(/^org_department_info_list: at most 3 department IDs/)
    const value = {
      departments: [1, 2, 3].map((id) => ({ corpid: 1, id })),
      users: [],
      excluded: [],
    }
    const resolve = await errorOf(await small.handle(post('/resolve', { value }, { token })))
    expect(resolve.message).toMatch(/^value\.departments: /)
  })

  it('answers 400 invalid_json, 415 for non-JSON and 413 over the size limit', async () => {
    const p = testProxy(server, { limits: { bodyBytes: 100 } })
    expect(
      await errorOf(await p.handle(post('/campus/department/select', '{"id":', { token }))),
    ).toMatchObject({ status: 400, code: 'invalid_json' })
    const form = post('/campus/department/select', 'id=0', {
      token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(await errorOf(await p.handle(form))).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
    })
    const big = { id: 0, key: 'x'.repeat(200) }
    expect(
      await errorOf(await p.handle(post('/campus/department/select', big, { token }))),
    ).toMatchObject({ status: 413, code: 'payload_too_large' })
    // No Content-Length: the limit holds while the body streams in.
    const encoder = new TextEncoder()
    const streamed = new Request('http://app.test/api/epaas/campus/department/select', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        'x-test-user-token': token,
      },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 50; i++) controller.enqueue(encoder.encode('          '))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(await errorOf(await p.handle(streamed))).toMatchObject({ status: 413 })
  })
})

describe('authorization and configuration', () => {
  it('refuses to start without authorize, and warns loudly when allowed to', () => {
    expect(() => createEpaasProxy({ baseUrl: server.url })).toThrow(/authorize. is required/)
    const lines = captured.lines.length
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.message)
    process.on('warning', onWarning)
    createEpaasProxy({
      baseUrl: server.url,
      dangerouslyAllowUnauthenticated: true,
      logger: capturingLogger(),
    })
    const logged = captured.lines.slice(lines).join('')
    expect(logged).toMatch(/WITHOUT AUTHORIZATION/)
    expect(logged).toMatch(/"level":40/)
    process.off('warning', onWarning)
  })

  it('answers 403 for false, the thrown ProxyError status, or the Response given', async () => {
    const route = '/campus/department/select'
    const seen: string[] = []
    const p = testProxy(server, {
      authorize: (request, { route: r, name }) => {
        seen.push(`${r}:${name}`)
        const who = request.headers.get('x-who')
        if (who === 'nobody') throw new ProxyError('unauthorized', 'please sign in')
        if (who === 'teapot') return new Response('no', { status: 418 })
        return who === 'teacher'
      },
    })
    const as = (who: string) =>
      p.handle(post(route, { id: 0 }, { token, headers: { 'x-who': who } }))
    expect(await errorOf(await as('student'))).toMatchObject({ status: 403, code: 'forbidden' })
    expect(await errorOf(await as('nobody'))).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: 'please sign in',
    })
    expect((await as('teapot')).status).toBe(418)
    expect((await as('teacher')).status).toBe(200)
    expect(seen[0]).toBe(`${route}:selectDepartments`)
  })

  it('answers 401 without a user token and 501 for what is not configured', async () => {
    const p = testProxy(server)
    expect(
      await errorOf(await p.handle(post('/campus/department/select', { id: 0 }))),
    ).toMatchObject({ status: 401, code: 'no_user_token' })
    expect(
      await errorOf(
        await p.handle(post('/user/qywechat/get_qywechat_ids', { userids: [1] }, { token })),
      ),
    ).toMatchObject({ status: 501, code: 'not_configured' })
    const noUser = testProxy(server, { getUserToken: undefined })
    expect(
      await errorOf(
        await noUser.handle(
          post('/department/user/get', {
            org_department_info_list: [{ department_ids: [1] }],
          }),
        ),
      ),
    ).toMatchObject({ status: 501, code: 'not_configured' })
  })

  it('forbids is_get_all_student unless allowed', async () => {
    const body = { id: 0, is_get_all_student: true }
    const strict = testProxy(server)
    expect(
      await errorOf(await strict.handle(post('/campus/department/select', body, { token }))),
    ).toMatchObject({ status: 403, code: 'forbidden' })
    const lenient = testProxy(server, { allowGetAllStudent: true })
    expect((await lenient.handle(post('/campus/department/select', body, { token }))).status).toBe(
      200,
    )
  })
})

describe('upstream failures', () => {
  const select = (p: ReturnType<typeof testProxy>, body: unknown = { id: 0 }, init?: RequestInit) =>
    p.handle(new Request(post('/campus/department/select', body, { token }), init))

  it('answers errcodes the input caused as 4xx with the errcode', async () => {
    const p = testProxy(server)
    const { data } = server.mock
    const grade = data.departments.find((d) => d.tag === 4)!
    const cases = [
      // An unknown department: 60003.
      [{ id: 999999999, select_node_type: 1 }, 404, 'upstream_not_found', 60003],
      // A select_node_type that is not the node's: 40058.
      [{ id: grade.id, select_node_type: 1 }, 400, 'upstream_bad_request', 40058],
      // An organisation outside the token's reach: 60011.
      [
        { id: grade.id, select_node_type: grade.kind, corpid: '123' },
        403,
        'upstream_forbidden',
        60011,
      ],
    ] as const
    for (const [body, status, code, errcode] of cases) {
      const error = await errorOf(await select(p, body))
      expect(error).toMatchObject({ status, code, errcode })
      expect(error.message).toContain(String(errcode))
    }
    expect(upstreamCalls(p.events, '/campus/department/select')).toHaveLength(3)
  })

  it('reports other non-zero errcodes as 502 upstream_error with the errcode', async () => {
    // An org token where a user token belongs: 48001, a configuration fault of the app.
    const p = testProxy(server, { getUserToken: () => orgToken(server.mock) })
    const error = await errorOf(await select(p))
    expect(error).toMatchObject({ status: 502, code: 'upstream_error', errcode: 48001 })
    expect(error.message).toContain('48001')
  })

  it('follows the errcodes option: an empty input table answers 502 again', async () => {
    const p = testProxy(server, { errcodes: { input: {} } })
    const error = await errorOf(await select(p, { id: 999999999, select_node_type: 1 }))
    expect(error).toMatchObject({ status: 502, code: 'upstream_error', errcode: 60003 })
  })

  it('answers 401 user_token_rejected when ePaaS keeps refusing the user token', async () => {
    const revoked = userToken(server.mock)
    server.mock.revokeToken(revoked)
    let asked = 0
    const p = testProxy(server, {
      getUserToken: () => {
        asked += 1
        return revoked
      },
    })
    const error = await errorOf(await select(p))
    expect(error).toMatchObject({ status: 401, code: 'user_token_rejected', errcode: 40014 })
    // Asked once for the request, once more (stale) after the refusal.
    expect(asked).toBe(2)
    expect(upstreamCalls(p.events, '/campus/department/select')).toHaveLength(1)
  })

  it('retries errcode -1 at most three times, then reports it', async () => {
    server.mock.faults.set({ busyRate: 1, paths: ['/campus/department/select'] })
    const p = testProxy(server)
    const error = await errorOf(await select(p))
    expect(error).toMatchObject({ status: 502, code: 'upstream_error', errcode: -1 })
    expect(upstreamCalls(p.events, '/campus/department/select')).toHaveLength(4)
    expect(p.events.filter((e) => e.type === 'retry' && e.reason === 'busy')).toHaveLength(3)
  })

  it('recovers when busy clears within the retries', async () => {
    server.mock.faults.set({ busyRate: 0.5, paths: ['/campus/department/select'] })
    const p = testProxy(server)
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => select(p).then((r) => r.status)),
    )
    // 0.5^4 per request: nearly all succeed, and failures are only ever the busy errcode.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(8)
  })

  it('does not retry HTTP errors or malformed answers', async () => {
    server.mock.faults.set({ http502Rate: 1, paths: ['/campus/department/select'] })
    const p = testProxy(server)
    expect(await errorOf(await select(p))).toMatchObject({
      status: 502,
      code: 'upstream_http_error',
    })
    server.mock.faults.set({ http502Rate: 0, malformedRate: 1 })
    expect(await errorOf(await select(p))).toMatchObject({
      status: 502,
      code: 'upstream_malformed',
    })
    expect(upstreamCalls(p.events, '/campus/department/select')).toHaveLength(2)
  })

  it('answers 504 when upstream does not answer in time', async () => {
    server.mock.faults.set({ hangRate: 1, paths: ['/campus/department/select'] })
    const p = testProxy(server, { timeoutMs: 200 })
    expect(await errorOf(await select(p))).toMatchObject({ status: 504, code: 'upstream_timeout' })
  })

  it('aborts the upstream call when the browser aborts its request', async () => {
    server.mock.faults.set({ hangRate: 1, paths: ['/campus/department/select'] })
    const p = testProxy(server, { timeoutMs: 30_000 })
    const controller = new AbortController()
    const started = Date.now()
    const pending = select(p, { id: 0 }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    const response = await pending
    expect(Date.now() - started).toBeLessThan(5000)
    expect(response.status).toBe(499)
    expect(upstreamCalls(p.events, '/campus/department/select')).toMatchObject([
      { outcome: 'aborted' },
    ])
  })
})
