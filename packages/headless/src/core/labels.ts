/**
 * Labels: value items built from nodes (so a saved value renders with names), chip texts for
 * parents ("张三的爸爸"), counts for the selected panel, and match ranges for search highlights.
 */
import {
  entityKey,
  Role,
  type ParentOf,
  type PickerValue,
  type SelectedDepartment,
  type SelectedUser,
  type SelectNode,
} from '@epaas-picker/protocol'
import { isDepartmentNode } from './keys.js'
import type { SelectionItem } from './selection/selection.js'

/** What a value item needs besides the node: context the tree learned elsewhere. */
export interface ItemContext {
  /** Name of the node's school (organisation), for district trees. */
  school?: string
  /** For a parent: every child the parent was seen with so far. */
  children?: readonly ParentOf[]
}

/** The value item (with its labels) for a node. */
export function itemFromNode(node: SelectNode, context: ItemContext = {}): SelectionItem {
  const labels = {
    corpid: node.corpid,
    name: node.name,
    path: node.path,
    id_path: node.id_path,
    ...(context.school ? { school: context.school } : {}),
  }
  if (isDepartmentNode(node)) {
    const department: SelectedDepartment = {
      type: 'department',
      id: node.id,
      ...labels,
      department_type: node.department_type,
      select_node_type: node.select_node_type,
      // Tells the proxy's resolve whether to search the department for sub-organisations.
      has_sub_org: node.has_sub_org,
      ...(node.users_total > 0 ? { users_total: node.users_total } : {}),
    }
    return department
  }
  const user: SelectedUser = {
    type: 'user',
    userid: node.id,
    role_id: node.role_id as Role,
    ...labels,
  }
  const children = context.children ?? parentOf(node)
  if (children.length > 0) user.children = [...children]
  return user
}

/** The child a parent node is listed for, if it is a parent's node. */
export function parentOf(node: SelectNode): ParentOf[] {
  return node.role_id === Role.Parent && node.child_id
    ? [
        {
          child_id: node.child_id,
          child_name: node.child_name,
          child_relation: node.child_relation,
        },
      ]
    : []
}

/** A language with built-in texts. */
export type PickerLocale = 'zh-CN' | 'en-US'

/**
 * The line under a parent's name: `张三的爸爸` for one child, `张三、李四的家长` for several.
 * In en-US: `张三's 爸爸` and `Parent of 张三, 李四` (relations come from the server in Chinese).
 * `undefined` for anyone who is not a parent with a known child.
 *
 * @example
 * parentRelationLabel(user.children ?? []) // '张三的爸爸'
 */
export function parentRelationLabel(
  children: readonly ParentOf[],
  locale: PickerLocale = 'zh-CN',
): string | undefined {
  const [first] = children
  if (!first) return undefined
  const names = [...new Set(children.map((child) => child.child_name))]
  if (names.length === 1) {
    const relation = first.child_relation || (locale === 'zh-CN' ? '家长' : 'parent')
    return locale === 'zh-CN'
      ? `${first.child_name}的${relation}`
      : `${first.child_name}'s ${relation}`
  }
  return locale === 'zh-CN' ? `${names.join('、')}的家长` : `Parent of ${names.join(', ')}`
}

/**
 * The text of a chip: the name, plus for a parent who they are a parent of
 * (`王五 · 张三、李四的家长`). The relation is worded in `locale`, or by a function of the
 * parent's children (a view's own, overridable texts).
 *
 * @example
 * chipLabel(item) // '王五 · 张三、李四的家长'
 * chipLabel(item, messages.parentRelation)
 */
export function chipLabel(
  item: SelectionItem,
  locale: PickerLocale | ((children: readonly ParentOf[]) => string | undefined) = 'zh-CN',
): string {
  if (item.type !== 'user') return item.name
  const children = item.children ?? []
  const relation =
    typeof locale === 'function' ? locale(children) : parentRelationLabel(children, locale)
  return relation ? `${item.name} · ${relation}` : item.name
}

/** Counts for the selected panel. */
export interface ValueSummary {
  /** Ticked departments. */
  departments: number
  /** Ticked people, all roles. */
  users: number
  /** Ticked people by role (11 students, 12 teachers, 13 parents). */
  usersByRole: Record<Role, number>
  /** Exclusions. */
  excluded: number
  /**
   * Estimated people: ticked people, plus each ticked department's `users_total`, minus
   * exclusions; only a sum of what is known (see `estimateComplete`). The exact count comes from
   * the proxy's `resolve` (`useRecipientCount`).
   */
  estimatedPeople: number
  /**
   * Whether every decided department's head count is known, so that `estimatedPeople` is an
   * honest estimate. Not when a department has no `users_total` (ask `need_users_total`), when it
   * has sub-organisations (its `users_total` counts its own staff, not its schools'), or when
   * the tree's role filter hides roles that `users_total` counts.
   */
  estimateComplete: boolean
}

