import type { EpaasClient, SelectNode } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import type { Dataset } from './Dataset.js'
import { generateDataset } from './generateDataset.js'
import { MockErrcode } from './MockErrcode.js'
import { SelectNodeKind } from './SelectNodeKind.js'
import { harness, rejection } from './test/harness.js'

const serialize = (d: Dataset) =>
  JSON.stringify({ organizations: d.organizations, departments: d.departments, users: d.users })

const expand = (client: EpaasClient, node: SelectNode) =>
  client.selectDepartments({
    id: node.id,
    select_node_type: node.select_node_type,
    corpid: node.corpid,
    is_include_sub_org: true,
  })

describe('generateDataset with branchSchools', () => {
  const plain = generateDataset('district', 1)
  const nested = generateDataset('district', 1, { branchSchools: 2 })

  // It compares two districts serialized whole (100,000 people each): seconds on a busy core.
  it(
    'adds branch schools under the first school and leaves everything else as it was',
    { timeout: 60_000 },
    () => {
      const group = nested.organizationByCorpid.get(800001)!
      expect(group.subOrgCorpids).toEqual([800033, 800034])
      for (const corpid of group.subOrgCorpids) {
        const branch = nested.organizationByCorpid.get(corpid)!
        expect(branch.parentCorpid).toBe(800001)
        expect(branch.name).toMatch(/^深圳市南山区.+[一二]分校$/)
        const root = nested.departmentById.get(branch.rootId)!
        expect(root.parentId).toBe(group.rootId)
        expect(nested.users.filter((u) => u.corpid === corpid).length).toBeGreaterThan(300)
      }
      const groupRoot = group.rootId
      const before = {
        organizations: nested.organizations
          .slice(0, plain.organizations.length)
          .map((o) => (o.corpid === 800001 ? { ...o, subOrgCorpids: [] } : o)),
        departments: nested.departments.slice(0, plain.departments.length).map((d) =>
          d.id === groupRoot
            ? // The group school's root gained the branches' roots as children, nothing else changed.
              {
                ...d,
                childIds: d.childIds.filter(
                  (id) => nested.departmentById.get(id)?.corpid === 800001,
                ),
              }
            : d,
        ),
        users: nested.users.slice(0, plain.users.length),
      }
      expect(JSON.stringify(before)).toBe(serialize(plain))
      expect(serialize(generateDataset('district', 1, { branchSchools: 2 }))).toBe(
        serialize(nested),
      )
    },
  )

  it('refuses a count outside 1..10', () => {
    expect(() => generateDataset('small', 1, { branchSchools: 0 })).toThrow(RangeError)
    expect(() => generateDataset('small', 1, { branchSchools: 11 })).toThrow(RangeError)
    expect(() => generateDataset('small', 1, { branchSchools: 1.5 })).toThrow(RangeError)
  })

  it('is answered by select: the group school has sub-organisations, each with its own corpid', async () => {
    const { user, mock } = harness({ dataset: nested })
    const schools = (
      await user.selectDepartments({ id: '0', is_include_sub_org: true })
    ).node_list.filter((n) => n.select_node_type === SelectNodeKind.SubOrganization)
    const group = schools.find((s) => s.corpid === '800001')!
    expect(group).toMatchObject({ has_sub_org: true, department_type: 0 })
    expect(schools.filter((s) => s.corpid !== '800001').every((s) => !s.has_sub_org)).toBe(true)

    const children = (await expand(user, group)).node_list
    const branches = children.filter((n) => n.select_node_type === SelectNodeKind.SubOrganization)
    expect(branches.map((b) => b.corpid)).toEqual(['800033', '800034'])
    for (const branch of branches) {
      expect(branch).toMatchObject({ department_type: 0, has_sub_org: false, id_type: 2 })
      expect(branch.id_path).toEqual([...group.id_path, branch.id])
      const groups = (await expand(user, branch)).node_list
      expect(groups.map((g) => g.name)).toContain('学生')
      expect(groups.every((g) => g.corpid === branch.corpid)).toBe(true)
    }
    // The group's own token: its root says it has sub-organisations, which are listed only
    // with is_include_sub_org.
    const groupToken = mock.issueUserToken({ corpid: '800001' })
    const ownRoot = (
      await user.selectDepartments({ id: '0', is_show_root: true }, { token: groupToken })
    ).node_list[0]!
    expect(ownRoot).toMatchObject({ corpid: '800001', has_sub_org: true })
    const ownChildren = await user.selectDepartments(
      { id: ownRoot.id, select_node_type: ownRoot.select_node_type },
      { token: groupToken },
    )
    expect(ownChildren.node_list.some((n) => n.corpid !== '800001')).toBe(false)
    const withSubOrgs = await user.selectDepartments(
      { id: ownRoot.id, select_node_type: ownRoot.select_node_type, is_include_sub_org: true },
      { token: groupToken },
    )
    expect(withSubOrgs.node_list.filter((n) => n.corpid !== '800001')).toHaveLength(2)
  })

  it("answers a branch's people only with the branch's corpid; the group's subtree stops at its edge", async () => {
    const { user } = harness({ dataset: nested })
    const group = nested.organizationByCorpid.get(800001)!
    const branch = nested.organizationByCorpid.get(800033)!
    const groupUsers = await user.getDepartmentUsers({
      org_department_info_list: [{ corpid: '800001', department_ids: [String(group.rootId)] }],
    })
    expect(new Set(groupUsers.user_infos.map((u) => u.userid)).size).toBe(
      nested.users.filter((u) => u.corpid === 800001).length,
    )
    const branchUsers = await user.getDepartmentUsers({
      org_department_info_list: [{ corpid: '800033', department_ids: [String(branch.rootId)] }],
    })
    expect(new Set(branchUsers.user_infos.map((u) => u.userid)).size).toBe(
      nested.users.filter((u) => u.corpid === 800033).length,
    )
    const wrong = await rejection(
      user.getDepartmentUsers({
        org_department_info_list: [{ corpid: '800001', department_ids: [String(branch.rootId)] }],
      }),
    )
    expect(wrong).toMatchObject({ errcode: MockErrcode.DepartmentNotFound })
  })

  it('in small, the school itself becomes the group', async () => {
    const small = generateDataset('small', 1, { branchSchools: 1 })
    expect(small.organizationByCorpid.get(890000)?.subOrgCorpids).toEqual([890001])
    const { user } = harness({ dataset: small })
    const [root] = (await user.selectDepartments({ id: '0', is_show_root: true })).node_list
    expect(root).toMatchObject({ corpid: '890000', has_sub_org: true })
    const children = (await expand(user, root!)).node_list
    expect(children.filter((n) => n.corpid === '890001')).toHaveLength(1)
  })
})
