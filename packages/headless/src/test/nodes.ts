/**
 * Hand-made nodes for the pure selection tests (tree-shaped data the mock does not need to
 * produce). Integration tests use the mock server instead.
 */
import { IdType, type SelectNode } from '@epaas-picker/protocol'

const base: SelectNode = {
  id: '',
  id_type: IdType.Department,
  name: '',
  corpid: '890000',
  select_node_type: 1,
  parent_id: '',
  path: '',
  id_path: [],
  role_id: 0,
  disabled: false,
  is_parent: true,
  child_id: '',
  child_name: '',
  child_relation: '',
  department_type: 1,
  grade_name: '',
  org_attribute_name: '',
  has_sub_org: false,
  users_total: 0,
}

/** A department under `parent` (or at the top). */
export function department(id: string, parent?: SelectNode, extra: Partial<SelectNode> = {}) {
  const node: SelectNode = {
    ...base,
    id,
    name: `dept ${id}`,
    parent_id: parent?.id ?? '0',
    id_path: [...(parent?.id_path ?? []), id],
    path: parent ? `${parent.path}/dept ${id}`.replace(/^\//, '') : '',
    ...extra,
  }
  return node
}

/** A person listed under `parent`. */
export function person(id: string, parent: SelectNode, extra: Partial<SelectNode> = {}) {
  const node: SelectNode = {
    ...base,
    id,
    id_type: IdType.User,
    name: `person ${id}`,
    parent_id: parent.id,
    id_path: parent.id_path,
    path: parent.path,
    role_id: 11,
    is_parent: false,
    select_node_type: 10,
    ...extra,
  }
  return node
}
