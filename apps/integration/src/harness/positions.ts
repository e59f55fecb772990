/**
 * Where each person sits in a mock dataset: the departments listing them. A person whose every
 * listing department the tree has loaded is fully known to it; only then can the tree tell, from
 * what it loaded, everything `resolve` will decide about them.
 */
import type { Dataset } from '@epaas-picker/mock-server'
import type { SelectNode } from '@epaas-picker/protocol'
import { personKey } from './pickerOnMock.js'

/** Person key -> IDs of the departments listing them. */
export function listingDepartments(data: Dataset): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const department of data.departments) {
    for (const member of department.members) {
      const key = personKey(department.corpid, member.userid, member.role)
      const set = out.get(key) ?? new Set<string>()
      set.add(String(department.id))
      out.set(key, set)
    }
  }
  return out
}

/** Whether the tree read every department listing the person. */
export function fullyKnown(
  listing: ReadonlyMap<string, ReadonlySet<string>>,
  answered: ReadonlyMap<string, readonly SelectNode[]>,
  key: string,
): boolean {
  const seen = new Set((answered.get(key) ?? []).map((node) => node.parent_id))
  const all = listing.get(key)
  return all !== undefined && [...all].every((id) => seen.has(id))
}
