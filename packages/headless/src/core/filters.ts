/**
 * The request filters of `/campus/department/select` that the picker repeats on every call, and
 * the request bodies built from them.
 */
import type {
  DepartmentType,
  Role,
  SearchType,
  SelectDepartmentsRequest,
  SelectNode,
  SelectTag,
  SelectType,
} from '@epaas-picker/protocol'

/**
 * Filters of the first request, repeated unchanged on every expansion and search (the seed's
 * field names). All optional; absent fields are not sent.
 */
export interface PickerFilters {
  /** Which kinds of organisation structure to show (1 students, 2 staff, 7 virtual groups...). */
  department_type_list?: DepartmentType[]
  /** What may be ticked: 0 departments and people (default), 1 people only, 2 departments only. */
  select_type?: SelectType
  /** Which roles to list under classes (11 students, 12 teachers, 13 parents). */
  select_role_list?: Role[]
  /** Which class tags may be ticked; the server disables the others. */
  select_tag_list?: SelectTag[]
  /** Show sub-organisations (the schools of a district). */
  is_include_sub_org?: boolean
  /** Show the organisation's root node. */
  is_show_root?: boolean
  /** Teachers only, with the app permission: list every student. */
  is_get_all_student?: boolean
  /** Hide the creator of the organisation. */
  hide_creator?: boolean
  /** Ask for `users_total` on departments (used by the maximum and shown as counts). */
  need_users_total?: boolean
  /** A sub-organisation to start from instead of the token's organisation. */
  corpid?: string
}

const filterNames = [
  'department_type_list',
  'select_type',
  'select_role_list',
  'select_tag_list',
  'is_include_sub_org',
  'is_show_root',
  'is_get_all_student',
  'hide_creator',
  'need_users_total',
  'corpid',
] as const satisfies readonly (keyof PickerFilters)[]

/** Picks the filter fields out of a larger options object, dropping absent ones. */
export function pickFilters(options: PickerFilters): PickerFilters {
  const filters: Record<string, unknown> = {}
  for (const name of filterNames) {
    if (options[name] !== undefined) filters[name] = options[name]
  }
  return filters as PickerFilters
}

/** Whether two filter sets ask for the same thing (order of lists matters, as on the wire). */
export function sameFilters(a: PickerFilters, b: PickerFilters): boolean {
  return JSON.stringify(pickFilters(a)) === JSON.stringify(pickFilters(b))
}

/** The filters without `corpid`, which only the first request and searches take from options. */
function withoutCorpid(filters: PickerFilters): Omit<PickerFilters, 'corpid'> {
  const { corpid: _corpid, ...rest } = filters
  return rest
}

/**
 * The request loading `node`'s children (or the top level when `node` is `null`): the node's
 * `id`, `select_node_type` and `corpid` echoed, every filter repeated. The first request sends
 * `id: 0` and no `select_node_type`.
 */
export function childrenRequest(
  filters: PickerFilters,
  node: SelectNode | null,
): SelectDepartmentsRequest {
  if (node === null) return { ...withoutCorpid(filters), id: '0', ...corpidOf(filters.corpid) }
  return {
    ...withoutCorpid(filters),
    id: node.id,
    select_node_type: node.select_node_type,
    ...corpidOf(node.corpid),
  }
}

/** The search request: `key` and `search_type` with every filter, from the top (`id: 0`). */
export function searchRequest(
  filters: PickerFilters,
  key: string,
  searchType: SearchType,
): SelectDepartmentsRequest {
  return {
    ...withoutCorpid(filters),
    id: '0',
    key,
    search_type: searchType,
    ...corpidOf(filters.corpid),
  }
}

function corpidOf(corpid: string | undefined): { corpid?: string } {
  return corpid ? { corpid } : {}
}
