/**
 * The plan of a resolve, on the mock's district (schools with their own corpids): departments
 * grouped by organisation, exclusions as keys, and which departments are searched for
 * sub-organisations.
 */
import { generateDataset } from '@epaas-picker/mock-server'
import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { readResolveSettings } from './readResolveSettings.js'
import { departmentKey, personKey } from './personKey.js'
import { mayHaveSubOrganizations, planResolve } from './planResolve.js'
import type { ResolveDepartment, ResolveInput } from './ResolveInput.js'

const data = generateDataset('district')
const settings = (perCall = 20) =>
  readResolveSettings({}, { departmentsPerCall: perCall, subOrganizationTypes: [11] })
/** Classes of two schools (two corpids). */
const [schoolA, schoolB] = data.organizations.filter((o) => o.corpid !== data.topCorpid)
const classesOf = (corpid: number) =>
  data.departments.filter((d) => d.corpid === corpid && d.tag === 5)
const asItem = (d: (typeof data.departments)[number]): ResolveDepartment => ({
  corpid: d.corpid,
  id: d.id,
  id_path: d.idPath,
  department_type: d.departmentType,
  select_node_type: d.kind,
})
const value = (
  departments: ResolveDepartment[],
  rest: Partial<ResolveInput['value']> = {},
): ResolveInput['value'] => ({ departments, users: [], excluded: [], ...rest })

describe('planResolve', () => {
  it("groups the value's departments by organisation, departmentsPerCall a call, without the excluded ones", () => {
    const a = classesOf(schoolA!.corpid).slice(0, 3)
    const b = classesOf(schoolB!.corpid).slice(0, 2)
    const excluded = a[1]!
    const plan = planResolve(
      value([a[0]!, b[0]!, a[1]!, a[2]!, b[1]!].map(asItem), {
        excluded: [{ type: 'department', corpid: excluded.corpid, id: excluded.id }],
      }),
      settings(1),
    )
    expect(plan.expansions).toEqual([
      { corpid: String(schoolA!.corpid), ids: [String(a[0]!.id)] },
      { corpid: String(schoolA!.corpid), ids: [String(a[2]!.id)] },
      { corpid: String(schoolB!.corpid), ids: [String(b[0]!.id)] },
      { corpid: String(schoolB!.corpid), ids: [String(b[1]!.id)] },
    ])
    expect(
      plan.departmentKeys.has(departmentKey(String(excluded.corpid), String(excluded.id))),
    ).toBe(false)
    expect(plan.departmentKeys.size).toBe(4)
    expect(planResolve(value([a[0]!, a[1]!, a[2]!].map(asItem)), settings(2)).expansions).toEqual([
      { corpid: String(schoolA!.corpid), ids: [a[0]!, a[1]!].map((d) => String(d.id)) },
      { corpid: String(schoolA!.corpid), ids: [String(a[2]!.id)] },
    ])
  })

  it('searches a department by its has_sub_org, else by its department_type, once, and only with a corpid and select_node_type', () => {
    const root = data.departmentById.get(data.organizationByCorpid.get(data.topCorpid)!.rootId)!
    const aClass = classesOf(schoolA!.corpid)[0]!
    const searched = (departments: ResolveDepartment[]) =>
      planResolve(value(departments), settings()).searches.map((t) => t.id)

    // The bureau's root (type 11) without has_sub_org: by its type; twice in the value: once.
    expect(searched([asItem(root), asItem(root)])).toEqual([String(root.id)])
    expect(searched([{ ...asItem(root), has_sub_org: false }])).toEqual([])
    expect(searched([{ ...asItem(aClass), has_sub_org: true }])).toEqual([String(aClass.id)])
    expect(searched([asItem(aClass)])).toEqual([])
    expect(searched([{ ...asItem(root), corpid: '' }])).toEqual([])
    const { select_node_type: _, ...noNodeType } = asItem(root)
    expect(searched([noNodeType])).toEqual([])
    expect(planResolve(value([asItem(root)]), settings()).searches).toEqual([
      { corpid: String(root.corpid), id: String(root.id), select_node_type: root.kind },
    ])
  })

  it('reads the exclusions and the listed people as keys, IDs as strings', () => {
    const parent = data.users.find((u) => u.roles.includes(Role.Parent))!
    const listing = parent.listings.find((l) => l.role === Role.Parent)!
    const teacher = data.users.find((u) => u.roles.includes(Role.Teacher))!
    const plan = planResolve(
      value([], {
        users: [
          {
            corpid: parent.corpid,
            userid: parent.userid,
            role_id: Role.Parent,
            children: [{ child_id: listing.childId }],
          },
        ],
        excluded: [
          { type: 'user', corpid: teacher.corpid, userid: teacher.userid, role_id: Role.Teacher },
          { type: 'department', corpid: schoolA!.corpid, id: schoolA!.rootId },
        ],
      }),
      settings(),
    )
    expect(plan.users).toEqual([
      {
        corpid: String(parent.corpid),
        userid: String(parent.userid),
        role_id: Role.Parent,
        child_ids: [String(listing.childId)],
      },
    ])
    expect([...plan.listedDirectly]).toEqual([
      personKey(String(parent.corpid), String(parent.userid), Role.Parent),
    ])
    expect([...plan.excludedPeople]).toEqual([
      personKey(String(teacher.corpid), String(teacher.userid), Role.Teacher),
    ])
    expect([...plan.excludedDepartments.values()]).toEqual([
      { corpid: String(schoolA!.corpid), id: String(schoolA!.rootId) },
    ])
    expect(plan.expansions).toEqual([])
  })
})

describe('mayHaveSubOrganizations', () => {
  it('believes has_sub_org over the type, and the type only without it', () => {
    const types = new Set([9, 11, 14])
    expect(mayHaveSubOrganizations({ has_sub_org: false, department_type: 11 }, types)).toBe(false)
    expect(mayHaveSubOrganizations({ has_sub_org: true, department_type: 0 }, types)).toBe(true)
    expect(mayHaveSubOrganizations({ department_type: 14 }, types)).toBe(true)
    expect(mayHaveSubOrganizations({ department_type: 0 }, types)).toBe(false)
    expect(mayHaveSubOrganizations({}, types)).toBe(false)
  })
})
