import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { LARGE_DEPARTMENT_NAME } from './addLargeDepartment.js'
import type { Dataset } from './Dataset.js'
import { generateDataset } from './generateDataset.js'
import { harness } from './test/harness.js'

const serialize = (d: Dataset) =>
  JSON.stringify({ organizations: d.organizations, departments: d.departments, users: d.users })

describe('generateDataset with largeDepartment', () => {
  const plain = generateDataset('small', 1)
  const large = generateDataset('small', 1, { largeDepartment: { groups: 2, people: 300 } })

  it('leaves every other node as it was and adds its groups and people at the end', () => {
    const added = large.departments.slice(plain.departments.length)
    expect(added.map((d) => d.name)).toEqual([LARGE_DEPARTMENT_NAME, '基准测试1组', '基准测试2组'])
    expect(large.users).toHaveLength(plain.users.length + 600)
    const before = {
      ...large,
      departments: large.departments.slice(0, plain.departments.length).map((d) => ({
        ...d,
        // The staff group gained one child, nothing else changed.
        childIds: d.childIds.filter((id) => id !== added[0]?.id),
      })),
      users: large.users.slice(0, plain.users.length),
    }
    expect(serialize(before)).toBe(serialize(plain))
    expect(
      serialize(generateDataset('small', 1, { largeDepartment: { groups: 2, people: 300 } })),
    ).toBe(serialize(large))
  })

  it('is answered by select: the staff group lists it last, each group its teachers', async () => {
    const { user } = harness({ dataset: large })
    const filters = { need_users_total: true }
    const [root] = (await user.selectDepartments({ ...filters, id: '0', is_show_root: true }))
      .node_list
    const groups = (
      await user.selectDepartments({
        ...filters,
        id: root!.id,
        select_node_type: root!.select_node_type,
      })
    ).node_list
    const staff = groups.find((n) => n.name === '教职工')!
    const offices = (
      await user.selectDepartments({
        ...filters,
        id: staff.id,
        select_node_type: staff.select_node_type,
      })
    ).node_list.filter((n) => n.is_parent)
    const department = offices.at(-1)!
    expect(department.name).toBe(LARGE_DEPARTMENT_NAME)
    expect(department.users_total).toBe(600)
    const subGroups = (
      await user.selectDepartments({
        ...filters,
        id: department.id,
        select_node_type: department.select_node_type,
      })
    ).node_list
    expect(subGroups.map((n) => [n.name, n.users_total])).toEqual([
      ['基准测试1组', 300],
      ['基准测试2组', 300],
    ])
    const people = (
      await user.selectDepartments({
        ...filters,
        id: subGroups[0]!.id,
        select_node_type: subGroups[0]!.select_node_type,
      })
    ).node_list
    expect(people).toHaveLength(300)
    expect(
      people.every((n) => n.role_id === Role.Teacher && n.id_path.at(-1) === subGroups[0]!.id),
    ).toBe(true)
  })

  it('goes under 局内职工 in the district', () => {
    const district = generateDataset('district', 1, { largeDepartment: { groups: 1, people: 10 } })
    const department = district.departments.at(-1)!
    expect(district.departments.at(-2)?.name).toBe(LARGE_DEPARTMENT_NAME)
    const staffGroup = district.departmentById.get(
      district.departmentById.get(department.parentId)!.parentId,
    )
    expect(staffGroup?.name).toBe('局内职工')
    expect(department.members).toHaveLength(10)
  })

  it('refuses impossible shapes', () => {
    expect(() =>
      generateDataset('small', 1, { largeDepartment: { groups: 0, people: 1 } }),
    ).toThrow(RangeError)
    expect(() =>
      generateDataset('small', 1, { largeDepartment: { groups: 1, people: -1 } }),
    ).toThrow(RangeError)
  })
})
