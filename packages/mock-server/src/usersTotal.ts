/**
 * `users_total`: distinct people in a department's subtree, within its organisation (a bureau's
 * count does not include its schools, as `/department/user/get` does not). Computed once per
 * (role filter, hide_creator) for the whole dataset, on first use, and cached per dataset.
 */
import type { Role } from '@epaas-picker/protocol'
import type { Dataset, MockDepartment } from './Dataset.js'
import { organizationDepth } from './scope.js'

const caches = new WeakMap<Dataset, Map<string, Map<number, number>>>()

export function usersTotal(
  data: Dataset,
  department: MockDepartment,
  roles: ReadonlySet<Role> | null,
  hideCreator: boolean,
): number {
  let cache = caches.get(data)
  if (!cache) caches.set(data, (cache = new Map()))
  const key = `${roles ? [...roles].sort().join(',') : 'all'}|${hideCreator}`
  let counts = cache.get(key)
  if (!counts) cache.set(key, (counts = count(data, roles, hideCreator)))
  return counts.get(department.id) ?? 0
}

function count(
  data: Dataset,
  roles: ReadonlySet<Role> | null,
  hideCreator: boolean,
): Map<number, number> {
  const counts = new Map<number, number>()
  // The last user counted for each department: users are visited one at a time, so this
  // de-duplicates a person listed several times in one subtree without a set per person.
  const lastCounted = new Map<number, number>()
  for (const user of data.users) {
    if (hideCreator && user.creator) continue
    for (const listing of user.listings) {
      if (roles && !roles.has(listing.role)) continue
      const department = data.departmentById.get(listing.departmentId)
      if (!department) continue
      const { idPath } = department
      for (let i = organizationDepth(data, department, user.corpid); i < idPath.length; i++) {
        const id = idPath[i] as number
        if (lastCounted.get(id) === user.userid) continue
        lastCounted.set(id, user.userid)
        counts.set(id, (counts.get(id) ?? 0) + 1)
      }
    }
  }
  return counts
}
