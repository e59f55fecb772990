import type { PickerValue, SelectType } from '@epaas-picker/protocol'
import { levelKey } from './keys.js'
import { internRowState, type RowState } from './rowState.js'
import { isExpandableRow, isSelectableNode } from './rowRules.js'
import { statusRowOf } from './tree/createNodeRow.js'
import { memberCountOf, summarizeValue, type ValueSummary } from './labels.js'
import type { Refusal } from './refusal.js'
import type { Revealed } from './navigation/Navigation.js'
import type { SelectionMode } from './PickerStore.js'
import type { ItemRules } from './selection/ItemRules.js'
import { targetOfItem } from './selection/itemTarget.js'
import { checkedState, type SelectionItem, type SelectionState } from './selection/selection.js'
import {
  IDLE,
  type CheckedState,
  type LoadState,
  type NodeRow,
  type SearchRow,
  type StatusRow,
  type TreeRow,
} from './types.js'

/** The search part of a snapshot. */
export interface SearchSnapshot {
  /** Text in the search box. */
  readonly input: string
  /** Text of the last search sent. */
  readonly query: string
  /** Whether an IME composition is open (nothing is sent meanwhile). */
  readonly composing: boolean
  /**
   * `idle` (no search), `pending` (waiting for the debounce or the composition), `loading`,
   * `success` or `error`.
   */
  readonly status: 'idle' | 'pending' | 'loading' | 'success' | 'error'
  readonly error: unknown
  /** Results of the last search answered. */
  readonly results: readonly SearchRow[]
  /** Whether a phone number finds people (`search_type: 3`, or a mobile number by default). */
  readonly phoneSearch: boolean
}

/** Mobile drill-down: the breadcrumb and the list of the current level. */
export interface DrillSnapshot {
  /** Rows drilled into, top first; empty at the top level. */
  readonly path: readonly NodeRow[]
  /** Children of the last row of `path` (or the top level), or one status row. */
  readonly rows: readonly TreeRow[]
}

/** What the store hands a snapshot's constructor (the store's state at one moment). */
export interface SnapshotInit {
  /** `search` while the search box holds text. */
  mode: 'tree' | 'search'
  /** The flattened visible tree. */
  treeRows: readonly TreeRow[]
  /** Search results or one status row. */
  searchRows: readonly (SearchRow | StatusRow)[]
  /** Load state by row key (`''` for the top level). */
  loads: ReadonlyMap<string, LoadState>
  /** Expanded row keys. */
  expanded: ReadonlySet<string>
  /** The selection rule. */
  selection: SelectionState
  /** The value of `selection`. */
  value: PickerValue
  /** The last refused tick. */
  refusal: Refusal | null
  /** Search state. */
  search: SearchSnapshot
  /** Row key holding the tab stop in this mode, as last set. */
  focusedKey: string | null
  /** Saved scroll offset of this mode (px). */
  scrollOffset: number
  /** Row keys drilled into (mobile layout). */
  drillPath: readonly string[]
  /** Finds a loaded tree row by key. */
  findRow: (key: string) => NodeRow | undefined
  /** Loaded children by parent row key (`''` for the top level). */
  childRows: ReadonlyMap<string, readonly NodeRow[]>
  /** What may be ticked. */
  selectType: SelectType
  /** The maximum, if any. */
  maxCount: number | undefined
  /** The role filter leaves out some role (so `users_total` counts people the tree hides). */
  rolesHidden: boolean
  /** The app's disabled and locked items. */
  rules: ItemRules
  /** Single or multiple choice. */
  selectionMode: SelectionMode
  /** The last row `reveal` reached. */
  revealed: Revealed | null
}

/**
 * One immutable state of the picker. Cheap to make (fields are shared with the store, never
 * mutated); derived parts (summary, drill-down list, focused index) are computed on first read.
 */
export class PickerSnapshot {
  /** `search` while the search box holds text, else `tree`. */
  declare readonly mode: 'tree' | 'search'
  /** The rows to render in the current mode: the flattened tree, or the search results. */
  declare readonly rows: readonly TreeRow[]
  /** The flattened visible tree (expanded rows only, status rows where children are not there). */
  declare readonly treeRows: readonly TreeRow[]
  /** Search results (or one status row: loading, error, empty). */
  declare readonly searchRows: readonly (SearchRow | StatusRow)[]
  /** Row keys currently expanded (including rows not loaded yet). */
  declare readonly expandedKeys: ReadonlySet<string>
  /** The value: ticked departments and people, and exclusions, each with labels. */
  declare readonly value: PickerValue
  /** The selection rule behind `value`, for advanced use (`checkedState`). */
  declare readonly selection: SelectionState
  /** The last refused tick, until the next accepted one. */
  declare readonly refusal: Refusal | null
  declare readonly search: SearchSnapshot
  /** Scroll offset (px) remembered for this mode; restore it when the mode changes. */
  declare readonly scrollOffset: number
  /** What may be ticked (`select_type`). */
  declare readonly selectType: SelectType
  /** The maximum, if any. */
  declare readonly maxCount: number | undefined
  /**
   * The role filter (`select_role_list`) leaves out some role: a department's `users_total`
   * counts people the tree does not show, so it is not shown as the department's count.
   */
  declare readonly rolesHidden: boolean
  /** `single`: one pick, rows show only their own; `multiple`: the selection rule. */
  declare readonly selectionMode: SelectionMode
  /**
   * The last row `reveal` (or `defaultRevealed`) reached: scroll to it, and focus it when
   * `focus` is set. A new object for every reveal.
   */
  declare readonly revealed: Revealed | null

