/**
 * `/department/user/get`: every member of the listed departments' subtrees. A subtree stops at its
 * organisation's edge (the answer carries no corpid, so a school's people come only with the
 * school's corpid). A parent comes once per child, anyone else once.
 */
import { Role, type Role as RoleValue } from '@epaas-picker/protocol'
import type { Dataset, MockDepartment, MockUser } from './Dataset.js'
import type { Params } from './Params.js'
import { departmentOf, reachableOrganization } from './scope.js'

/** One user as the seed shows it: string IDs, camelCase `roleId`. */
export interface WireDepartmentUser {
  userid: string
  roleId: number
  child_id: string
  department_ids?: number[]
}

export function getDepartmentUsers(
  data: Dataset,
  tokenCorpid: number,
  params: Params,
): { user_infos: WireDepartmentUser[] } {
  const roleFilter = params.enumList('role_ids', Object.values(Role)) as
    Set<RoleValue> | null | undefined
  const hideCreator = params.bool('hide_creator') ?? false
  const needDepart = params.oneOf('need_depart', [0, 1]) === 1
  const requests = params.objectList('org_department_info_list').map((item, i) => {
    const entry = params.nested(item, `org_department_info_list[${i}]`)
    const corpid = entry.id('corpid') || tokenCorpid
    const ids = entry.idList('department_ids')
    const org = reachableOrganization(data, tokenCorpid, corpid)
    return ids.map((id) => departmentOf(data, org.corpid, id))
  })

  const seen = new Set<string>()
  const out: WireDepartmentUser[] = []
  const visit = (department: MockDepartment) => {
    for (const member of department.members) {
      if (roleFilter && !roleFilter.has(member.role)) continue
      const user = data.userById.get(member.userid) as MockUser
      if (hideCreator && user.creator) continue
      const key = `${member.userid}:${member.role}:${member.childId}`
      if (seen.has(key)) continue
      seen.add(key)
      const entry: WireDepartmentUser = {
        userid: String(member.userid),
        roleId: member.role,
        child_id: String(member.childId),
      }
      if (needDepart) {
        entry.department_ids = [
          ...new Set(
            user.listings
              .filter((l) => l.role === member.role && l.childId === member.childId)
              .map((l) => l.departmentId),
          ),
        ]
      }
      out.push(entry)
    }
    for (const childId of department.childIds) {
      const child = data.departmentById.get(childId) as MockDepartment
      if (child.corpid === department.corpid) visit(child)
    }
  }
  for (const departments of requests) for (const d of departments) visit(d)
  return { user_infos: out }
}
