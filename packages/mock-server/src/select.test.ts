import {
  EpaasError,
  Role,
  type EpaasClient,
  type SelectDepartmentsRequest,
  type SelectNode,
} from '@epaas-picker/protocol'
import { beforeAll, describe, expect, it } from 'vitest'
import type { MockDepartment } from './Dataset.js'
import { MockErrcode } from './MockErrcode.js'
import { SEARCH_LIMIT } from './select.js'
import { SelectNodeKind } from './SelectNodeKind.js'
import { harness, rejection, type Harness } from './test/harness.js'

/** Expands `node` the way a correct picker does: its id, its select_node_type, its corpid. */
function expand(client: EpaasClient, node: SelectNode, filters: SelectDepartmentsRequest = {}) {
  return client.selectDepartments({
    ...filters,
    id: node.id,
    select_node_type: node.select_node_type,
    corpid: node.corpid,
  })
}

function named(nodes: SelectNode[], name: string): SelectNode {
  const node = nodes.find((n) => n.name === name)
  if (!node) throw new Error(`no node ${name} in ${nodes.map((n) => n.name).join(', ')}`)
  return node
}

async function errcodeOf(promise: Promise<unknown>): Promise<number> {
  const error = await rejection(promise)
  if (!(error instanceof EpaasError)) throw error
  return error.errcode
}

