import { NodeDepartmentType, Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import type { Dataset, MockDepartment } from './Dataset.js'
import { generateDataset } from './generateDataset.js'
import { SelectNodeKind } from './SelectNodeKind.js'

const serialize = (d: Dataset) =>
  JSON.stringify({ organizations: d.organizations, departments: d.departments, users: d.users })

const small = generateDataset('small', 1)
const district = generateDataset('district', 1)

function classesOf(data: Dataset): MockDepartment[] {
  return data.departments.filter((d) => d.kind === SelectNodeKind.Class)
}

describe('generateDataset', () => {
  it('is deterministic: same kind and seed, same data byte for byte; another seed, other data', () => {
    expect(serialize(generateDataset('small', 1))).toBe(serialize(small))
    expect(serialize(generateDataset('small', 2))).not.toBe(serialize(small))
    expect(serialize(generateDataset('district', 1))).toBe(serialize(district))
  })

  it('small: one school of about 1,500 people with the seed-like corpid', () => {
    expect(small.organizations).toHaveLength(1)
    expect(small.topCorpid).toBe(890000)
    expect(small.organizations[0]?.name).toBe('深圳市南山区第一实验学校')
    expect(small.users.length).toBeGreaterThan(1300)
    expect(small.users.length).toBeLessThan(1800)
  })

  it('district: a bureau with at least 30 schools as sub-organisations and about 100,000 people', () => {
    const bureau = district.organizationByCorpid.get(district.topCorpid)
    expect(district.topCorpid).toBe(800000)
    expect(bureau?.subOrgCorpids.length).toBeGreaterThanOrEqual(30)
    expect(district.organizations).toHaveLength((bureau?.subOrgCorpids.length ?? 0) + 1)
    for (const corpid of bureau?.subOrgCorpids ?? []) {
      const school = district.organizationByCorpid.get(corpid)
      expect(school?.parentCorpid).toBe(800000)
      expect(district.departmentById.get(school?.rootId ?? 0)?.parentId).toBe(bureau?.rootId)
    }
    expect(district.users.length).toBeGreaterThan(90_000)
    expect(district.users.length).toBeLessThan(110_000)
    const root = district.departmentById.get(bureau?.rootId ?? 0)
    expect(root?.departmentType).toBe(NodeDepartmentType.ParentOrganizationRoot)
    const bureauStaff = district.departments.filter(
      (d) => d.corpid === 800000 && d.departmentType === NodeDepartmentType.ParentOrganization,
    )
    expect(bureauStaff.map((d) => d.name)).toContain('局内职工')
    expect(bureauStaff.some((d) => d.members.length > 0)).toBe(true)
  })

  it('gives unique numeric IDs: 8-digit user IDs, unique department IDs and 11-digit phones', () => {
    for (const data of [small, district]) {
      expect(new Set(data.users.map((u) => u.userid)).size).toBe(data.users.length)
      expect(new Set(data.departments.map((d) => d.id)).size).toBe(data.departments.length)
      expect(new Set(data.users.map((u) => u.phone)).size).toBe(data.users.length)
      expect(data.users.every((u) => /^\d{8}$/.test(String(u.userid)))).toBe(true)
      expect(data.users.every((u) => /^1\d{10}$/.test(u.phone))).toBe(true)
    }
  })

  it('builds 学生 -> 校区 -> 年级 -> 班级 with tags, grade names and stages', () => {
    const root = small.departmentById.get(small.organizations[0]?.rootId ?? 0) as MockDepartment
    const groups = root.childIds.map((id) => small.departmentById.get(id) as MockDepartment)
    expect(groups.map((g) => [g.name, g.departmentType])).toEqual([
      ['学生', 1],
      ['教职工', 2],
      ['虚拟组', 7],
      ['课程班', 8],
    ])
    const campuses = (groups[0] as MockDepartment).childIds.map((id) =>
      small.departmentById.get(id),
    )
    expect(campuses.map((c) => [c?.name, c?.tag])).toEqual([
      ['本部', 10],
      ['南校区', 10],
    ])
    const grade = small.departments.find((d) => d.name === '一年级') as MockDepartment
    expect(grade).toMatchObject({ tag: 4, gradeName: '2025级', orgAttributeName: '小学' })
    const firstClass = small.departmentById.get(grade.childIds[0] as number)
    expect(firstClass).toMatchObject({
      name: '一年级(1)班',
      tag: 5,
      path: '本部/一年级/一年级(1)班',
    })
    expect(firstClass?.idPath).toEqual([
      root.id,
      groups[0]?.id,
      campuses[0]?.id,
      grade.id,
      firstClass?.id,
    ])
    const staff = small.departmentById.get(groups[1]?.childIds[0] as number)
    expect(staff?.path).toBe(staff?.name)
  })

  it('lists the same teacher in several classes, and parents once per child with relation', () => {
    const teachersInClasses = small.users.filter(
      (u) =>
        u.roles.includes(Role.Teacher) &&
        u.listings.filter(
          (l) => small.departmentById.get(l.departmentId)?.kind === SelectNodeKind.Class,
        ).length >= 2,
    )
    expect(teachersInClasses.length).toBeGreaterThan(5)

    for (const cls of classesOf(small)) {
      const students = new Set(
        cls.members.filter((m) => m.role === Role.Student).map((m) => m.userid),
      )
      for (const parent of cls.members.filter((m) => m.role === Role.Parent)) {
        expect(students.has(parent.childId)).toBe(true)
        expect(parent.childName).toBe(small.userById.get(parent.childId)?.name)
        expect(['爸爸', '妈妈', '爷爷', '奶奶', '外公', '外婆']).toContain(parent.childRelation)
      }
    }
    // Some parents have two children in the school, in different classes.
    const twoChildren = small.users.filter((u) => {
      const rows = u.listings.filter((l) => l.role === Role.Parent)
      return (
        new Set(rows.map((l) => l.childId)).size >= 2 &&
        new Set(rows.map((l) => l.departmentId)).size >= 2
      )
    })
    expect(twoChildren.length).toBeGreaterThan(10)
    // Some teachers are parents too: one userid, two roles.
    expect(
      small.users.some((u) => u.roles.includes(Role.Teacher) && u.roles.includes(Role.Parent)),
    ).toBe(true)
  })

  it('has people with the same name in different classes', () => {
    const classesByName = new Map<string, Set<number>>()
    for (const cls of classesOf(small)) {
      for (const m of cls.members.filter((x) => x.role === Role.Student)) {
        const name = small.userById.get(m.userid)?.name as string
        classesByName.set(name, (classesByName.get(name) ?? new Set()).add(cls.id))
      }
    }
    expect([...classesByName.values()].filter((s) => s.size > 1).length).toBeGreaterThan(5)
  })

  it('has a creator, a disabled class and a couple of disabled people per school', () => {
    expect(small.users.filter((u) => u.creator)).toHaveLength(1)
    expect(small.departments.filter((d) => d.disabled)).toHaveLength(1)
    expect(small.departments.find((d) => d.disabled)?.kind).toBe(SelectNodeKind.Class)
    expect(small.users.filter((u) => u.disabled).length).toBe(2)
    expect(district.users.filter((u) => u.creator)).toHaveLength(district.organizations.length)
  })

  it('maps about 95% of departments and people on each platform, deterministically', () => {
    const share = (n: number, total: number) => n / total
    const users = district.users
    expect(share(users.filter((u) => u.qywechatId === null).length, users.length)).toBeCloseTo(
      0.05,
      1,
    )
    expect(share(users.filter((u) => u.dingtalkId === null).length, users.length)).toBeCloseTo(
      0.05,
      1,
    )
    const departments = district.departments
    const unmappedWecom = departments.filter((d) => d.qywechatId === null).length
    expect(unmappedWecom).toBeGreaterThan(0)
    expect(share(unmappedWecom, departments.length)).toBeLessThan(0.1)
    expect(
      users
        .filter((u) => u.qywechatId)
        .every((u) => /^SC_(phone_)?[0-9a-f]{16}$/.test(u.qywechatId ?? '')),
    ).toBe(true)
    expect(new Set(users.map((u) => u.qywechatId).filter(Boolean)).size).toBe(
      district.userByQywechatId.size,
    )
  })
})
