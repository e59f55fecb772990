/**
 * The picker's value: what a user ticked, as a rule rather than a list of people.
 *
 * It is the contract between the browser (the picker produces it, a saved value is fed back to
 * render with names) and the server (the proxy's `resolve` turns it into recipients). Every item
 * carries the labels needed to show it without another request, and the `id_path` that places it
 * in the tree.
 *
 * Meaning: recipients are every member of each department in `departments`, plus each person in
 * `users`, minus each entity in `excluded`: an excluded person is removed; an excluded department
 * removes its members, except people listed in `users` and members of a department in
 * `departments` that lies inside it (by its `id_path`).
 */
import type { NodeDepartmentType, Role } from './enums.js'

/** Identity of a department: (corpid, id). */
export interface DepartmentRef {
  type: 'department'
  corpid: string
  id: string
}

/** Identity of a person: (corpid, userid, role). The same userid may be a teacher and a parent. */
export interface UserRef {
  type: 'user'
  corpid: string
  userid: string
  role_id: Role
}

export type EntityRef = DepartmentRef | UserRef

/** Labels shared by every item of a value. */
export interface EntityLabels {
  name: string
  /** Department path as ePaaS gives it (e.g. `一年级/一年级(1)班`). */
  path: string
  /** IDs from the top of the tree down (the department itself included). */
  id_path: string[]
  /** Name of the school (organisation) the item belongs to, for district trees. */
  school?: string
}

export interface SelectedDepartment extends DepartmentRef, EntityLabels {
  department_type?: NodeDepartmentType
  /** Members under it, when the tree reported `users_total`. */
  users_total?: number
  /** The node's `select_node_type`, kept so that it can be expanded again. */
  select_node_type?: number | string
  /**
   * Whether the department has sub-organisations (下属机构: schools under a bureau, branch schools
   * under an education group), each with its own `corpid`: the tree node's `has_sub_org`. The
   * proxy's `resolve` searches a department for them only when this is `true`. The picker always
   * writes it; values saved before it existed (or built by hand) lack it, and `resolve` then
   * decides by `department_type`.
   */
  has_sub_org?: boolean
}

/** For a parent: each child the parent was seen with. */
export interface ParentOf {
  child_id: string
  child_name: string
  child_relation: string
}

export interface SelectedUser extends UserRef, EntityLabels {
  /** For parents (role 13): the children, so a chip can say "王五 · 张三、李四的家长". */
  children?: ParentOf[]
}

export type ExcludedEntity = (DepartmentRef | UserRef) & EntityLabels

/** The serialisable value of the picker. */
export interface PickerValue {
  departments: SelectedDepartment[]
  users: SelectedUser[]
  excluded: ExcludedEntity[]
}

/** An empty value. */
export const emptyPickerValue = (): PickerValue => ({ departments: [], users: [], excluded: [] })

/**
 * A stable string key for an entity: `d:<corpid>:<id>` or `u:<corpid>:<userid>:<role>`.
 * Two rows showing the same department or person have the same key.
 */
export function entityKey(entity: EntityRef): string {
  return entity.type === 'department'
    ? `d:${entity.corpid}:${entity.id}`
    : `u:${entity.corpid}:${entity.userid}:${entity.role_id}`
}
