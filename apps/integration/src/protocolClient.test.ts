// The protocol client against the mock's real logic (kept here, not in protocol, so that
// protocol does not depend on the mock, which depends on protocol).
import { createMockEpaas, type MockEpaas } from '@epaas-picker/mock-server'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  AddressBookKind,
  createEpaasClient,
  EpaasError,
  EpaasRequestError,
  Errcode,
  IdType,
  Role,
  type EpaasClient,
} from '@epaas-picker/protocol'

const baseUrl = 'http://mock.epaas'

let mock: MockEpaas
let user: EpaasClient
let org: EpaasClient

beforeEach(() => {
  mock = createMockEpaas({ dataset: 'small' })
  user = createEpaasClient({ baseUrl, fetch: mock.fetch, token: mock.issueUserToken() })
  org = createEpaasClient({ baseUrl, fetch: mock.fetch, token: mock.issueOrgToken() })
})

/** Walks down the first expandable node `depth` times and answers the last level. */
async function firstClass() {
  let nodes = (await user.selectDepartments({ is_show_root: true })).node_list
  for (let i = 0; i < 6; i++) {
    const people = nodes.filter((n) => n.id_type === IdType.User)
    if (people.length > 0) return { people }
    const next = nodes.find((n) => n.is_parent && !n.disabled)
    if (!next) break
    nodes = (
      await user.selectDepartments({
        id: next.id,
        corpid: next.corpid,
        select_node_type: next.select_node_type,
      })
    ).node_list
  }
  throw new Error('no class with people found')
}

describe('createEpaasClient against the mock', () => {
  it('selectDepartments sends id 0 first, then echoes select_node_type, with string IDs back', async () => {
    const { people } = await firstClass()
    expect(people.length).toBeGreaterThan(0)
    for (const person of people) {
      expect(typeof person.id).toBe('string')
      expect(person.id_path.every((id) => typeof id === 'string')).toBe(true)
    }
    const [first, second] = mock.requests.filter((r) => r.path === '/campus/department/select')
    expect(first?.body).toMatchObject({ id: 0 })
    expect(first?.body).not.toHaveProperty('select_node_type')
    expect(second?.body).toHaveProperty('select_node_type')
  })

  it('getDepartmentUsers answers members with string IDs and role_id', async () => {
    const root = (await user.selectDepartments({})).node_list[0]!
    const { user_infos } = await user.getDepartmentUsers({
      role_ids: [Role.Student, Role.Teacher, Role.Parent],
      org_department_info_list: [{ corpid: root.corpid, department_ids: [root.id] }],
      need_depart: 1,
    })
    expect(user_infos.length).toBeGreaterThan(0)
    for (const u of user_infos) {
      expect(typeof u.userid).toBe('string')
      expect([11, 12, 13]).toContain(u.role_id)
      expect(u.department_ids.every((id) => typeof id === 'string')).toBe(true)
    }
  })

  it('answers every mapping endpoint with normalised shapes', async () => {
    const { people } = await firstClass()
    const userids = people.map((p) => p.id)
    const departmentIds = [people[0]!.parent_id]

    const wecomDepartments = await org.getQywechatDepartmentIds({ department_ids: departmentIds })
    const wecomUsers = await org.getQywechatUserIds({ userids })
    expect(wecomUsers.qywechat_ids.length).toBeGreaterThan(0)
    for (const m of wecomUsers.qywechat_ids) expect(userids).toContain(m.userid)

    const back = await org.getUserIdsByQywechat({
      qywechat_ids: [...wecomUsers.qywechat_ids.map((m) => m.qywechat_id), 'isNotExistQyWeChatId'],
    })
    expect(back.users_infos.at(-1)).toEqual({ qywechat_id: 'isNotExistQyWeChatId', user_infos: [] })
    expect(back.users_infos[0]!.user_infos[0]!.userid).toBe(wecomUsers.qywechat_ids[0]!.userid)

    const wecomClass = wecomDepartments.qywechat_ids[0]
    expect(wecomClass?.department_id).toBe(departmentIds[0])
    if (wecomClass) {
      const departments = await org.getDepartmentIdsByQywechat({
        qywechat_ids: [wecomClass.qywechat_id],
      })
      expect(departments.department_infos[0]!.departments[0]!.department_id).toBe(departmentIds[0])
    }

    const dingUsers = await org.getDingtalkUserIds({ userids })
    expect(dingUsers.data_list.length).toBeLessThanOrEqual(userids.length)
    const dingBack = await org.getUserIdsByDingtalk({
      dingtalk_ids: dingUsers.data_list.map((m) => m.dingtalk_id),
      role_id: people[0]!.role_id as Role,
    })
    expect(dingBack.data_list.every((m) => userids.includes(m.userid))).toBe(true)

    const dingDepartments = await org.getDingtalkDepartmentIds({ depart_ids: departmentIds })
    const dingClass = dingDepartments.data_list[0]
    expect(dingClass?.depart_id).toBe(departmentIds[0])
    if (dingClass) {
      // A class lives in the home-school address book, not the internal one.
      const ask = (kind: AddressBookKind) =>
        org.getDepartmentIdsByDingtalk({
          dingtalk_ids: [dingClass.dingtalk_id],
          dingtalk_depart_type: kind,
        })
      expect((await ask(AddressBookKind.HomeSchool)).data_list[0]?.depart_id).toBe(departmentIds[0])
      expect((await ask(AddressBookKind.Internal)).data_list).toEqual([])
    }

    expect((await org.getQywxCorpid()).qywx_corpid).not.toBe('')
    const ding = await org.getDingtalkToken()
    expect(ding.dingtalk_app_id).not.toBe('')
    expect(ding.expires_in).toBeGreaterThan(0)
  })

  it('gets an org token through the suite flow', async () => {
    const anonymous = createEpaasClient({ baseUrl, fetch: mock.fetch })
    const { suite_id, suite_secret, suite_ticket, auth_corpid, permanent_code } = mock.credentials
    const suite = await anonymous.getSuiteToken({ suite_id, suite_secret, suite_ticket })
    expect(suite.expires_in).toBe(7200)
    const corp = await anonymous.getCorpToken(
      { auth_corpid, permanent_code },
      { token: suite.suite_access_token },
    )
    const viaSuite = createEpaasClient({ baseUrl, fetch: mock.fetch, token: corp.access_token })
    await expect(viaSuite.getQywxCorpid()).resolves.toMatchObject({ errcode: 0 })
  })
})

