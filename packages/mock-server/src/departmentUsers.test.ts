import { Role } from '@epaas-picker/protocol'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Dataset, MockDepartment } from './Dataset.js'
import { MockErrcode } from './MockErrcode.js'
import { SelectNodeKind } from './SelectNodeKind.js'
import { harness, rejection, type Harness } from './test/harness.js'

/** Every (userid, role, child) row listed in a department's subtree within its organisation. */
function rowsUnder(data: Dataset, department: MockDepartment): Set<string> {
  const rows = new Set<string>()
  const visit = (d: MockDepartment) => {
    for (const m of d.members) rows.add(`${m.userid}:${m.role}:${m.childId}`)
    for (const id of d.childIds) {
      const child = data.departmentById.get(id) as MockDepartment
      if (child.corpid === d.corpid) visit(child)
    }
  }
  visit(department)
  return rows
}

describe('/department/user/get', () => {
  let h: Harness
  let data: Dataset
  let studentsGroup: MockDepartment
  beforeAll(() => {
    h = harness({ dataset: 'small' })
    data = h.mock.data
    studentsGroup = data.departments.find((d) => d.name === '学生') as MockDepartment
  })

  it('answers every member of the subtree once, parents once per child', async () => {
    const { user_infos } = await h.user.getDepartmentUsers({
      org_department_info_list: [{ corpid: '890000', department_ids: [String(studentsGroup.id)] }],
    })
    const keys = user_infos.map((u) => `${u.userid}:${u.role_id}:${u.child_id || 0}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(keys)).toEqual(rowsUnder(data, studentsGroup))

    // A parent of two children in the school appears twice, once per child.
    const parent = data.users.find(
      (u) =>
        new Set(u.listings.filter((l) => l.role === Role.Parent).map((l) => l.childId)).size === 2,
    )
    const rows = user_infos.filter((u) => u.userid === String(parent?.userid) && u.role_id === 13)
    expect(rows.map((r) => r.child_id).sort()).toEqual(
      [
        ...new Set(
          parent?.listings.filter((l) => l.role === Role.Parent).map((l) => String(l.childId)),
        ),
      ].sort(),
    )
    // A teacher of several classes appears once.
    const teacher = data.users.find(
      (u) =>
        u.listings.filter(
          (l) => data.departmentById.get(l.departmentId)?.kind === SelectNodeKind.Class,
        ).length >= 2,
    )
    expect(user_infos.filter((u) => u.userid === String(teacher?.userid))).toHaveLength(1)
  })

  it('answers the seed shape: string userid and child_id, camelCase roleId, department_ids on need_depart', async () => {
    const cls = data.departments.find(
      (d) => d.kind === SelectNodeKind.Class && !d.disabled,
    ) as MockDepartment
    const plain = await h.raw('/department/user/get', {
      token: h.userToken,
      body: { org_department_info_list: [{ department_ids: [cls.id] }] },
    })
    const first = (plain.body.user_infos as Record<string, unknown>[])[0]
    expect(first).toEqual({ userid: expect.any(String), roleId: 12, child_id: '0' })

    const withDepartments = await h.raw('/department/user/get', {
      token: h.userToken,
      body: {
        org_department_info_list: [{ department_ids: [cls.id] }],
        need_depart: 1,
        role_ids: [13],
      },
    })
    const parents = withDepartments.body.user_infos as {
      userid: string
      roleId: number
      child_id: string
      department_ids: number[]
    }[]
    expect(parents.length).toBe(cls.members.filter((m) => m.role === Role.Parent).length)
    for (const p of parents) {
      expect(p.roleId).toBe(13)
      expect(p.child_id).not.toBe('0')
      expect(p.department_ids).toEqual([cls.id])
    }
  })

  it('filters by role_ids and hides the creator with hide_creator', async () => {
    const root = data.departmentById.get(data.organizations[0]?.rootId ?? 0) as MockDepartment
    const request = { org_department_info_list: [{ department_ids: [String(root.id)] }] }
    const students = await h.user.getDepartmentUsers({ ...request, role_ids: [Role.Student] })
    expect(students.user_infos.every((u) => u.role_id === 11)).toBe(true)
    expect(students.user_infos).toHaveLength(data.users.filter((u) => u.roles.includes(11)).length)

    const creator = data.users.find((u) => u.creator)
    const all = await h.user.getDepartmentUsers(request)
    const hidden = await h.user.getDepartmentUsers({ ...request, hide_creator: true })
    expect(all.user_infos.map((u) => u.userid)).toContain(String(creator?.userid))
    expect(hidden.user_infos.map((u) => u.userid)).not.toContain(String(creator?.userid))
  })

  it('answers 60003 for an unknown department and 40058 naming a bad field', async () => {
    const unknown = await rejection(
      h.user.getDepartmentUsers({ org_department_info_list: [{ department_ids: ['42'] }] }),
    )
    expect(unknown).toMatchObject({ errcode: MockErrcode.DepartmentNotFound })

    const bad = await h.raw('/department/user/get', {
      token: h.userToken,
      body: { org_department_info_list: [{ department_ids: [studentsGroup.id, 'x'] }] },
    })
    expect(bad.body).toMatchObject({ errcode: 40058 })
    expect(bad.body.errmsg).toContain('org_department_info_list[0].department_ids[1]')
    const missing = await h.raw('/department/user/get', { token: h.userToken, body: {} })
    expect(missing.body.errmsg).toContain('org_department_info_list')
    const role = await h.raw('/department/user/get', {
      token: h.userToken,
      body: { role_ids: [10], org_department_info_list: [] },
    })
    expect(role.body.errmsg).toContain('role_ids[0]')
  })
})

describe('/department/user/get in the district', () => {
  let h: Harness
  beforeAll(() => {
    h = harness({ dataset: 'district' })
  })

  it("reads a school's members with the school's corpid; the bureau's subtree stops at its edge", async () => {
    const { data } = h.mock
    const school = data.organizationByCorpid.get(800003)
    const bureau = data.organizationByCorpid.get(800000)
    const schoolUsers = await h.user.getDepartmentUsers({
      org_department_info_list: [{ corpid: '800003', department_ids: [String(school?.rootId)] }],
    })
    const schoolPeople = new Set(schoolUsers.user_infos.map((u) => u.userid))
    expect(schoolPeople.size).toBe(data.users.filter((u) => u.corpid === 800003).length)

    const bureauUsers = await h.user.getDepartmentUsers({
      org_department_info_list: [{ department_ids: [String(bureau?.rootId)] }],
    })
    expect(new Set(bureauUsers.user_infos.map((u) => u.userid)).size).toBe(
      data.users.filter((u) => u.corpid === 800000).length,
    )

    // Both at once, one entry per organisation.
    const both = await h.user.getDepartmentUsers({
      org_department_info_list: [
        { department_ids: [String(bureau?.rootId)] },
        { corpid: '800003', department_ids: [String(school?.rootId)] },
      ],
    })
    expect(both.user_infos.length).toBe(
      bureauUsers.user_infos.length + schoolUsers.user_infos.length,
    )

    // The school's root under the bureau's corpid is not found; an unrelated corpid is refused.
    const wrongCorp = await rejection(
      h.user.getDepartmentUsers({
        org_department_info_list: [{ department_ids: [String(school?.rootId)] }],
      }),
    )
    expect(wrongCorp).toMatchObject({ errcode: MockErrcode.DepartmentNotFound })
    const schoolToken = h.mock.issueUserToken({ corpid: 800004 })
    const outside = await rejection(
      h.user.getDepartmentUsers(
        {
          org_department_info_list: [
            { corpid: '800003', department_ids: [String(school?.rootId)] },
          ],
        },
        { token: schoolToken },
      ),
    )
    expect(outside).toMatchObject({ errcode: MockErrcode.NoPrivilege })
  })
})
