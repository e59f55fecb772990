/**
 * The keys `resolve` tells people and departments apart by. A person is (corpid, userid, role): a
 * teacher who is also a parent is two recipients. A department is (corpid, id). NUL cannot occur
 * in an ID, so no two different triples share a key.
 */

/** A department as the stages pass it on: its organisation and its ID, as strings. */
export interface DepartmentRef {
  corpid: string
  id: string
}

/** The key of a person in one role. */
export const personKey = (corpid: string, userid: string, role: number): string =>
  `${corpid}\u0000${userid}\u0000${role}`

/** The key of a department. */
export const departmentKey = (corpid: string, id: string): string => `${corpid}\u0000${id}`
