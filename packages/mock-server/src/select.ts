/**
 * `/campus/department/select`: the lazy address-book tree, search, and the filters.
 *
 * Answers carry every field of the seed's node, with the seed's types (numeric IDs, `has_sub_org`
 * as 0/1). Expanding a node requires the `select_node_type` it carried, unchanged, and the
 * `corpid` of a sub-organisation's node.
 */
import {
  DepartmentType,
  Role,
  SearchType,
  SelectTag,
  SelectType,
  type Role as RoleValue,
} from '@epaas-picker/protocol'
import type { Dataset, MockDepartment, MockMember, MockUser } from './Dataset.js'
import { invalidParameter, MockEpaasError, MockErrcode } from './MockErrcode.js'
import type { Params } from './Params.js'
import { show } from './Params.js'
import {
  departmentOf,
  organizationDepth,
  organizationScope,
  reachableOrganization,
} from './scope.js'
import { SelectNodeKind, type SelectNodeKind as SelectNodeKindValue } from './SelectNodeKind.js'
import { usersTotal } from './usersTotal.js'

/** Most results a search answers. */
export const SEARCH_LIMIT = 200

/** A node as the wire carries it (the seed's field names and types). */
export interface WireSelectNode {
  id: number
  name: string
  id_type: 1 | 2
  corpid: number
  select_node_type: number
  parent_id: number
  path: string
  id_path: number[]
  role_id: number
  disabled: boolean
  is_parent: boolean
  child_id: number
  child_name: string
  child_relation: string
  department_type: number
  grade_name: string
  org_attribute_name: string
  has_sub_org: 0 | 1
  users_total: number
}

interface Filters {
  departmentTypes: ReadonlySet<number> | null
  tags: ReadonlySet<number> | null
  roles: ReadonlySet<RoleValue> | null
  hideCreator: boolean
  needUsersTotal: boolean
  includeSubOrg: boolean
}

interface View {
  data: Dataset
  /** The organisation of the token: its root is the top of every id_path. */
  tokenCorpid: number
  filters: Filters
}

const departmentTypes = Object.values(DepartmentType)
const selectTags = Object.values(SelectTag)
const roles = Object.values(Role)

/** The kind a department shows as, seen from the token's organisation. */
export function nodeKindOf(department: MockDepartment, tokenCorpid: number): SelectNodeKindValue {
  return department.kind === SelectNodeKind.Organization && department.corpid !== tokenCorpid
    ? SelectNodeKind.SubOrganization
    : department.kind
}

/** Answers a select request for a user token of organisation `tokenCorpid`. */
export function selectDepartments(
  data: Dataset,
  tokenCorpid: number,
  params: Params,
): { node_list: WireSelectNode[] } {
  const id = params.id('id') ?? 0
  const corpid = params.id('corpid') || tokenCorpid
  params.oneOf('select_type', Object.values(SelectType))
  const searchType = params.oneOf('search_type', Object.values(SearchType)) ?? SearchType.Name
  const key = (params.string('key') ?? '').trim()
  const filters: Filters = {
    departmentTypes: params.enumList('department_type_list', departmentTypes) ?? null,
    tags: params.enumList('select_tag_list', selectTags) ?? null,
    roles:
      (params.enumList('select_role_list', roles) as Set<RoleValue> | null | undefined) ?? null,
    hideCreator: params.bool('hide_creator') ?? false,
    needUsersTotal: params.bool('need_users_total') ?? false,
    includeSubOrg: params.bool('is_include_sub_org') ?? false,
  }
  const showRoot = params.bool('is_show_root') ?? false
  params.bool('is_get_all_student')

  const org = reachableOrganization(data, tokenCorpid, corpid)
  if (corpid !== tokenCorpid && !filters.includeSubOrg) {
    throw new MockEpaasError(
      MockErrcode.NoPrivilege,
      `no privilege: corpid ${corpid} is a sub-organisation; send is_include_sub_org: true`,
    )
  }
  const view: View = { data, tokenCorpid, filters }

  if (key !== '') return { node_list: search(view, corpid, key, searchType) }

  if (id === 0) {
    const root = data.departmentById.get(org.rootId) as MockDepartment
    return { node_list: showRoot ? [departmentNode(view, root)] : children(view, root) }
  }

  const department = departmentOf(data, corpid, id)
  const sent = params.raw('select_node_type')
  if (sent === undefined) {
    throw invalidParameter(
      'select_node_type',
      `is required to expand node ${id}: send back the select_node_type the node carried`,
    )
  }
  const expected = nodeKindOf(department, tokenCorpid)
  // Echoed unchanged means the same JSON value; only a query string turns it into text.
  const echoed = sent.source === 'query' ? sent.value === String(expected) : sent.value === expected
  if (!echoed) {
    throw invalidParameter(
      'select_node_type',
      `${show(sent.value)} is not the select_node_type of node ${id}`,
    )
  }
  return { node_list: children(view, department) }
}

