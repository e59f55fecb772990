/**
 * Stage 1 of `resolve`, pure: reads the value into what the other stages work from. Nothing is
 * fetched here.
 */
import type { Role } from '@epaas-picker/protocol'
import { groupByCorp, type DepartmentGroup } from './groupByCorp.js'
import { departmentKey, personKey, type DepartmentRef } from './personKey.js'
import type { ResolveDepartment, ResolveInput } from './ResolveInput.js'
import type { ResolveSettings } from './readResolveSettings.js'

/** A department to search for sub-organisations (`/campus/department/select`). */
export interface SearchTarget extends DepartmentRef {
  select_node_type: number | string
}

/** A person listed in the value (or found in a department), with the children they came by. */
export interface Candidate {
  corpid: string
  userid: string
  role_id: Role
  child_ids: readonly string[]
}

/**
 * What a resolve is to do, read from the value. Holds the value's own entries, as keys and
 * references: bounded by `limits.resolveItems` per list.
 */
export interface ResolvePlan {
  /** The people the value lists, in its order. */
  users: Candidate[]
  /** Keys of the people listed directly: an excluded department does not remove them. */
  listedDirectly: ReadonlySet<string>
  /** Keys of the people excluded: removed wherever they come from. */
  excludedPeople: ReadonlySet<string>
  /** The departments excluded, by key. */
  excludedDepartments: ReadonlyMap<string, DepartmentRef>
  /** Keys of the selected departments to expand (the excluded ones left out). */
  departmentKeys: ReadonlySet<string>
  /** The selected departments to expand, grouped by organisation, `departmentsPerCall` a call. */
  expansions: DepartmentGroup[]
  /** The selected departments to search for sub-organisations, each once. */
  searches: SearchTarget[]
}

/**
 * Plans a resolve: the value's exclusions as keys, its departments grouped by organisation for
 * `/department/user/get`, and which of them to search for sub-organisations.
 *
 * @example
 * const plan = planResolve(input.value, readResolveSettings(input, options))
 * plan.expansions // [{ corpid: '1001', ids: ['11', '12'] }]
 */
export function planResolve(value: ResolveInput['value'], settings: ResolveSettings): ResolvePlan {
  const excludedPeople = new Set<string>()
  const excludedDepartments = new Map<string, DepartmentRef>()
  for (const e of value.excluded) {
    if (e.type === 'user') {
      excludedPeople.add(personKey(String(e.corpid), String(e.userid), e.role_id))
    } else {
      const ref = { corpid: String(e.corpid), id: String(e.id) }
      excludedDepartments.set(departmentKey(ref.corpid, ref.id), ref)
    }
  }
  const users = value.users.map((u): Candidate => ({
    corpid: String(u.corpid),
    userid: String(u.userid),
    role_id: u.role_id,
    child_ids: (u.children ?? []).map((c) => String(c.child_id)),
  }))
  const departments = new Map<string, DepartmentRef>()
  const searches = new Map<string, SearchTarget>()
  for (const d of value.departments) {
    const ref = { corpid: String(d.corpid), id: String(d.id) }
    const key = departmentKey(ref.corpid, ref.id)
    if (excludedDepartments.has(key)) continue
    departments.set(key, ref)
    if (!searches.has(key) && isSearchable(d, ref, settings.subOrganizationTypes)) {
      searches.set(key, { ...ref, select_node_type: d.select_node_type })
    }
  }
  return {
    users,
    listedDirectly: new Set(users.map((u) => personKey(u.corpid, u.userid, u.role_id))),
    excludedPeople,
    excludedDepartments,
    departmentKeys: new Set(departments.keys()),
    expansions: groupByCorp(departments.values(), settings.departmentsPerCall),
    searches: [...searches.values()],
  }
}

/** Whether a selected department is to be searched for sub-organisations. */
function isSearchable(
  department: ResolveDepartment,
  ref: DepartmentRef,
  types: ReadonlySet<number>,
): department is ResolveDepartment & { select_node_type: number | string } {
  // A sub-organisation is told by a corpid other than its parent's: without a corpid of its own,
  // a department cannot be searched.
  return (
    ref.corpid !== '' &&
    department.select_node_type !== undefined &&
    mayHaveSubOrganizations(department, types)
  )
}

/**
 * Whether a selected department may have sub-organisations: what its tree node said
 * (`has_sub_org`) when the value carries it, else (a value saved before the field existed, or
 * built by hand) whether its `department_type` is one of `types`.
 */
export function mayHaveSubOrganizations(
  department: Pick<ResolveDepartment, 'has_sub_org' | 'department_type'>,
  types: ReadonlySet<number>,
): boolean {
  if (department.has_sub_org !== undefined) return department.has_sub_org
  return department.department_type !== undefined && types.has(department.department_type)
}
