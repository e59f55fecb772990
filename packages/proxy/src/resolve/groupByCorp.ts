import type { DepartmentRef } from './personKey.js'

/** Department IDs of one organisation, expanded by one `/department/user/get` call. */
export interface DepartmentGroup {
  corpid: string
  ids: string[]
}

/**
 * Groups departments by organisation (one call carries one `corpid`), `perCall` IDs a group, in
 * the order each organisation first appears.
 *
 * @example
 * groupByCorp([{ corpid: 'a', id: '1' }, { corpid: 'b', id: '2' }, { corpid: 'a', id: '3' }], 20)
 * // [{ corpid: 'a', ids: ['1', '3'] }, { corpid: 'b', ids: ['2'] }]
 */
export function groupByCorp(
  departments: Iterable<DepartmentRef>,
  perCall: number,
): DepartmentGroup[] {
  const byCorp = new Map<string, string[]>()
  for (const d of departments) {
    const list = byCorp.get(d.corpid) ?? []
    list.push(d.id)
    byCorp.set(d.corpid, list)
  }
  const groups: DepartmentGroup[] = []
  for (const [corpid, ids] of byCorp) {
    for (let i = 0; i < ids.length; i += perCall) {
      groups.push({ corpid, ids: ids.slice(i, i + perCall) })
    }
  }
  return groups
}
