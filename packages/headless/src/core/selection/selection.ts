/**
 * Selection as a rule: which entities are included, which are excluded, and what that means for
 * every row's checkbox, without walking the tree.
 *
 * What a row shows is who will receive, by the rule of the proxy's `resolve` (see
 * `recipientRule`): a person's rows all show the person's state; a department's row is ticked
 * when everyone loaded below it receives, unticked when nobody does, mixed otherwise. Tri-state
 * comes from counters per department ID (how many included and how many excluded entities, and
 * how many people known under several paths who do or do not receive, lie below it), so the
 * state of any row costs O(depth x paths), however many of its descendants are loaded.
 *
 * States are immutable: every change returns a new {@link SelectionState}.
 */
import { type SelectedDepartment, type SelectedUser, type SelectNode } from '@epaas-picker/protocol'
import { isDepartmentNode } from '../keys.js'
import type { CheckedState } from '../types.js'
import { emptyCrossPath, union, type CrossPath, type KnownPeople } from './crossPath.js'
import { add, bump, draftOf, freeze, newDraft, remove, type Draft } from './draft.js'
import { receivesThroughPaths } from './recipientRule.js'

export { itemWeight } from './weights.js'
export { refreshCrossPath, type CrossPath, type KnownPeople } from './crossPath.js'

/** A ticked or excluded entity with its labels, as it appears in the value. */
export type SelectionItem = SelectedDepartment | SelectedUser

