/**
 * Mapping lookups against the mock: coalescing, de-duplication, chunking, caching.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { staticToken } from './tokens/TokenSource.js'
import {
  type MockServer,
  orgToken,
  post,
  recordingFetch,
  startMock,
  testProxy,
} from './test/harness.js'

const WECOM_USERS = '/user/qywechat/get_qywechat_ids'
let server: MockServer

beforeAll(async () => {
  server = await startMock()
})
beforeEach(() => server.mock.resetLog())
afterAll(() => server.close())

const users = () => server.mock.data.users

describe('mapping lookups', () => {
  it("isolates a bad ID: one caller's refused input never fails the others' lookups in a batch", async () => {
    // The mock accepts any WeCom user ID; a stricter upstream may refuse one with 40058 for the
    // whole list. This upstream does so for one ID, whatever else the list holds.
    const poison = '30019999'
    const strictFetch: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input)
      if (url.includes(WECOM_USERS) && String(init?.body).includes(poison)) {
        return Response.json({ errcode: 40058, errmsg: `invalid userid ${poison}` })
      }
      return recordingFetch(input, init)
    }
    const proxy = testProxy(server, {
      orgToken: staticToken(orgToken(server.mock)),
      fetch: strictFetch,
      cache: false,
    })
    const ids = users()
      .slice(0, 100)
      .map((u) => String(u.userid))
    // 100 callers and the poisoned one, merged into one batch of 101 IDs.
    const [refused, ...answers] = await Promise.all([
      proxy.handle(post(WECOM_USERS, { userids: [poison] })),
      ...ids.map((id) => proxy.handle(post(WECOM_USERS, { userids: [id] }))),
    ])
    expect(refused!.status).toBe(400)
    expect(await refused!.json()).toMatchObject({
      error: { code: 'upstream_bad_request', errcode: 40058 },
    })
    expect(answers.map((r) => r.status)).toEqual(ids.map(() => 200))
    const found = await Promise.all(answers.map((r) => r.json()))
    found.forEach((answer, i) => {
      const user = users()[i]!
      expect(answer).toMatchObject({
        qywechat_ids: user.qywechatId ? [{ qywechat_id: user.qywechatId }] : [],
      })
    })
    // Halving to the bad ID costs a few calls, not one per ID.
    expect(server.mock.callCount(WECOM_USERS)).toBeLessThanOrEqual(20)
  })

  it('1,000 concurrent single-ID lookups take at most ceil(1000 / chunk size) upstream calls', async () => {
    for (const chunkSize of [100, 250]) {
      server.mock.resetLog()
      const proxy = testProxy(server, {
        orgToken: staticToken(orgToken(server.mock)),
        mapping: { chunkSize },
      })
      const ids = users()
        .slice(0, 1000)
        .map((u) => String(u.userid))
      const answers = await Promise.all(
        ids.map((id) => proxy.client.getQywechatUserIds({ userids: [id] })),
      )
      expect(server.mock.callCount(WECOM_USERS)).toBeLessThanOrEqual(Math.ceil(1000 / chunkSize))
      answers.forEach((answer, i) => {
        const user = users()[i]!
        expect(answer.qywechat_ids).toEqual(
          user.qywechatId ? [{ userid: String(user.userid), qywechat_id: user.qywechatId }] : [],
        )
      })
    }
  })

  it('merges 1,000 concurrent route requests the same way', async () => {
    const proxy = testProxy(server, { orgToken: staticToken(orgToken(server.mock)) })
    const ids = users()
      .slice(0, 1000)
      .map((u) => u.userid)
    const responses = await Promise.all(
      ids.map((id) => proxy.handle(post(WECOM_USERS, { userids: [id] }))),
    )
    expect(responses.every((r) => r.status === 200)).toBe(true)
    expect(server.mock.callCount(WECOM_USERS)).toBeLessThanOrEqual(10)
  })

  it('de-duplicates IDs, keeps the order asked, and serves repeats from the cache', async () => {
    const proxy = testProxy(server, { orgToken: staticToken(orgToken(server.mock)) })
    const mapped = users()
      .filter((u) => u.qywechatId)
      .slice(0, 3)
    const [a, b, c] = mapped.map((u) => u.userid) as [number, number, number]
    const first = await proxy.client.getQywechatUserIds({ userids: [c, String(a), a, b, `00${b}`] })
    expect(first.qywechat_ids.map((m) => m.userid)).toEqual([c, a, b].map(String))
    expect(server.mock.requests.at(-1)?.body).toEqual({ userids: [c, a, b] })
    expect(server.mock.callCount(WECOM_USERS)).toBe(1)

    const again = await proxy.client.getQywechatUserIds({ userids: [b, a] })
    expect(again.qywechat_ids.map((m) => m.userid)).toEqual([b, a].map(String))
    expect(server.mock.callCount(WECOM_USERS)).toBe(1)
    expect(proxy.events.filter((e) => e.type === 'cache')).toEqual([
      { type: 'cache', endpoint: 'getQywechatUserIds', hits: 0, misses: 3 },
      { type: 'cache', endpoint: 'getQywechatUserIds', hits: 2, misses: 0 },
    ])
  })

  it('caches "no mapping" too, and answers every asked ID where upstream does', async () => {
    const proxy = testProxy(server, { orgToken: staticToken(orgToken(server.mock)) })
    const unknown = ['isNotExistQyWeChatId', 'also-missing']
    for (let i = 0; i < 2; i++) {
      const answer = await proxy.client.getUserIdsByQywechat({ qywechat_ids: unknown })
      expect(answer.users_infos).toEqual(unknown.map((id) => ({ qywechat_id: id, user_infos: [] })))
    }
    expect(server.mock.callCount('/user/qywechat/get_user_ids')).toBe(1)
  })

  it('keeps lookups with different parameters apart', async () => {
    const proxy = testProxy(server, { orgToken: staticToken(orgToken(server.mock)) })
    const teacher = users().find((u) => u.roles.includes(12) && u.dingtalkId)!
    const [asTeacher, asStudent] = await Promise.all([
      proxy.client.getUserIdsByDingtalk({ dingtalk_ids: [teacher.dingtalkId!], role_id: 12 }),
      proxy.client.getUserIdsByDingtalk({ dingtalk_ids: [teacher.dingtalkId!], role_id: 11 }),
    ])
    expect(server.mock.callCount('/user/dingtalk/get_epaas_userid')).toBe(2)
    expect(asTeacher.data_list).toEqual([
      { dingtalk_id: teacher.dingtalkId, userid: String(teacher.userid) },
    ])
    if (!teacher.roles.includes(11)) expect(asStudent.data_list).toEqual([])
  })

  it('fails every waiter of a failed batch, and recovers on the next lookup', async () => {
    const proxy = testProxy(server, { orgToken: staticToken(orgToken(server.mock)), cache: false })
    server.mock.faults.set({ http502Rate: 1, paths: [WECOM_USERS] })
    const ids = users()
      .slice(0, 5)
      .map((u) => u.userid)
    const results = await Promise.allSettled(
      ids.map((id) => proxy.client.getQywechatUserIds({ userids: [id] })),
    )
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    server.mock.faults.reset()
    const answer = await proxy.client.getQywechatUserIds({ userids: ids })
    expect(answer.errcode).toBe(0)
  })

  it('aborts a shared batch only when every caller waiting on it has gone', async () => {
    const proxy = testProxy(server, {
      orgToken: staticToken(orgToken(server.mock)),
      cache: false,
      timeoutMs: 20_000,
    })
    server.mock.faults.set({ hangRate: 1, paths: [WECOM_USERS] })
    try {
      const id = users()[0]!.userid
      const first = new AbortController()
      const second = new AbortController()
      const calls = [first, second].map((c) =>
        proxy.client.getQywechatUserIds({ userids: [id] }, { signal: c.signal }),
      )
      for (const call of calls) call.catch(() => undefined)
      await new Promise((r) => setTimeout(r, 50))
      expect(server.mock.callCount(WECOM_USERS)).toBe(1)
      const aborted = () =>
        proxy.events.some((e) => e.type === 'upstream' && e.outcome === 'aborted')

      first.abort()
      await expect(calls[0]).rejects.toMatchObject({ name: 'AbortError' })
      await new Promise((r) => setTimeout(r, 50))
      expect(aborted()).toBe(false)

      second.abort()
      await expect(calls[1]).rejects.toMatchObject({ name: 'AbortError' })
      const deadline = Date.now() + 2000
      while (!aborted() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      expect(aborted()).toBe(true)
    } finally {
      server.mock.faults.reset()
    }
  })
})