describe('/campus/department/select on the small dataset', () => {
  let h: Harness
  beforeAll(() => {
    h = harness({ dataset: 'small' })
  })

  it('walks from id 0 down to a class and its people, echoing select_node_type', async () => {
    const { mock, user } = h
    mock.resetLog()
    const top = await user.selectDepartments({ id: '0', is_show_root: true })
    expect(top.node_list).toHaveLength(1)
    const root = top.node_list[0] as SelectNode
    expect(root).toMatchObject({
      name: '深圳市南山区第一实验学校',
      corpid: '890000',
      id_type: 2,
      department_type: 0,
      select_node_type: SelectNodeKind.Organization,
      parent_id: '0',
      id_path: [root.id],
      is_parent: true,
    })

    const groups = (await expand(user, root)).node_list
    expect(groups.map((g) => g.name)).toEqual(['学生', '教职工', '虚拟组', '课程班'])
    expect(new Set(groups.map((g) => g.select_node_type))).toEqual(new Set([SelectNodeKind.Group]))
    const campuses = (await expand(user, named(groups, '学生'))).node_list
    expect(campuses.map((c) => c.select_node_type)).toEqual([
      SelectNodeKind.Campus,
      SelectNodeKind.Campus,
    ])
    const grades = (await expand(user, named(campuses, '本部'))).node_list
    expect(grades.map((g) => g.name)).toEqual(['一年级', '二年级', '三年级'])
    const grade = named(grades, '一年级')
    expect(grade).toMatchObject({ grade_name: '2025级', org_attribute_name: '小学' })
    const classes = (await expand(user, grade)).node_list
    expect(classes.map((c) => c.name)).toEqual(['一年级(1)班', '一年级(2)班', '一年级(3)班'])
    const cls = named(classes, '一年级(1)班')
    expect(cls).toMatchObject({
      select_node_type: SelectNodeKind.Class,
      path: '本部/一年级/一年级(1)班',
      parent_id: grade.id,
    })
    expect(cls.id_path).toEqual([...grade.id_path, cls.id])

    const people = (await expand(user, cls)).node_list
    const data = mock.data.departmentById.get(Number(cls.id)) as MockDepartment
    expect(people).toHaveLength(data.members.length)
    expect(people.every((p) => p.id_type === 1 && p.parent_id === cls.id && !p.is_parent)).toBe(
      true,
    )
    expect(
      people.every((p) => p.path === cls.path && p.id_path.join() === cls.id_path.join()),
    ).toBe(true)
    const roles = new Set(people.map((p) => p.role_id))
    expect(roles).toEqual(new Set([Role.Student, Role.Teacher, Role.Parent]))
    const students = new Map(people.filter((p) => p.role_id === Role.Student).map((p) => [p.id, p]))
    const parents = people.filter((p) => p.role_id === Role.Parent)
    expect(parents.length).toBeGreaterThan(students.size)
    for (const parent of parents) {
      expect(students.get(parent.child_id)?.name).toBe(parent.child_name)
      expect(parent.child_relation).not.toBe('')
    }

    // Every expansion sent back what the node carried.
    const sent = mock.requests
      .filter((r) => r.path === '/campus/department/select')
      .map((r) => r.body as Record<string, unknown>)
    expect(sent[0]).toEqual({ id: 0, is_show_root: true })
    expect(sent.slice(1).map((b) => [b.id, b.select_node_type, b.corpid])).toEqual(
      [root, named(groups, '学生'), named(campuses, '本部'), grade, cls].map((n) => [
        Number(n.id),
        n.select_node_type,
        890000,
      ]),
    )
    expect(mock.requests.every((r) => r.errcode === 0)).toBe(true)
  })

  it('answers every field of the seed node, with the seed types', async () => {
    const { body } = await h.raw('/campus/department/select', {
      token: h.userToken,
      body: { id: 0, is_show_root: true },
    })
    const node = (body.node_list as Record<string, unknown>[])[0]
    expect(Object.keys(node ?? {}).sort()).toEqual(
      [
        'id',
        'name',
        'id_type',
        'corpid',
        'select_node_type',
        'parent_id',
        'path',
        'id_path',
        'role_id',
        'disabled',
        'is_parent',
        'child_id',
        'child_name',
        'child_relation',
        'department_type',
        'grade_name',
        'org_attribute_name',
        'has_sub_org',
        'users_total',
      ].sort(),
    )
    expect(node).toMatchObject({
      id: 3029000,
      corpid: 890000,
      parent_id: 0,
      child_id: 0,
      has_sub_org: 0,
    })
  })

  it('refuses an expansion with a wrong or missing select_node_type', async () => {
    const { user } = h
    const root = (await user.selectDepartments({ id: '0', is_show_root: true }))
      .node_list[0] as SelectNode
    const groups = (await expand(user, root)).node_list
    const students = named(groups, '学生')
    const campuses = (await expand(user, students)).node_list

    for (const node of [root, students, named(campuses, '本部')]) {
      for (const wrong of Object.values(SelectNodeKind).filter(
        (k) => k !== node.select_node_type,
      )) {
        const error = await rejection(
          user.selectDepartments({ id: node.id, select_node_type: wrong, corpid: node.corpid }),
        )
        expect(error).toBeInstanceOf(EpaasError)
        expect(error).toMatchObject({ errcode: MockErrcode.InvalidParameter })
        expect(String((error as EpaasError).errmsg)).toContain('select_node_type')
      }
      // Missing, or changed into a string, is not an echo either.
      expect(await errcodeOf(user.selectDepartments({ id: node.id }))).toBe(40058)
      expect(
        await errcodeOf(
          user.selectDepartments({ id: node.id, select_node_type: String(node.select_node_type) }),
        ),
      ).toBe(40058)
    }
  })

  it('accepts GET with query parameters (lists as "a,b")', async () => {
    const cls = h.mock.data.departments.find((d) => d.name === '二年级(2)班') as MockDepartment
    const { body } = await h.raw('/campus/department/select', {
      token: h.userToken,
      query: {
        id: String(cls.id),
        select_node_type: String(SelectNodeKind.Class),
        select_role_list: '11,12',
      },
    })
    expect(body.errcode).toBe(0)
    const nodes = body.node_list as { role_id: number }[]
    expect(nodes.length).toBe(cls.members.filter((m) => m.role !== Role.Parent).length)
  })

  it('filters people by select_role_list', async () => {
    const cls = h.mock.data.departments.find((d) => d.name === '三年级(1)班') as MockDepartment
    const node = { id: String(cls.id), select_node_type: SelectNodeKind.Class, corpid: '890000' }
    const parents = await h.user.selectDepartments({ ...node, select_role_list: [Role.Parent] })
    expect(parents.node_list.length).toBe(cls.members.filter((m) => m.role === Role.Parent).length)
    expect(parents.node_list.every((n) => n.role_id === Role.Parent)).toBe(true)
    const others = await h.user.selectDepartments({ ...node, select_role_list: [11, 12] })
    expect(new Set(others.node_list.map((n) => n.role_id))).toEqual(new Set([11, 12]))
  })

  it('marks departments whose tag is not in select_tag_list, and their people, disabled', async () => {
    const { user, mock } = h
    // A grade without the data-disabled class, so that only the tag filter disables.
    const grade = mock.data.departments.find(
      (d) =>
        d.kind === SelectNodeKind.Grade &&
        d.childIds.every((id) => !mock.data.departmentById.get(id)?.disabled),
    ) as MockDepartment
    const gradeNode = {
      id: String(grade.id),
      select_node_type: SelectNodeKind.Grade,
      corpid: '890000',
    }
    const onlyClasses = await user.selectDepartments({ ...gradeNode, select_tag_list: [5] })
    expect(onlyClasses.node_list.map((n) => n.disabled)).toEqual([false, false, false])
    const onlyGrades = await user.selectDepartments({ ...gradeNode, select_tag_list: [4] })
    expect(onlyGrades.node_list.map((n) => n.disabled)).toEqual([true, true, true])

    const cls = grade.childIds[0] as number
    const clsNode = { id: String(cls), select_node_type: SelectNodeKind.Class, corpid: '890000' }
    const people = await user.selectDepartments({ ...clsNode, select_tag_list: [4] })
    expect(people.node_list.every((n) => n.disabled)).toBe(true)
    const allowed = await user.selectDepartments({ ...clsNode, select_tag_list: [5] })
    expect(allowed.node_list.some((n) => !n.disabled)).toBe(true)

    // Untagged departments (staff, virtual groups) are not affected; the 学生 group is tag 1.
    const groups = await user.selectDepartments({ id: '0', select_tag_list: [5] })
    expect(groups.node_list.map((n) => [n.name, n.disabled])).toEqual([
      ['学生', true],
      ['教职工', false],
      ['虚拟组', false],
      ['课程班', false],
    ])
    // select_type does not change disabled by itself.
    const anyType = await user.selectDepartments({ id: '0', select_type: 2 })
    expect(anyType.node_list.every((n) => !n.disabled)).toBe(true)
  })

  it('shows the data-disabled class and people as disabled', async () => {
    const disabledClass = h.mock.data.departments.find((d) => d.disabled) as MockDepartment
    const parent = h.mock.data.departmentById.get(disabledClass.parentId) as MockDepartment
    const classes = await h.user.selectDepartments({
      id: String(parent.id),
      select_node_type: SelectNodeKind.Grade,
    })
    expect(classes.node_list.find((n) => n.id === String(disabledClass.id))?.disabled).toBe(true)
    const disabledUser = h.mock.data.users.find((u) => u.disabled && u.roles[0] === Role.Student)
    const home = h.mock.data.departmentById.get(disabledUser?.listings[0]?.departmentId ?? 0)
    const people = await h.user.selectDepartments({
      id: String(home?.id),
      select_node_type: SelectNodeKind.Class,
    })
    expect(people.node_list.find((n) => n.id === String(disabledUser?.userid))?.disabled).toBe(true)
  })

  it('filters groups by department_type_list', async () => {
    const staffOnly = await h.user.selectDepartments({ id: '0', department_type_list: [2] })
    expect(staffOnly.node_list.map((n) => n.name)).toEqual(['教职工'])
    const two = await h.user.selectDepartments({ id: '0', department_type_list: [1, 7] })
    expect(two.node_list.map((n) => n.name)).toEqual(['学生', '虚拟组'])
    const all = await h.user.selectDepartments({ id: '0', department_type_list: [] })
    expect(all.node_list).toHaveLength(4)
  })

  it('hides the creator with hide_creator', async () => {
    const creator = h.mock.data.users.find((u) => u.creator)
    const office = h.mock.data.departmentById.get(creator?.listings[0]?.departmentId ?? 0)
    const node = { id: String(office?.id), select_node_type: SelectNodeKind.StaffDepartment }
    const shown = await h.user.selectDepartments(node)
    expect(shown.node_list.map((n) => n.id)).toContain(String(creator?.userid))
    const hidden = await h.user.selectDepartments({ ...node, hide_creator: true })
    expect(hidden.node_list.map((n) => n.id)).not.toContain(String(creator?.userid))
    expect(hidden.node_list).toHaveLength(shown.node_list.length - 1)
  })

  it('counts distinct people with need_users_total, per role filter', async () => {
    const cls = h.mock.data.departments.find((d) => d.name === '五年级(2)班') as MockDepartment
    const grade = h.mock.data.departmentById.get(cls.parentId) as MockDepartment
    const gradeNode = { id: String(grade.id), select_node_type: SelectNodeKind.Grade }
    const without = await h.user.selectDepartments(gradeNode)
    expect(without.node_list.every((n) => n.users_total === 0)).toBe(true)
    const counted = await h.user.selectDepartments({ ...gradeNode, need_users_total: true })
    const distinct = new Set(cls.members.map((m) => m.userid)).size
    expect(counted.node_list.find((n) => n.id === String(cls.id))?.users_total).toBe(distinct)
    const students = await h.user.selectDepartments({
      ...gradeNode,
      need_users_total: true,
      select_role_list: [Role.Student],
    })
    expect(students.node_list.find((n) => n.id === String(cls.id))?.users_total).toBe(
      cls.members.filter((m) => m.role === Role.Student).length,
    )
    const top = await h.user.selectDepartments({
      id: '0',
      is_show_root: true,
      need_users_total: true,
    })
    expect(top.node_list[0]?.users_total).toBe(h.mock.data.users.length)
  })

  it('searches by name substring (search_type 0) across the school, with paths', async () => {
    const student = h.mock.data.users.find(
      (u) => u.roles[0] === Role.Student && u.listings.length === 1,
    )
    const { node_list } = await h.user.selectDepartments({ key: student?.name })
    const hit = node_list.find((n) => n.id === String(student?.userid))
    const cls = h.mock.data.departmentById.get(student?.listings[0]?.departmentId ?? 0)
    expect(hit).toMatchObject({
      role_id: 11,
      path: cls?.path,
      corpid: '890000',
      parent_id: String(cls?.id),
    })
    expect(node_list.every((n) => n.name.includes(student?.name ?? '?'))).toBe(true)

    const departments = await h.user.selectDepartments({ key: '二年级' })
    expect(departments.node_list.map((n) => [n.name, n.path, n.select_node_type])).toEqual([
      ['二年级', '本部/二年级', SelectNodeKind.Grade],
      ['二年级(1)班', '本部/二年级/二年级(1)班', SelectNodeKind.Class],
      ['二年级(2)班', '本部/二年级/二年级(2)班', SelectNodeKind.Class],
      ['二年级(3)班', '本部/二年级/二年级(3)班', SelectNodeKind.Class],
    ])

    // A parent of two children comes once per child; filters apply to search results too.
    const parent = h.mock.data.users.find(
      (u) => u.roles.length === 1 && u.listings.filter((l) => l.role === Role.Parent).length === 2,
    )
    const parentHits = await h.user.selectDepartments({ key: parent?.name, select_role_list: [13] })
    const rows = parentHits.node_list.filter((n) => n.id === String(parent?.userid))
    expect(rows.map((r) => r.child_id).sort()).toEqual(
      (parent?.listings.map((l) => String(l.childId)) ?? []).sort(),
    )
    expect(parentHits.node_list.every((n) => n.role_id === Role.Parent)).toBe(true)
  })

  it('searches by exact phone with search_type 3, and not with 0 or a partial number', async () => {
    const teacher = h.mock.data.users.find((u) => u.roles.includes(Role.Teacher) && !u.creator)
    const phone = teacher?.phone ?? ''
    const found = await h.user.selectDepartments({ key: phone, search_type: 3 })
    expect(found.node_list.length).toBeGreaterThan(0)
    expect(found.node_list.every((n) => n.id === String(teacher?.userid))).toBe(true)
    expect((await h.user.selectDepartments({ key: phone, search_type: 0 })).node_list).toEqual([])
    expect(
      (await h.user.selectDepartments({ key: phone.slice(0, 10), search_type: 3 })).node_list,
    ).toEqual([])
  })

  it('answers 40058 naming the field for a bad parameter', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 0, select_type: 3 }, 'select_type'],
      [{ id: 0, search_type: 1, key: 'x' }, 'search_type'],
      [{ id: 0, select_role_list: [11, 14] }, 'select_role_list[1]'],
      [{ id: 0, department_type_list: '1' }, 'department_type_list'],
      [{ id: 'abc' }, 'id'],
      [{ id: 0, is_show_root: 'yes' }, 'is_show_root'],
      [{ id: 0, key: 5 }, 'key'],
    ]
    for (const [body, field] of cases) {
      const { body: answer } = await h.raw('/campus/department/select', {
        token: h.userToken,
        body,
      })
      expect(answer.errcode).toBe(40058)
      expect(answer.errmsg).toContain(field)
    }
    const notJson = await h.raw('/campus/department/select', { token: h.userToken, body: '{"id":' })
    expect(notJson.body.errcode).toBe(MockErrcode.InvalidJson)
  })

  it('answers 60003 for a department that does not exist and for a person', async () => {
    expect(await errcodeOf(h.user.selectDepartments({ id: '999', select_node_type: 1 }))).toBe(
      60003,
    )
    const someone = h.mock.data.users[0]
    expect(
      await errcodeOf(
        h.user.selectDepartments({
          id: String(someone?.userid),
          select_node_type: SelectNodeKind.Person,
        }),
      ),
    ).toBe(60003)
  })
})

