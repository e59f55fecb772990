import { Role } from '@epaas-picker/protocol'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Dataset, MockDepartment, MockUser } from './Dataset.js'
import { MockErrcode } from './MockErrcode.js'
import { MAX_LIST_LENGTH } from './Params.js'
import { SelectNodeKind } from './SelectNodeKind.js'
import { harness, rejection, type Harness } from './test/harness.js'

describe('mapping endpoints', () => {
  let h: Harness
  let data: Dataset
  let mappedDepartment: MockDepartment
  let unmappedWecomDepartment: MockDepartment
  let unmappedDingtalkDepartment: MockDepartment
  let mappedUser: MockUser
  let unmappedWecomUser: MockUser
  let unmappedDingtalkUser: MockUser
  beforeAll(() => {
    h = harness({ dataset: 'small' })
    data = h.mock.data
    const nonRoot = data.departments.filter((d) => d.kind !== SelectNodeKind.Organization)
    mappedDepartment = nonRoot.find(
      (d) => d.qywechatId !== null && d.dingtalkId !== null,
    ) as MockDepartment
    unmappedWecomDepartment = nonRoot.find((d) => d.qywechatId === null) as MockDepartment
    unmappedDingtalkDepartment = nonRoot.find((d) => d.dingtalkId === null) as MockDepartment
    mappedUser = data.users.find(
      (u) => u.qywechatId && u.dingtalkId && u.roles.length === 1,
    ) as MockUser
    unmappedWecomUser = data.users.find((u) => u.qywechatId === null) as MockUser
    unmappedDingtalkUser = data.users.find((u) => u.dingtalkId === null) as MockUser
  })

  it('get_qywechat_ids (departments): found mappings only, numbers and strings as the seed', async () => {
    const { body } = await h.raw('/department/qywechat/get_qywechat_ids', {
      token: h.orgToken,
      body: { department_ids: [mappedDepartment.id, unmappedWecomDepartment.id, 999] },
    })
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      qywechat_ids: [
        { department_id: mappedDepartment.id, qywechat_id: String(mappedDepartment.qywechatId) },
      ],
    })
  })

  it('get_qywechat_ids (users): found mappings only', async () => {
    const answer = await h.org.getQywechatUserIds({
      userids: [String(mappedUser.userid), String(unmappedWecomUser.userid), '12345678'],
    })
    expect(answer.qywechat_ids).toEqual([
      { userid: String(mappedUser.userid), qywechat_id: mappedUser.qywechatId },
    ])
    const { body } = await h.raw('/user/qywechat/get_qywechat_ids', {
      token: h.orgToken,
      body: { userids: [mappedUser.userid] },
    })
    expect(body.qywechat_ids).toEqual([
      { userid: mappedUser.userid, qywechat_id: mappedUser.qywechatId },
    ])
  })

  it('get_department_ids: every asked ID, [] when unknown, the root as department 0', async () => {
    const root = data.departmentById.get(data.organizations[0]?.rootId ?? 0) as MockDepartment
    const { body } = await h.raw('/department/qywechat/get_department_ids', {
      token: h.orgToken,
      body: { qywechat_ids: [mappedDepartment.qywechatId, root.qywechatId, 987654] },
    })
    expect(body.department_infos).toEqual([
      {
        qywechat_id: mappedDepartment.qywechatId,
        departments: [
          {
            department_id: mappedDepartment.id,
            corpid: 890000,
            qywechat_department_type: mappedDepartment.addressBook,
          },
        ],
      },
      {
        qywechat_id: root.qywechatId,
        departments: [{ department_id: 0, corpid: 890000, qywechat_department_type: 1 }],
      },
      { qywechat_id: 987654, departments: [] },
    ])
    // Filtered by address book.
    const otherBook = mappedDepartment.addressBook === 1 ? 2 : 1
    const filtered = await h.org.getDepartmentIdsByQywechat({
      qywechat_ids: [String(mappedDepartment.qywechatId)],
      qywechat_department_type: otherBook,
    })
    expect(filtered.department_infos).toEqual([
      { qywechat_id: String(mappedDepartment.qywechatId), departments: [] },
    ])
  })

  it('get_user_ids: every asked ID with usersInfos/userInfos, [] when unknown, one entry per role', async () => {
    const teacherParent = data.users.find(
      (u) => u.qywechatId && u.roles.includes(Role.Teacher) && u.roles.includes(Role.Parent),
    ) as MockUser
    const { body } = await h.raw('/user/qywechat/get_user_ids', {
      token: h.orgToken,
      body: {
        qywechat_ids: [mappedUser.qywechatId, teacherParent.qywechatId, 'isNotExistQyWeChatId'],
      },
    })
    expect(body.usersInfos).toEqual([
      {
        qywechat_id: mappedUser.qywechatId,
        userInfos: [
          { corpid: 890000, userid: String(mappedUser.userid), role_id: mappedUser.roles[0] },
        ],
      },
      {
        qywechat_id: teacherParent.qywechatId,
        userInfos: [
          { corpid: 890000, userid: String(teacherParent.userid), role_id: 12 },
          { corpid: 890000, userid: String(teacherParent.userid), role_id: 13 },
        ],
      },
      { qywechat_id: 'isNotExistQyWeChatId', userInfos: [] },
    ])
  })

  it('get_qywx_corpid takes either token', async () => {
    const corpid = data.organizations[0]?.qywxCorpid
    expect((await h.org.getQywxCorpid()).qywx_corpid).toBe(corpid)
    expect((await h.user.getQywxCorpid()).qywx_corpid).toBe(corpid)
  })

  it('get_dingtalk_departid and get_dingtalk_userid: found mappings only', async () => {
    const departments = await h.raw('/depart/dingtalk/get_dingtalk_departid', {
      token: h.orgToken,
      body: { depart_ids: [mappedDepartment.id, unmappedDingtalkDepartment.id] },
    })
    expect(departments.body.data_list).toEqual([
      { depart_id: mappedDepartment.id, dingtalk_id: String(mappedDepartment.dingtalkId) },
    ])
    const users = await h.raw('/user/dingtalk/get_dingtalk_userid', {
      token: h.orgToken,
      body: { userids: [String(mappedUser.userid), String(unmappedDingtalkUser.userid)] },
    })
    expect(users.body.data_list).toEqual([
      {
        userid: String(mappedUser.userid),
        dingtalk_id: mappedUser.dingtalkId,
        dingtalk_unionid: mappedUser.dingtalkUnionid,
      },
    ])
  })

  it('get_epaas_departid and get_epaas_userid: found mappings only, by address book and role', async () => {
    const asked = [String(mappedDepartment.dingtalkId), '1']
    const found = await h.org.getDepartmentIdsByDingtalk({
      dingtalk_ids: asked,
      dingtalk_depart_type: mappedDepartment.addressBook,
    })
    expect(found.data_list).toEqual([
      { dingtalk_id: String(mappedDepartment.dingtalkId), depart_id: String(mappedDepartment.id) },
    ])
    const otherBook = await h.org.getDepartmentIdsByDingtalk({
      dingtalk_ids: asked,
      dingtalk_depart_type: mappedDepartment.addressBook === 1 ? 2 : 1,
    })
    expect(otherBook.data_list).toEqual([])
    const noType = await h.raw('/depart/dingtalk/get_epaas_departid', {
      token: h.orgToken,
      body: { dingtalk_ids: asked },
    })
    expect(noType.body).toMatchObject({ errcode: 40058 })
    expect(noType.body.errmsg).toContain('dingtalk_depart_type')

    const role = mappedUser.roles[0] as Role
    const user = await h.org.getUserIdsByDingtalk({
      dingtalk_ids: [mappedUser.dingtalkId as string, 'nobody'],
      role_id: role,
    })
    expect(user.data_list).toEqual([
      { dingtalk_id: mappedUser.dingtalkId, userid: String(mappedUser.userid) },
    ])
    const wrongRole = await h.org.getUserIdsByDingtalk({
      dingtalk_ids: [mappedUser.dingtalkId as string],
      role_id: role === Role.Student ? Role.Parent : Role.Student,
    })
    expect(wrongRole.data_list).toEqual([])
  })

  it('get_dingtalk_token: the seed shape, one token per organisation until it expires', async () => {
    let now = Date.UTC(2025, 8, 1)
    const timed = harness({ dataset: 'small', now: () => now, tokenTtlSeconds: 86_400 })
    const first = await timed.raw('/corp/dingtalk/get_dingtalk_token', { token: timed.orgToken })
    expect(first.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      dingtalk_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      expires_in: 7200,
      dingtalk_corpid: data.organizations[0]?.dingtalkCorpid,
      dingtalk_appId: data.organizations[0]?.dingtalkAppId,
    })
    now += 250_000
    const again = await timed.org.getDingtalkToken()
    expect(again).toMatchObject({ dingtalk_token: first.body.dingtalk_token, expires_in: 6950 })
    now += 7_000_000
    const renewed = await timed.org.getDingtalkToken()
    expect(renewed.dingtalk_token).not.toBe(first.body.dingtalk_token)
    expect(renewed.expires_in).toBe(7200)
  })

  it('refuses user tokens (48001), lists over 1000 IDs and bad IDs (40058)', async () => {
    const refused = await rejection(h.user.getQywechatUserIds({ userids: ['1'] }))
    expect(refused).toMatchObject({ errcode: MockErrcode.ApiUnauthorized })
    expect(await rejection(h.user.getDingtalkToken())).toMatchObject({ errcode: 48001 })

    const tooMany = Array.from({ length: MAX_LIST_LENGTH + 1 }, (_, i) => 30_000_000 + i)
    const { body } = await h.raw('/user/qywechat/get_qywechat_ids', {
      token: h.orgToken,
      body: { userids: tooMany },
    })
    expect(body).toMatchObject({ errcode: 40058 })
    expect(body.errmsg).toContain('userids')
    const bad = await h.raw('/department/qywechat/get_qywechat_ids', {
      token: h.orgToken,
      body: { department_ids: [{ id: 1 }] },
    })
    expect(bad.body.errmsg).toContain('department_ids[0]')
  })
})