describe('error paths', () => {
  it('a non-zero errcode is an EpaasError with errcode, errmsg and endpoint, and no token', async () => {
    const token = mock.issueUserToken()
    mock.revokeToken(token)
    const revoked = createEpaasClient({ baseUrl, fetch: mock.fetch, token })
    const error = await revoked.selectDepartments({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EpaasError)
    expect(error).toMatchObject({
      errcode: Errcode.InvalidToken,
      endpoint: '/campus/department/select',
    })
    expect((error as EpaasError).action()).toBe('refresh-token')
    expect(String((error as Error).message)).not.toContain(token)
  })

  it('the wrong kind of token is refused', async () => {
    await expect(org.selectDepartments({})).rejects.toBeInstanceOf(EpaasError)
    await expect(user.getQywechatUserIds({ userids: ['1'] })).rejects.toBeInstanceOf(EpaasError)
  })

  it('busy answers are EpaasErrors to retry', async () => {
    mock.faults.set({ busyRate: 1 })
    const error = await user.selectDepartments({}).catch((e: unknown) => e)
    expect(error).toMatchObject({ errcode: Errcode.Busy })
    expect((error as EpaasError).action()).toBe('retry')
  })

  it('an HTTP 502 is an EpaasRequestError of kind http with the status', async () => {
    mock.faults.set({ http502Rate: 1 })
    await expect(user.selectDepartments({})).rejects.toMatchObject({
      name: 'EpaasRequestError',
      kind: 'http',
      status: 502,
    })
  })

  it('malformed JSON is an EpaasRequestError of kind malformed', async () => {
    mock.faults.set({ malformedRate: 1 })
    await expect(user.selectDepartments({})).rejects.toMatchObject({ kind: 'malformed' })
  })

  it('a hanging answer times out', async () => {
    mock.faults.set({ hangRate: 1 })
    const quick = createEpaasClient({
      baseUrl,
      fetch: mock.fetch,
      token: mock.issueUserToken(),
      timeoutMs: 50,
    })
    const error = await quick.selectDepartments({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EpaasRequestError)
    expect(error).toMatchObject({ kind: 'timeout' })
  })

  it('an aborted call rejects with the signal reason, not a wrapped error', async () => {
    mock.faults.set({ hangRate: 1 })
    const controller = new AbortController()
    const pending = user.selectDepartments({}, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('input that cannot be encoded fails before anything is sent', async () => {
    const before = mock.requests.length
    await expect(org.getQywechatUserIds({ userids: ['abc'] })).rejects.toMatchObject({
      kind: 'invalid-input',
    })
    expect(mock.requests.length).toBe(before)
  })

  it('an unreachable host is a network error', async () => {
    // Port 9 (discard) on loopback is closed here: the connection is refused.
    const down = createEpaasClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 })
    await expect(down.getQywxCorpid()).rejects.toMatchObject({ kind: 'network' })
  })
})

describe('onCall', () => {
  it('reports each call with its endpoint, errcode and duration, never the token', async () => {
    const events: unknown[] = []
    const token = mock.issueUserToken()
    const watched = createEpaasClient({
      baseUrl,
      fetch: mock.fetch,
      token,
      onCall: (e) => events.push(e),
    })
    await watched.selectDepartments({})
    mock.faults.set({ busyRate: 1 })
    await watched.selectDepartments({}).catch(() => undefined)
    expect(events).toMatchObject([
      { endpoint: 'selectDepartments', path: '/campus/department/select', errcode: 0 },
      { endpoint: 'selectDepartments', errcode: -1 },
    ])
    expect(JSON.stringify(events)).not.toContain(token)
  })
})