describe('/campus/department/select on the district dataset', () => {
  let h: Harness
  beforeAll(() => {
    h = harness({ dataset: 'district' })
  })

  it('shows schools only with is_include_sub_org, each with its own corpid', async () => {
    const without = await h.user.selectDepartments({ id: '0' })
    expect(without.node_list.map((n) => n.name)).toEqual(['局内职工'])
    expect(without.node_list[0]).toMatchObject({ department_type: 9, corpid: '800000' })

    const top = await h.user.selectDepartments({
      id: '0',
      is_show_root: true,
      is_include_sub_org: true,
    })
    const root = top.node_list[0] as SelectNode
    expect(root).toMatchObject({ department_type: 11, has_sub_org: true, corpid: '800000' })
    const children = (await expand(h.user, root, { is_include_sub_org: true })).node_list
    const schools = children.filter((n) => n.select_node_type === SelectNodeKind.SubOrganization)
    expect(schools.length).toBeGreaterThanOrEqual(30)
    expect(new Set(schools.map((s) => s.corpid)).size).toBe(schools.length)
    expect(schools.every((s) => s.corpid !== '800000' && s.department_type === 0)).toBe(true)
    expect(schools.every((s) => s.id_path.join() === `${root.id},${s.id}`)).toBe(true)
  })

  it('expands a sub-organisation with its corpid, all the way down to a class', async () => {
    const schools = (
      await h.user.selectDepartments({ id: '0', is_include_sub_org: true })
    ).node_list.filter((n) => n.select_node_type === SelectNodeKind.SubOrganization)
    const school = schools[3] as SelectNode
    const filters = { is_include_sub_org: true }
    const groups = (await expand(h.user, school, filters)).node_list
    expect(groups.every((g) => g.corpid === school.corpid)).toBe(true)
    expect(groups.every((g) => g.id_path[1] === school.id)).toBe(true)
    let node = named(groups, '学生')
    while (node.select_node_type !== SelectNodeKind.Class) {
      node = (await expand(h.user, node, filters)).node_list[0] as SelectNode
    }
    const people = (await expand(h.user, node, filters)).node_list
    expect(people.length).toBeGreaterThan(30)
    expect(people.every((p) => p.corpid === school.corpid)).toBe(true)

    const last = h.mock.requests.at(-1)?.body as Record<string, unknown>
    expect(last).toMatchObject({
      id: Number(node.id),
      corpid: Number(school.corpid),
      select_node_type: 6,
    })

    // Without the corpid, the node is not in the token's organisation.
    const missing = await rejection(
      h.user.selectDepartments({
        id: node.id,
        select_node_type: node.select_node_type,
        ...filters,
      }),
    )
    expect(missing).toMatchObject({ errcode: MockErrcode.DepartmentNotFound })
    expect((missing as EpaasError).errmsg).toContain(`corpid ${school.corpid}`)
    // Another school's corpid is wrong too.
    const other = schools[4] as SelectNode
    expect(await errcodeOf(expand(h.user, { ...node, corpid: other.corpid }, filters))).toBe(
      MockErrcode.DepartmentNotFound,
    )
    // A sub-organisation's corpid needs is_include_sub_org.
    expect(await errcodeOf(expand(h.user, node))).toBe(MockErrcode.NoPrivilege)
  })

  it('refuses a corpid that is not the token organisation nor below it', async () => {
    const schoolToken = h.mock.issueUserToken({ corpid: '800002' })
    const sent = { id: '0', corpid: '800000', is_include_sub_org: true }
    const error = await rejection(h.user.selectDepartments(sent, { token: schoolToken }))
    expect(error).toMatchObject({ errcode: MockErrcode.NoPrivilege })
    expect(
      await errcodeOf(
        h.user.selectDepartments({ id: '0', corpid: '123456', is_include_sub_org: true }),
      ),
    ).toBe(MockErrcode.NoPrivilege)
  })

  it("a school's own user token sees the school as its root", async () => {
    const token = h.mock.issueUserToken({ corpid: '800005' })
    const top = await h.user.selectDepartments({ id: '0', is_show_root: true }, { token })
    const root = top.node_list[0] as SelectNode
    expect(root).toMatchObject({
      corpid: '800005',
      select_node_type: SelectNodeKind.Organization,
      parent_id: '0',
      id_path: [root.id],
      has_sub_org: false,
    })
    const groups = await h.user.selectDepartments(
      { id: root.id, select_node_type: root.select_node_type },
      { token },
    )
    expect(groups.node_list.every((g) => g.id_path.length === 2 && g.id_path[0] === root.id)).toBe(
      true,
    )
  })

  it('searches across sub-organisations only with is_include_sub_org, capped at 200', async () => {
    const person = h.mock.data.users.find((u) => u.corpid === 800007 && u.roles[0] === Role.Student)
    const inBureau = await h.user.selectDepartments({ key: person?.name })
    expect(inBureau.node_list.every((n) => n.corpid === '800000')).toBe(true)
    const everywhere = await h.user.selectDepartments({
      key: person?.name,
      is_include_sub_org: true,
    })
    const hit = everywhere.node_list.find((n) => n.id === String(person?.userid))
    expect(hit).toMatchObject({ corpid: '800007', role_id: 11 })
    expect(hit?.path).toMatch(/班$/)

    const many = await h.user.selectDepartments({ key: '张', is_include_sub_org: true })
    expect(many.node_list).toHaveLength(SEARCH_LIMIT)
    expect(new Set(many.node_list.map((n) => n.corpid)).size).toBeGreaterThan(1)

    const byPhone = await h.user.selectDepartments({
      key: person?.phone,
      search_type: 3,
      is_include_sub_org: true,
    })
    expect(byPhone.node_list.map((n) => n.id)).toEqual([String(person?.userid)])
  })
})
