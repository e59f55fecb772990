/**
 * Selection as a rule: which entities are included, which are excluded, and what that means for
 * every row's checkbox, without walking the tree.
 *
 * A decided department decides everything below it until a deeper decision says otherwise. A
 * person's row shows the person's own decision if there is one, else the nearest decided
 * department on the row's `id_path`. Tri-state comes from two counters per department ID (how
 * many included and how many excluded entities have that ID on one of their paths), so the state
 * of any row costs O(depth), however many of its descendants are loaded, and a toggle costs
 * O(size of the selection x depth).
 *
 * States are immutable: every change returns a new {@link SelectionState}.
 */
import {
  emptyPickerValue,
  entityKey,
  type PickerValue,
  type SelectedDepartment,
  type SelectedUser,
  type SelectNode,
} from '@epaas-picker/protocol'
import { isDepartmentNode } from '../keys.js'
import type { CheckedState } from '../types.js'

/** A ticked or excluded entity with its labels, as it appears in the value. */
export type SelectionItem = SelectedDepartment | SelectedUser

/** One decided entity. */
export interface SelectionEntry {
  readonly item: SelectionItem
  /** `true`: included (ticked); `false`: excluded (unticked inside a ticked department). */
  readonly included: boolean
  /**
   * Bare department IDs above the entity on every path it is known under (a department's own ID
   * left out). A teacher seen under two classes has both classes' paths here.
   */
  readonly ancestors: readonly string[]
}

/** An immutable selection rule plus the indexes that answer checked states in O(depth). */
export interface SelectionState {
  /** Decided entities by entity key, in the order they were decided. */
  readonly entries: ReadonlyMap<string, SelectionEntry>
  /** Decided departments by bare ID: `true` included, `false` excluded. */
  readonly departmentDecisions: ReadonlyMap<string, boolean>
  /** Per bare department ID: how many included entities lie below it. */
  readonly includedBelow: ReadonlyMap<string, number>
  /** Per bare department ID: how many excluded entities lie below it. */
  readonly excludedBelow: ReadonlyMap<string, number>
  /**
   * Estimated number of people selected: included people count 1, included departments their
   * `users_total` (1 when unknown or zero), exclusions subtract the same. Used for the maximum.
   */
  readonly count: number
  /** Nearest decision above, by the deepest department ID of a path prefix (a pure cache). */
  readonly nearestCache: Map<string, boolean | null>
}

/** What a checked state is computed from: a node and its entity key (a {@link NodeRow} fits). */
export interface SelectionTarget {
  readonly node: SelectNode
  readonly entityKey: string
}

/** An empty selection. */
export function emptySelection(): SelectionState {
  return freeze(newDraft())
}

/**
 * The checkbox of a row under a selection, in O(depth).
 *
 * @example
 * const state = checkedState(selection, row) // true | false | 'indeterminate'
 */
export function checkedState(state: SelectionState, target: SelectionTarget): CheckedState {
  if (state.entries.size === 0) return false
  const { node } = target
  const own = state.entries.get(target.entityKey)
  if (isDepartmentNode(node)) {
    const path = node.id_path
    const base = own ? own.included : (nearestDecision(state, path, ownEnd(node)) ?? false)
    const opposite = base ? state.excludedBelow.get(node.id) : state.includedBelow.get(node.id)
    return opposite ? 'indeterminate' : base
  }
  if (own) return own.included
  return nearestDecision(state, node.id_path, node.id_path.length) ?? false
}

/**
 * The nearest decision on `path[0..end)`, from the deepest entry up: `true` included, `false`
 * excluded, `null` none. Memoised by the deepest ID, which fixes every entry above it.
 */
export function nearestDecision(
  state: SelectionState,
  path: readonly string[],
  end: number,
): boolean | null {
  if (end <= 0 || state.departmentDecisions.size === 0) return null
  const id = path[end - 1] as string
  const cached = state.nearestCache.get(id)
  if (cached !== undefined) return cached
  const own = state.departmentDecisions.get(id)
  const result = own !== undefined ? own : nearestDecision(state, path, end - 1)
  state.nearestCache.set(id, result)
  return result
}

/** What a tick or untick needs beyond the target: the entity's labels and every known path. */
export interface ToggleContext {
  /** The value item to store if the entity becomes decided. */
  readonly item: SelectionItem
  /**
   * For people: every `id_path` the person is known under (the target's included). A tick makes
   * every row of the person ticked, an untick every row unticked. Ignored for departments.
   */
  readonly paths?: readonly (readonly string[])[]
}

/**
 * Ticks (`checked: true`) or unticks an entity, returning the new state.
 *
 * - A department: decisions below it are dropped (it becomes wholly ticked or unticked), then it
 *   is included, or excluded when a ticked department above still covers it.
 * - A person: included unless ticked departments already cover every row of the person;
 *   unticking excludes the person when a ticked department covers one of its rows.
 */
export function setChecked(
  state: SelectionState,
  target: SelectionTarget,
  checked: boolean,
  context: ToggleContext,
): SelectionState {
  // What the rows inherit comes from departments above the target, which this change keeps.
  const inheritedOn = (path: readonly string[], end: number) =>
    nearestDecision(state, path, end) === true
  const draft = draftOf(state)
  const { node } = target
  const key = target.entityKey
  if (isDepartmentNode(node)) {
    removeBelow(draft, node.id)
    remove(draft, key)
    const inherited = inheritedOn(node.id_path, ownEnd(node))
    if (checked !== inherited) {
      add(draft, key, {
        item: context.item,
        included: checked,
        ancestors: departmentAncestors(node.id, node.id_path),
      })
    }
    return freeze(draft)
  }
  const paths = context.paths && context.paths.length > 0 ? context.paths : [node.id_path]
  remove(draft, key)
  const covered = paths.map((path) => inheritedOn(path, path.length))
  const needed = checked ? !covered.every(Boolean) : covered.some(Boolean)
  if (needed) add(draft, key, { item: context.item, included: checked, ancestors: union(paths) })
  return freeze(draft)
}

