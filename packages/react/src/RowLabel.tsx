import {
  isDepartmentNode,
  memberCountOf,
  parentOf,
  type NodeRow,
  type RowState,
  type SearchRow,
} from '@epaas-picker/headless'
import { Role } from '@epaas-picker/protocol'
import { partClass, type PickerClassNames } from './classNames.js'
import { Highlight } from './Highlight.js'
import type { PickerMessages } from './messages.js'

/** What a row's label needs besides the row. */
export interface RowDisplay {
  readonly messages: PickerMessages
  readonly classNames: PickerClassNames | undefined
  readonly showCounts: boolean
  /** The tree's role filter hides roles: head counts would count people not shown. */
  readonly rolesHidden: boolean
  /** Search results show the school and path under the name. */
  readonly search: boolean
  /** Single choice: boxes are radio buttons. */
  readonly single: boolean
}

/** Props of {@link RowLabel}. */
export interface RowLabelProps {
  row: NodeRow
  display: RowDisplay
  /** The app's reason for disabling the row, shown after the name. */
  reason?: string | undefined
  /**
   * The parts as children of the row itself, without wrappers or spaces between them (the row's
   * flex gap spaces them): a tree row then has 4 or 5 elements, which is what scrolling creates
   * and lays out each frame. Search results keep their two lines.
   */
  flat?: boolean
}

function isSearchRow(row: NodeRow): row is SearchRow {
  return 'matches' in row
}

interface RowFacts {
  role: Role | undefined
  relation: string | undefined
  count: number
  searchRow: SearchRow | undefined
  where: string
}

function rowFacts(row: NodeRow, display: RowDisplay): RowFacts {
  const { node } = row
  const { messages } = display
  const department = isDepartmentNode(node)
  const role = department ? undefined : (node.role_id as Role)
  const relation = role === Role.Parent ? messages.parentRelation(parentOf(node)) : undefined
  const count =
    (department &&
      display.showCounts &&
      memberCountOf(node, { rolesHidden: display.rolesHidden })) ||
    0
  const searchRow = display.search && isSearchRow(row) ? row : undefined
  const where = searchRow
    ? [searchRow.school, node.path].filter(Boolean).join(messages.pathSeparator)
    : ''
  return { role, relation, count, searchRow, where }
}

/**
 * What a row says of itself beyond its label, in its tooltip and at the end of its name: the
 * app's reason for disabling it, that it is locked, or why a disabled row is ticked or not.
 */
export function rowHint(state: RowState, messages: PickerMessages): string | undefined {
  if (state.disabledReason) return state.disabledReason
  if (state.locked) return messages.lockedHint
  if (state.disabled) return messages.disabledHint(state.checked === true)
  return undefined
}

/**
 * The accessible name of a row: name, role, relation, member count and, for a search result,
 * where it is, separated by commas (screen readers pause there; the visible parts have no
 * spaces between them).
 *
 * @example
 * rowAccessibleName(row, display) // '王五, 家长, 张三的爸爸'
 */
export function rowAccessibleName(row: NodeRow, display: RowDisplay, hint?: string): string {
  const { role, relation, count, where } = rowFacts(row, display)
  const { messages } = display
  return [
    row.node.name,
    role !== undefined ? messages.roles[role] : undefined,
    relation,
    count > 0 ? messages.memberCount(count) : undefined,
    where || undefined,
    hint,
  ]
    .filter(Boolean)
    .join(', ')
}

/**
 * What a teacher needs to decide on a row: the name (matched text marked in search results), a
 * role badge, for a parent the child and relation (`张三的爸爸`), a department's member count,
 * and for search results the school and path.
 */
export function RowLabel({ row, display, reason, flat = false }: RowLabelProps) {
  const { node } = row
  const { messages, classNames } = display
  const { role, relation, count, searchRow, where } = rowFacts(row, display)
  if (flat && !searchRow) {
    const roleText = role !== undefined ? messages.roles[role] : undefined
    return (
      <>
        <span className={partClass('name', classNames)}>{node.name}</span>
        {roleText ? (
          <span className={partClass('badge', classNames)} data-role={role}>
            {roleText}
          </span>
        ) : null}
        {relation ? <span className="epp-relation">{relation}</span> : null}
        {count > 0 ? <span className="epp-count">{messages.memberCount(count)}</span> : null}
        {reason ? <span className="epp-reason">{reason}</span> : null}
      </>
    )
  }
  return (
    <span className="epp-label">
      <span className="epp-line">
        <span className={partClass('name', classNames)}>
          {searchRow ? (
            <Highlight
              text={node.name}
              ranges={searchRow.matches}
              className={partClass('highlight', classNames)}
            />
          ) : (
            node.name
          )}
        </span>
        {role !== undefined && messages.roles[role] ? ' ' : null}
        {role !== undefined && messages.roles[role] ? (
          <span className={partClass('badge', classNames)} data-role={role}>
            {messages.roles[role]}
          </span>
        ) : null}
        {relation ? ' ' : null}
        {relation ? <span className="epp-relation">{relation}</span> : null}
        {count > 0 ? ' ' : null}
        {count > 0 ? <span className="epp-count">{messages.memberCount(count)}</span> : null}
        {reason ? ' ' : null}
        {reason ? <span className="epp-reason">{reason}</span> : null}
      </span>
      {where ? ' ' : null}
      {where ? <span className={partClass('meta', classNames)}>{where}</span> : null}
    </span>
  )
}