describe('mapping endpoints in the district', () => {
  it('reach the bureau and its schools; a WeCom department ID may map into several schools', async () => {
    const h = harness({ dataset: 'district' })
    const { data } = h.mock
    const shared = [...data.departmentsByQywechatId.entries()].find(([, list]) => list.length > 5)
    expect(shared).toBeDefined()
    const [qywechatId, departments] = shared as [number, MockDepartment[]]
    const answer = await h.org.getDepartmentIdsByQywechat({ qywechat_ids: [String(qywechatId)] })
    expect(answer.department_infos[0]?.departments.map((d) => d.corpid).sort()).toEqual(
      departments.map((d) => String(d.corpid)).sort(),
    )

    // A school's org token reaches only that school.
    const schoolToken = h.mock.issueOrgToken({ corpid: 800002 })
    const fromSchool = await h.org.getDepartmentIdsByQywechat(
      { qywechat_ids: [String(qywechatId)] },
      { token: schoolToken },
    )
    expect(fromSchool.department_infos[0]?.departments.every((d) => d.corpid === '800002')).toBe(
      true,
    )
    const teacherElsewhere = data.users.find((u) => u.corpid === 800003 && u.qywechatId)
    const hidden = await h.org.getQywechatUserIds(
      { userids: [String(teacherElsewhere?.userid)] },
      { token: schoolToken },
    )
    expect(hidden.qywechat_ids).toEqual([])
  })
})
