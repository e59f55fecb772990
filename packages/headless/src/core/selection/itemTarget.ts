/**
 * A value item (a recent pick, a saved chip) as something to tick: the node it stands for, made
 * from its labels, so that the selection rule reads it as it reads a row.
 */
import { IdType, type SelectNode } from '@epaas-picker/protocol'
import type { SelectionItem, SelectionTarget } from './selection.js'
import { entityKey } from '@epaas-picker/protocol'

/** A tick target for a value item; `item` is stored as is when it becomes decided. */
export interface ItemTarget extends SelectionTarget {
  readonly item: SelectionItem
}

/** The target of a value item. */
export function targetOfItem(item: SelectionItem): ItemTarget {
  return { node: nodeOfItem(item), entityKey: entityKey(item), item }
}

function nodeOfItem(item: SelectionItem): SelectNode {
  const department = item.type === 'department'
  const child = item.type === 'user' ? item.children?.[0] : undefined
  return {
    id: department ? item.id : item.userid,
    id_type: department ? IdType.Department : IdType.User,
    name: item.name,
    corpid: item.corpid,
    select_node_type: (department && item.select_node_type) || '',
    parent_id: '',
    path: item.path,
    id_path: item.id_path,
    role_id: department ? 0 : item.role_id,
    disabled: false,
    is_parent: department,
    child_id: child?.child_id ?? '',
    child_name: child?.child_name ?? '',
    child_relation: child?.child_relation ?? '',
    department_type: (department && item.department_type) || 0,
    grade_name: '',
    org_attribute_name: '',
    has_sub_org: department && item.has_sub_org === true,
    users_total: (department && item.users_total) || 0,
  } as SelectNode
}