/** Drops an entity's decision (a chip's remove button). Its rows fall back to their ancestors. */
export function removeDecision(state: SelectionState, key: string): SelectionState {
  if (!state.entries.has(key)) return state
  const draft = draftOf(state)
  remove(draft, key)
  return freeze(draft)
}

/**
 * Records that a decided person was seen under another path (a teacher's second class loaded
 * after the teacher was ticked). Returns the same state when nothing changes, so callers can
 * compare by identity.
 */
export function addKnownPath(
  state: SelectionState,
  key: string,
  path: readonly string[],
): SelectionState {
  const entry = state.entries.get(key)
  // A department has one place in the tree; only people gather paths.
  if (!entry || entry.item.type === 'department') return state
  const fresh = path.filter((id) => !entry.ancestors.includes(id))
  if (fresh.length === 0) return state
  const draft = draftOf(state)
  const counters = entry.included ? draft.includedBelow : draft.excludedBelow
  for (const id of fresh) bump(counters, id, 1)
  // `set` on an existing key keeps the entry's place, so the value's order does not change.
  draft.entries.set(key, { ...entry, ancestors: [...entry.ancestors, ...fresh] })
  return freeze(draft)
}

/**
 * Builds a state from a saved or controlled value. `knownPaths` may add paths the tree has seen
 * for a person beyond the one stored in the value.
 */
export function selectionFromValue(
  value: PickerValue,
  knownPaths?: (key: string) => readonly (readonly string[])[] | undefined,
): SelectionState {
  const draft = newDraft()
  const put = (item: SelectionItem, included: boolean) => {
    const key = entityKey(item)
    remove(draft, key)
    const ancestors =
      item.type === 'department'
        ? departmentAncestors(item.id, item.id_path)
        : union([item.id_path, ...(knownPaths?.(key) ?? [])])
    add(draft, key, { item, included, ancestors })
  }
  for (const item of value.departments) put(item, true)
  for (const item of value.users) put(item, true)
  for (const item of value.excluded) put(item as SelectionItem, false)
  return freeze(draft)
}

/** The serialisable value of a state: included departments, included people, exclusions. */
export function selectionToValue(state: SelectionState): PickerValue {
  const value = emptyPickerValue()
  for (const { item, included } of state.entries.values()) {
    if (!included) value.excluded.push(item)
    else if (item.type === 'department') value.departments.push(item)
    else value.users.push(item)
  }
  return value
}

/** People a decided item stands for in {@link SelectionState.count}. */
export function itemWeight(item: SelectionItem): number {
  if (item.type === 'user') return 1
  return item.users_total && item.users_total > 0 ? item.users_total : 1
}

// ---------------------------------------------------------------------------------------------
// Drafts: mutable copies used while building the next state.

interface Draft {
  entries: Map<string, SelectionEntry>
  departmentDecisions: Map<string, boolean>
  includedBelow: Map<string, number>
  excludedBelow: Map<string, number>
}

function newDraft(): Draft {
  return {
    entries: new Map(),
    departmentDecisions: new Map(),
    includedBelow: new Map(),
    excludedBelow: new Map(),
  }
}

function draftOf(state: SelectionState): Draft {
  return {
    entries: new Map(state.entries),
    departmentDecisions: new Map(state.departmentDecisions),
    includedBelow: new Map(state.includedBelow),
    excludedBelow: new Map(state.excludedBelow),
  }
}

function freeze(draft: Draft): SelectionState {
  let count = 0
  for (const { item, included } of draft.entries.values()) {
    count += included ? itemWeight(item) : -itemWeight(item)
  }
  return { ...draft, count: Math.max(0, count), nearestCache: new Map() }
}

function bump(counters: Map<string, number>, id: string, delta: number) {
  const next = (counters.get(id) ?? 0) + delta
  if (next === 0) counters.delete(id)
  else counters.set(id, next)
}

function add(draft: Draft, key: string, entry: SelectionEntry) {
  draft.entries.set(key, entry)
  if (entry.item.type === 'department') draft.departmentDecisions.set(entry.item.id, entry.included)
  const counters = entry.included ? draft.includedBelow : draft.excludedBelow
  for (const id of entry.ancestors) bump(counters, id, 1)
}

function remove(draft: Draft, key: string) {
  const entry = draft.entries.get(key)
  if (!entry) return
  draft.entries.delete(key)
  if (entry.item.type === 'department') draft.departmentDecisions.delete(entry.item.id)
  const counters = entry.included ? draft.includedBelow : draft.excludedBelow
  for (const id of entry.ancestors) bump(counters, id, -1)
}

function removeBelow(draft: Draft, departmentId: string) {
  if (!draft.includedBelow.has(departmentId) && !draft.excludedBelow.has(departmentId)) return
  for (const [key, entry] of draft.entries) {
    if (entry.ancestors.includes(departmentId)) remove(draft, key)
  }
}

/** Length of a department's path without its own ID (upstream includes it; be lenient). */
function ownEnd(node: SelectNode): number {
  const path = node.id_path
  return path[path.length - 1] === node.id ? path.length - 1 : path.length
}

function departmentAncestors(id: string, path: readonly string[]): readonly string[] {
  return path.filter((entry) => entry !== id)
}

function union(paths: readonly (readonly string[])[]): readonly string[] {
  if (paths.length === 1) return paths[0] as readonly string[]
  return [...new Set(paths.flat())]
}
