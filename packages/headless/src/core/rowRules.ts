/**
 * What may be done with a row: expand it, tick it. One place for the rules, read by the store
 * (to act and to refuse) and by the snapshot (to draw).
 */
import { SelectType, type SelectNode } from '@epaas-picker/protocol'
import { isDepartmentNode } from './keys.js'
import type { NodeRow } from './types.js'

/** Whether a node opens: a department the server says has children. */
export function isExpandableNode(node: SelectNode): boolean {
  return node.is_parent && isDepartmentNode(node)
}

/** Whether a tree row opens (search results are a flat list and never do). */
export function isExpandableRow(row: NodeRow): boolean {
  return isExpandableNode(row.node)
}

/**
 * Whether a node has a checkbox at all: with `select_type: 2` (departments only) people have
 * none. A disabled node has one, which refuses ticks.
 */
export function isSelectableNode(node: SelectNode, selectType: SelectType | undefined): boolean {
  return !(selectType === SelectType.DepartmentsOnly && !isDepartmentNode(node))
}