/** One decided entity. */
export interface SelectionEntry {
  readonly item: SelectionItem
  /** `true`: included (ticked); `false`: excluded (unticked inside a ticked department). */
  readonly included: boolean
  /**
   * Every path the entity is known under, bare department IDs top first (a department's own ID
   * left out). A teacher seen under two classes has both classes' paths.
   */
  readonly paths: readonly (readonly string[])[]
  /** Every ID of `paths`, once: the departments whose counters this entry is in. */
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
  /** People known under several paths without a decision of their own (see `refreshCrossPath`). */
  readonly crossPath: CrossPath
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
  if (!isDepartmentNode(node)) {
    if (own) return own.included
    const several = state.crossPath.people.get(target.entityKey)
    if (several) return several.receives
    return nearestDecision(state, node.id_path, node.id_path.length) ?? false
  }
  const base = own ? own.included : (nearestDecision(state, node.id_path, ownEnd(node)) ?? false)
  const { crossPath } = state
  const opposite = base
    ? (state.excludedBelow.get(node.id) ?? 0) + (crossPath.notReceivingBelow.get(node.id) ?? 0)
    : (state.includedBelow.get(node.id) ?? 0) + (crossPath.receivingBelow.get(node.id) ?? 0)
  return opposite > 0 ? 'indeterminate' : base
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

/** What a tick or untick needs beyond the target: the entity's labels and what is known. */
export interface ToggleContext {
  /** The value item to store if the entity becomes decided. */
  readonly item: SelectionItem
  /**
   * For people: every `id_path` the person is known under (the target's included). Ignored for
   * departments.
   */
  readonly paths?: readonly (readonly string[])[]
  /**
   * What the tree knows of people, for a department: which decided people it covers wholly, and
   * which people known under several paths a tick of it must reach.
   */
  readonly people?: KnownPeople
  /** The value item (with labels) of a person known to the tree, for a tick that lists them. */
  readonly personItem?: (entityKey: string) => SelectedUser | undefined
}

/**
 * Ticks (`checked: true`) or unticks an entity, returning the new state; it then shows `checked`.
 *
 * - A person: their own decision is dropped, and recorded again when the departments on their
 *   paths do not already give them `checked`.
 * - A department: see {@link setDepartment}.
 */
export function setChecked(
  state: SelectionState,
  target: SelectionTarget,
  checked: boolean,
  context: ToggleContext,
): SelectionState {
  const draft = draftOf(state)
  const key = target.entityKey
  const { node } = target
  if (isDepartmentNode(node)) {
    setDepartment(draft, state, node, key, checked, context)
    return freeze(draft, state)
  }
  const paths = context.paths && context.paths.length > 0 ? context.paths : [node.id_path]
  remove(draft, key)
  if (receivesThroughPaths(draft.departmentDecisions, paths) !== checked) {
    add(draft, key, entryOf(context.item, checked, paths))
  }
  return freeze(draft, state)
}

/**
 * Ticks or unticks a department. Decisions it covers wholly are dropped: departments below it,
 * and people all of whose known paths pass through it; a person picked on their own who is also
 * known elsewhere keeps their pick. Then the department is decided unless the departments above
 * already give it `checked`. A tick makes everyone known below it receive: exclusions of people
 * with a path through it go, and people known under several paths whom an exclusion elsewhere
 * still removes are listed on their own.
 */
function setDepartment(
  draft: Draft,
  state: SelectionState,
  node: SelectNode,
  key: string,
  checked: boolean,
  context: ToggleContext,
) {
  const pathsOf = (entryKey: string, entry: SelectionEntry) => {
    const known = context.people?.pathsOf(entryKey) ?? []
    return known.length > entry.paths.length ? known : entry.paths
  }
  if (state.includedBelow.has(node.id) || state.excludedBelow.has(node.id)) {
    for (const [entryKey, entry] of draft.entries) {
      if (!entry.ancestors.includes(node.id)) continue
      const wholly = pathsOf(entryKey, entry).every((path) => path.includes(node.id))
      if (wholly || entry.item.type === 'department' || (checked && !entry.included)) {
        remove(draft, entryKey)
      }
    }
  }
  remove(draft, key)
  const inherited = nearestDecision(state, node.id_path, ownEnd(node)) === true
  if (checked !== inherited) add(draft, key, entryOf(context.item, checked, [node.id_path]))
  if (!checked || !context.people) return
  for (const person of context.people.severalPathsUnder(node.id) ?? []) {
    if (draft.entries.has(person)) continue
    const paths = context.people.pathsOf(person)
    if (receivesThroughPaths(draft.departmentDecisions, paths)) continue
    const item = context.personItem?.(person)
    if (item) add(draft, person, entryOf(item, true, paths))
  }
}

/** Drops an entity's decision (a chip's remove button). Its rows fall back to their departments. */
export function removeDecision(state: SelectionState, key: string): SelectionState {
  if (!state.entries.has(key)) return state
  const draft = draftOf(state)
  remove(draft, key)
  return freeze(draft, state)
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
  if (entry.paths.some((known) => samePath(known, path))) return state
  const draft = draftOf(state)
  const fresh = path.filter((id) => !entry.ancestors.includes(id))
  const counters = entry.included ? draft.includedBelow : draft.excludedBelow
  for (const id of fresh) bump(counters, id, 1)
  // `set` on an existing key keeps the entry's place, so the value's order does not change.
  const paths = [...entry.paths, path]
  draft.entries.set(key, { ...entry, paths, ancestors: [...entry.ancestors, ...fresh] })
  return freeze(draft, state)
}

/** A decided entity with its paths and the IDs on them. */
export function entryOf(
  item: SelectionItem,
  included: boolean,
  paths: readonly (readonly string[])[],
): SelectionEntry {
  const own = item.type === 'department' ? paths.map((p) => departmentPath(item.id, p)) : paths
  return { item, included, paths: own, ancestors: union(own) }
}

/** A department's path without its own ID (upstream includes it; be lenient). */
export function departmentPath(id: string, path: readonly string[]): readonly string[] {
  return path.at(-1) === id ? path.slice(0, -1) : path
}

/** Length of a department's path without its own ID. */
function ownEnd(node: SelectNode): number {
  const path = node.id_path
  return path[path.length - 1] === node.id ? path.length - 1 : path.length
}

/** `paths` with `path` first unless it is among them. */
export function withPath(paths: readonly (readonly string[])[], path: readonly string[]) {
  return paths.some((known) => samePath(known, path)) ? paths : [path, ...paths]
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

export { emptyCrossPath }
