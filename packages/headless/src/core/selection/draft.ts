/**
 * Mutable copies of a selection used while the next one is built, and the counters they keep:
 * per bare department ID, how many included and how many excluded entities lie below it.
 */
import type { SelectionEntry, SelectionState } from './selection.js'
import { emptyCrossPath } from './crossPath.js'
import { itemWeight } from './weights.js'

/** The parts of a selection a change writes. */
export interface Draft {
  entries: Map<string, SelectionEntry>
  departmentDecisions: Map<string, boolean>
  includedBelow: Map<string, number>
  excludedBelow: Map<string, number>
}

/** An empty draft. */
export function newDraft(): Draft {
  return {
    entries: new Map(),
    departmentDecisions: new Map(),
    includedBelow: new Map(),
    excludedBelow: new Map(),
  }
}

/** A draft starting from `state` (its maps copied, its entries shared). */
export function draftOf(state: SelectionState): Draft {
  return {
    entries: new Map(state.entries),
    departmentDecisions: new Map(state.departmentDecisions),
    includedBelow: new Map(state.includedBelow),
    excludedBelow: new Map(state.excludedBelow),
  }
}

/**
 * The state of a draft. Its people known under several paths are those of `from` (the caller
 * brings them up to date, see `refreshCrossPath`).
 */
export function freeze(draft: Draft, from?: SelectionState): SelectionState {
  let count = 0
  for (const { item, included } of draft.entries.values()) {
    count += included ? itemWeight(item) : -itemWeight(item)
  }
  return {
    ...draft,
    count: Math.max(0, count),
    nearestCache: new Map(),
    crossPath: from?.crossPath ?? emptyCrossPath,
  }
}

/** Adds `delta` to a counter, dropping it at zero. */
export function bump(counters: Map<string, number>, id: string, delta: number): void {
  const next = (counters.get(id) ?? 0) + delta
  if (next === 0) counters.delete(id)
  else counters.set(id, next)
}

/** Records a decided entity. */
export function add(draft: Draft, key: string, entry: SelectionEntry): void {
  draft.entries.set(key, entry)
  if (entry.item.type === 'department') draft.departmentDecisions.set(entry.item.id, entry.included)
  const counters = entry.included ? draft.includedBelow : draft.excludedBelow
  for (const id of entry.ancestors) bump(counters, id, 1)
}

/** Drops a decided entity, if there is one. */
export function remove(draft: Draft, key: string): void {
  const entry = draft.entries.get(key)
  if (!entry) return
  draft.entries.delete(key)
  if (entry.item.type === 'department') draft.departmentDecisions.delete(entry.item.id)
  const counters = entry.included ? draft.includedBelow : draft.excludedBelow
  for (const id of entry.ancestors) bump(counters, id, -1)
}
