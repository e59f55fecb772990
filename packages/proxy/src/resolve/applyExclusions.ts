/**
 * Stage 3 of `resolve`: the exclusions. An excluded person is removed wherever they come from. An
 * excluded department removes its members, unless they are listed in the value directly or are
 * members of a department selected inside it (one whose `id_path` passes through it): "the school
 * except 三年级, but 三年级一班" reaches 一班. It runs before any recipient is admitted: nobody
 * may be streamed before it is known who is removed.
 */
import type { DepartmentGroup } from './groupByCorp.js'
import { groupByCorp } from './groupByCorp.js'
import type { DepartmentUsersCall } from './createDepartmentCalls.js'
import { personKey, type DepartmentRef } from './personKey.js'
import type { ResolvePlan } from './planResolve.js'
import type { ResolveDepartment } from './ResolveInput.js'

/** An excluded department with the selected departments inside it, whose members stay. */
export interface NestedExclusion {
  excluded: DepartmentRef
  inside: DepartmentRef[]
}

/** The excluded departments: those with nothing selected inside, and the others. */
export interface ExclusionGroups {
  plain: DepartmentRef[]
  nested: NestedExclusion[]
}

/** Says whether a person (by `personKey`) is removed by the value's exclusions. */
export type ExclusionFilter = (key: string) => boolean

/**
 * Sorts the excluded departments by whether a selected department lies inside them, as its
 * `id_path` says (a department without one lies inside none). Pure.
 *
 * @example
 * nestExclusions([{ corpid: '1', id: '3' }], [{ corpid: '1', id: '31', id_path: ['1', '3', '31'] }])
 * // { plain: [], nested: [{ excluded: { corpid: '1', id: '3' }, inside: [{ corpid: '1', id: '31' }] }] }
 */
export function nestExclusions(
  excluded: Iterable<DepartmentRef>,
  selected: readonly ResolveDepartment[],
): ExclusionGroups {
  const groups: ExclusionGroups = { plain: [], nested: [] }
  for (const department of excluded) {
    const inside = selected
      .filter((d) => String(d.id) !== department.id)
      .filter((d) => (d.id_path ?? []).some((id) => String(id) === department.id))
      .map((d) => ({ corpid: String(d.corpid), id: String(d.id) }))
    if (inside.length === 0) groups.plain.push(department)
    else groups.nested.push({ excluded: department, inside })
  }
  return groups
}

/**
 * The filter of removed people, from the plan's exclusions and the members of the excluded
 * departments (`removedByDepartment`). Pure.
 */
export function exclusionFilter(
  plan: Pick<ResolvePlan, 'excludedPeople' | 'listedDirectly'>,
  removedByDepartment: ReadonlySet<string>,
): ExclusionFilter {
  return (key) =>
    plan.excludedPeople.has(key) || (removedByDepartment.has(key) && !plan.listedDirectly.has(key))
}

/**
 * Fetches the members of the excluded departments (less those of the departments selected inside
 * them) and answers the filter of removed people. Excluded departments with nothing selected
 * inside go in one batch of calls, `departmentsPerCall` IDs each.
 *
 * Holds one key per member of an excluded department (and, for a nested exclusion, of the
 * departments inside it) until the resolve ends: bounded by the excluded departments' sizes, not
 * by `limits.resolveRecipients`. The answers are let go as soon as their keys are read.
 *
 * @example
 * const isRemoved = await applyExclusions(plan, value.departments, calls.getDepartmentUsers, 20)
 * isRemoved(personKey('1001', '7', Role.Student)) // true when 7 is in an excluded class
 */
export async function applyExclusions(
  plan: Pick<ResolvePlan, 'excludedPeople' | 'excludedDepartments' | 'listedDirectly'>,
  selected: readonly ResolveDepartment[],
  getDepartmentUsers: DepartmentUsersCall,
  perCall: number,
): Promise<ExclusionFilter> {
  const membersOf = async (refs: Iterable<DepartmentRef>) => {
    const groups = groupByCorp(refs, perCall)
    const answers = await Promise.all(groups.map(getDepartmentUsers))
    const members = new Set<string>()
    answers.forEach((answer, i) => {
      const { corpid } = groups[i] as DepartmentGroup
      for (const u of answer.user_infos) members.add(personKey(corpid, u.userid, u.role_id))
    })
    return members
  }
  const { plain, nested } = nestExclusions(plan.excludedDepartments.values(), selected)
  const [plainMembers, ...nestedMembers] = await Promise.all([
    membersOf(plain),
    ...nested.map(async ({ excluded, inside }) => {
      const [members, kept] = await Promise.all([membersOf([excluded]), membersOf(inside)])
      return [...members].filter((key) => !kept.has(key))
    }),
  ])
  const removed = new Set(plainMembers)
  for (const keys of nestedMembers) for (const key of keys) removed.add(key)
  return exclusionFilter(plan, removed)
}