  readonly #init: SnapshotInit
  #summary: ValueSummary | undefined
  #drill: DrillSnapshot | undefined
  #focusedIndex: number | undefined

  constructor(init: SnapshotInit) {
    this.#init = init
    this.mode = init.mode
    this.treeRows = init.treeRows
    this.searchRows = init.searchRows
    this.rows = init.mode === 'tree' ? init.treeRows : init.searchRows
    this.expandedKeys = init.expanded
    this.value = init.value
    this.selection = init.selection
    this.refusal = init.refusal
    this.search = init.search
    this.scrollOffset = init.scrollOffset
    this.selectType = init.selectType
    this.maxCount = init.maxCount
    this.rolesHidden = init.rolesHidden
    this.selectionMode = init.selectionMode
    this.revealed = init.revealed
  }

  /** Counts for the selected panel (people by role, departments, exclusions). */
  get summary(): ValueSummary {
    return (this.#summary ??= summarizeValue(this.value, { rolesHidden: this.rolesHidden }))
  }

  /**
   * The head count to show beside a department, or `undefined` when the tree cannot tell it
   * honestly (see {@link ValueSummary.estimateComplete}).
   */
  memberCount(node: NodeRow['node']): number | undefined {
    return memberCountOf(node, { rolesHidden: this.rolesHidden })
  }

  /** Load state of the top level. */
  get rootStatus(): LoadState {
    return this.getLoadState(null)
  }

  /** Index in `rows` of the row holding the tab stop (0 when none is set or it is gone). */
  get focusedIndex(): number {
    if (this.#focusedIndex !== undefined) return this.#focusedIndex
    const key = this.#init.focusedKey
    let at = -1
    if (key !== null) {
      const row = this.mode === 'tree' ? this.#init.findRow(key) : undefined
      at = row ? this.rows.indexOf(row) : this.rows.findIndex((r) => r.key === key)
    }
    return (this.#focusedIndex = Math.max(0, at))
  }

  /** Key of the row holding the tab stop, or `null` when there are no rows. */
  get focusedKey(): string | null {
    return this.rows[this.focusedIndex]?.key ?? null
  }

  /** The drill-down level (mobile layout). */
  get drill(): DrillSnapshot {
    if (this.#drill) return this.#drill
    const { drillPath, findRow, childRows } = this.#init
    const path = drillPath.map((key) => findRow(key)).filter((row) => row !== undefined)
    const parentKey = path.at(-1)?.key ?? null
    const level = (path.at(-1)?.level ?? 0) + 1
    const load = this.getLoadState(parentKey)
    const kids = childRows.get(levelKey(parentKey))
    const rows: readonly TreeRow[] =
      load.status === 'success' && kids?.length ? kids : [statusRowOf(parentKey, load, level)]
    return (this.#drill = { path, rows })
  }

  /** Load state of a row's children (`null`: the top level). */
  getLoadState(key: string | null): LoadState {
    return this.#init.loads.get(levelKey(key)) ?? IDLE
  }

  /** Whether an entity is locked (`lockedItems`): its chip has no remove button. */
  isLocked(entityKey: string): boolean {
    return this.#init.rules.isLocked(entityKey)
  }

  /** Whether a row is expanded. */
  isExpanded(key: string): boolean {
    return this.#init.expanded.has(key)
  }

  /**
   * The checkbox of a row, in O(depth). Status rows are never checked. In single choice a row is
   * checked when it shows the pick itself (or a locked item).
   */
  getChecked(row: TreeRow): CheckedState {
    if (row.kind !== 'node') return false
    if (this.selectionMode === 'single')
      return this.selection.entries.get(row.entityKey)?.included === true
    return checkedState(this.selection, row)
  }

  /** The checkbox of a value item (a recent pick), as a row showing it would be. */
  getItemChecked(item: SelectionItem): CheckedState {
    const target = targetOfItem(item)
    if (this.selectionMode === 'single')
      return this.selection.entries.get(target.entityKey)?.included === true
    return checkedState(this.selection, target)
  }

  /** A row found by key among loaded tree rows or search results. */
  getRow(key: string): NodeRow | undefined {
    return this.#init.findRow(key) ?? this.#init.search.results.find((row) => row.key === key)
  }

  /**
   * Everything a view needs to draw a row. Equal states are one object (in every snapshot), so
   * a view compares them by identity: a row whose state did not change is not drawn again.
   */
  getRowState(row: TreeRow): RowState {
    const focused = this.rows[this.focusedIndex] === row
    if (row.kind === 'status') {
      return internRowState({
        checked: false,
        expandable: false,
        expanded: false,
        loading: row.status === 'loading',
        disabled: true,
        selectable: false,
        disabledReason: undefined,
        locked: false,
        focused,
      })
    }
    // Search results are a flat list: nothing expands there.
    const expandable = this.mode === 'tree' && isExpandableRow(row)
    const expanded = expandable && this.#init.expanded.has(row.key)
    const { rules } = this.#init
    const disabledReason = rules.disabledReason(row.node)
    return internRowState({
      checked: this.getChecked(row),
      expandable,
      expanded,
      loading: expanded && this.getLoadState(row.key).status === 'loading',
      disabled: row.node.disabled || disabledReason !== undefined,
      selectable: isSelectableNode(row.node, this.selectType),
      disabledReason: disabledReason || undefined,
      locked: rules.lockedFor(row.node, row.entityKey),
      focused,
    })
  }
}