/** Direct children of a department: departments first, then people. */
function children(view: View, department: MockDepartment): WireSelectNode[] {
  const { data, filters } = view
  const nodes: WireSelectNode[] = []
  for (const childId of department.childIds) {
    const child = data.departmentById.get(childId) as MockDepartment
    if (child.corpid !== department.corpid) {
      if (filters.includeSubOrg) nodes.push(departmentNode(view, child))
    } else if (passesDepartmentType(child, filters)) {
      nodes.push(departmentNode(view, child))
    }
  }
  for (const member of department.members) {
    const user = data.userById.get(member.userid) as MockUser
    if (passesPersonFilters(user, member.role, filters)) {
      nodes.push(personNode(view, user, member, department))
    }
  }
  return nodes
}

/** `department_type_list` filters the groups; what lies below a group shares its type. */
function passesDepartmentType(department: MockDepartment, filters: Filters): boolean {
  if (!filters.departmentTypes || department.kind === SelectNodeKind.Organization) return true
  return filters.departmentTypes.has(department.departmentType)
}

function passesPersonFilters(user: MockUser, role: RoleValue, filters: Filters): boolean {
  if (filters.roles && !filters.roles.has(role)) return false
  return !(filters.hideCreator && user.creator)
}

/** Disabled by the data, or by `select_tag_list` (which applies to tagged, class-type departments). */
function departmentDisabled(department: MockDepartment, filters: Filters): boolean {
  if (department.disabled) return true
  return filters.tags !== null && department.tag !== 0 && !filters.tags.has(department.tag)
}

function relativeIdPath(view: View, department: MockDepartment): number[] {
  const depth = organizationDepth(view.data, department, view.tokenCorpid)
  return depth === 0 ? department.idPath.slice() : department.idPath.slice(depth)
}

function departmentNode(view: View, department: MockDepartment): WireSelectNode {
  const { data, filters, tokenCorpid } = view
  const kind = nodeKindOf(department, tokenCorpid)
  const isTokenRoot =
    department.kind === SelectNodeKind.Organization && department.corpid === tokenCorpid
  const org = data.organizationByCorpid.get(department.corpid)
  return {
    id: department.id,
    name: department.name,
    id_type: 2,
    corpid: department.corpid,
    select_node_type: kind,
    parent_id: isTokenRoot ? 0 : department.parentId,
    path: department.path,
    id_path: relativeIdPath(view, department),
    role_id: 0,
    disabled: departmentDisabled(department, filters),
    is_parent: department.childIds.length > 0 || department.members.length > 0,
    child_id: 0,
    child_name: '',
    child_relation: '',
    department_type: department.departmentType,
    grade_name: department.gradeName,
    org_attribute_name: department.orgAttributeName,
    has_sub_org:
      department.kind === SelectNodeKind.Organization && (org?.subOrgCorpids.length ?? 0) > 0
        ? 1
        : 0,
    users_total: filters.needUsersTotal
      ? usersTotal(data, department, filters.roles, filters.hideCreator)
      : 0,
  }
}

function personNode(
  view: View,
  user: MockUser,
  member: MockMember,
  department: MockDepartment,
): WireSelectNode {
  return {
    id: user.userid,
    name: user.name,
    id_type: 1,
    corpid: user.corpid,
    select_node_type: SelectNodeKind.Person,
    parent_id: department.id,
    path: department.path,
    id_path: relativeIdPath(view, department),
    role_id: member.role,
    disabled: user.disabled || departmentDisabled(department, view.filters),
    is_parent: false,
    child_id: member.childId,
    child_name: member.childName,
    child_relation: member.childRelation,
    department_type: department.departmentType,
    grade_name: '',
    org_attribute_name: '',
    has_sub_org: 0,
    users_total: 0,
  }
}

/**
 * Search: a flat list of matching departments, then people, across the organisation (and its
 * sub-organisations with `is_include_sub_org`). A person appears once per role (a parent once per
 * child), under the first department that lists them and passes the filters.
 */
function search(view: View, corpid: number, key: string, searchType: number): WireSelectNode[] {
  const { data, filters } = view
  const scope = filters.includeSubOrg ? organizationScope(data, corpid) : new Set([corpid])
  const results: WireSelectNode[] = []

  for (const department of data.departments) {
    if (results.length >= SEARCH_LIMIT) return results
    if (!scope.has(department.corpid) || !passesDepartmentType(department, filters)) continue
    if (department.name.includes(key)) results.push(departmentNode(view, department))
  }

  const emit = (user: MockUser) => {
    if (filters.hideCreator && user.creator) return
    const seen = new Set<string>()
    for (const listing of user.listings) {
      if (results.length >= SEARCH_LIMIT) return
      if (filters.roles && !filters.roles.has(listing.role)) continue
      const rowKey = `${listing.role}:${listing.childId}`
      if (seen.has(rowKey)) continue
      const department = data.departmentById.get(listing.departmentId) as MockDepartment
      if (!passesDepartmentType(department, filters)) continue
      const member = department.members.find(
        (m) => m.userid === user.userid && m.role === listing.role && m.childId === listing.childId,
      ) as MockMember
      seen.add(rowKey)
      results.push(personNode(view, user, member, department))
    }
  }

  const byPhone = searchType === SearchType.PhoneOrName ? data.userByPhone.get(key) : undefined
  if (byPhone && scope.has(byPhone.corpid)) emit(byPhone)
  for (const user of data.users) {
    if (results.length >= SEARCH_LIMIT) break
    if (user !== byPhone && scope.has(user.corpid) && user.name.includes(key)) emit(user)
  }
  return results
}