/** What {@link summarizeValue} needs to know of the tree. */
export interface SummaryOptions {
  /** The tree's `select_role_list` leaves out some role: `users_total` counts people not shown. */
  rolesHidden?: boolean
}

/**
 * Counts of a value, for the selected panel ("12 students, 3 teachers").
 *
 * @example
 * summarizeValue(value, { rolesHidden: true }).estimateComplete // false once a department is in it
 */
export function summarizeValue(value: PickerValue, options: SummaryOptions = {}): ValueSummary {
  const usersByRole: Record<Role, number> = { 11: 0, 12: 0, 13: 0 }
  for (const user of value.users) usersByRole[user.role_id] = (usersByRole[user.role_id] ?? 0) + 1
  let people = 0
  let complete = true
  const weigh = (item: SelectionItem) => {
    const count = headCount(item, options)
    if (count === undefined) complete = false
    return count ?? 0
  }
  for (const item of [...value.departments, ...value.users]) people += weigh(item)
  for (const item of value.excluded) people -= weigh(item as SelectionItem)
  return {
    departments: value.departments.length,
    users: value.users.length,
    usersByRole,
    excluded: value.excluded.length,
    estimatedPeople: Math.max(0, people),
    estimateComplete: complete,
  }
}

/**
 * How many people an item stands for, when the tree can tell: 1 for a person; a department's
 * `users_total` unless it is missing, counts only a bureau's own staff (`has_sub_org`), or counts
 * roles the tree hides. `undefined` when unknown.
 */
export function headCount(item: SelectionItem, options: SummaryOptions = {}): number | undefined {
  if (item.type === 'user') return 1
  return memberCountOf(item, options)
}

/**
 * A department's head count as the tree may show it: its `users_total`, unless missing, counting
 * only a bureau's own staff (`has_sub_org`), or counting roles the tree hides. Works on a node
 * or a value's department.
 *
 * @example
 * memberCountOf(node, { rolesHidden: snapshot.rolesHidden }) // 42, or undefined
 */
export function memberCountOf(
  department: { users_total?: number | undefined; has_sub_org?: boolean | undefined },
  options: SummaryOptions = {},
): number | undefined {
  if (options.rolesHidden || department.has_sub_org) return undefined
  const total = department.users_total
  return total && total > 0 ? total : undefined
}

/**
 * Where `query` occurs in `text`, as `[start, end)` ranges, case-insensitive, non-overlapping.
 * Empty for an empty query or no match (a phone search matches no part of the name).
 *
 * @example
 * matchRanges('张三丰', '三') // [[1, 2]]
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const needle = query.trim().toLowerCase()
  if (!needle) return []
  const haystack = text.toLowerCase()
  const ranges: [number, number][] = []
  let from = 0
  for (;;) {
    const at = haystack.indexOf(needle, from)
    if (at < 0) return ranges
    ranges.push([at, at + needle.length])
    from = at + needle.length
  }
}

/**
 * What tells apart decided items that would read the same on their chips (two students named
 * 张三 in 一班 and 二班): by entity key, the shortest of the class, the path, or the school and
 * path that differs within each group of same-looking items. Items that read differently get
 * nothing.
 *
 * @example
 * chipDetails([zhangSanOf1, zhangSanOf2]) // Map { 'u:…:1' => '一班', 'u:…:2' => '二班' }
 */
export function chipDetails(items: readonly SelectionItem[]): Map<string, string> {
  const groups = new Map<string, SelectionItem[]>()
  for (const item of items) {
    const look = `${item.type === 'user' ? item.role_id : 'd'}|${chipLabel(item)}`
    groups.set(look, [...(groups.get(look) ?? []), item])
  }
  const details = new Map<string, string>()
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const ways = [lastPart, placeOf, (item: SelectionItem) => whereOf(item)]
    const way = ways.find((of) => new Set(group.map(of)).size === group.length) ?? whereOf
    for (const item of group) details.set(entityKey(item), way(item))
  }
  return details
}

/** Where an item sits, in full: its school and path (a department's path above it). */
export function whereOf(item: SelectionItem): string {
  return [item.school, placeOf(item)].filter(Boolean).join(' · ')
}

/** The path of a person's department, or of a department's parent. */
function placeOf(item: SelectionItem): string {
  if (item.type === 'user') return item.path
  const parts = item.path.split('/')
  return parts.slice(0, -1).join('/')
}

function lastPart(item: SelectionItem): string {
  return placeOf(item).split('/').at(-1) ?? ''
}
