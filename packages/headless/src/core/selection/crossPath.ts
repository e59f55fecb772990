/**
 * People known under several paths (a teacher of two classes, a parent of two children) who have
 * no decision of their own: whether each receives, by the rule of `resolve` over all their
 * paths, and how many of them lie below each department, so that a department's tri-state agrees
 * with every row below it. They are few, and only those a change touches are looked at again.
 */
import type { SelectionState } from './selection.js'
import { bump } from './draft.js'
import { receivesThroughPaths } from './recipientRule.js'

/** What the tree taught about people: their paths. */
export interface KnownPeople {
  /** Every path a person was seen under (empty when never seen). */
  pathsOf(entityKey: string): readonly (readonly string[])[]
  /** The people seen under several paths with department `id` on one of them. */
  severalPathsUnder(id: string): Iterable<string> | undefined
  /** Every person seen under several paths. */
  severalPaths(): Iterable<string>
}

/** One such person: whether they receive, and every department ID on their paths. */
export interface CrossPathEntry {
  readonly receives: boolean
  readonly ancestors: readonly string[]
}

/** The people known under several paths without a decision of their own. */
export interface CrossPath {
  readonly people: ReadonlyMap<string, CrossPathEntry>
  /** Per bare department ID: how many of them receive, with that ID on a path. */
  readonly receivingBelow: ReadonlyMap<string, number>
  /** Per bare department ID: how many of them do not receive, with that ID on a path. */
  readonly notReceivingBelow: ReadonlyMap<string, number>
}

/** No such people. */
export const emptyCrossPath: CrossPath = {
  people: new Map(),
  receivingBelow: new Map(),
  notReceivingBelow: new Map(),
}

/**
 * `next` with its people known under several paths brought up to date: everyone when `previous`
 * is not given, else those under a department whose decision changed, those whose own decision
 * came or went, and `learned` (people who gained a path). Answers `next` itself when none of
 * them changed.
 */
export function refreshCrossPath(
  next: SelectionState,
  previous: SelectionState | undefined,
  people: KnownPeople,
  learned: Iterable<string> = [],
): SelectionState {
  const keys = previous ? touched(next, previous, people, learned) : new Set(people.severalPaths())
  if (keys.size === 0) return next
  const base = previous ? next.crossPath : emptyCrossPath
  const draft = {
    people: new Map(base.people),
    receivingBelow: new Map(base.receivingBelow),
    notReceivingBelow: new Map(base.notReceivingBelow),
  }
  let changed = false
  for (const key of keys) {
    const before = draft.people.get(key)
    const paths = people.pathsOf(key)
    const after =
      paths.length > 1 && !next.entries.has(key)
        ? {
            receives: receivesThroughPaths(next.departmentDecisions, paths),
            ancestors: union(paths),
          }
        : undefined
    if (
      before?.receives === after?.receives &&
      before?.ancestors.length === after?.ancestors.length
    )
      continue
    changed = true
    if (before) count(draft, before, -1)
    if (after) {
      draft.people.set(key, after)
      count(draft, after, 1)
    } else draft.people.delete(key)
  }
  return changed ? { ...next, crossPath: draft } : next
}

function count(
  draft: { receivingBelow: Map<string, number>; notReceivingBelow: Map<string, number> },
  entry: CrossPathEntry,
  delta: number,
) {
  const counters = entry.receives ? draft.receivingBelow : draft.notReceivingBelow
  for (const id of entry.ancestors) bump(counters, id, delta)
}

/** The people a change from `previous` to `next` may have changed for. */
function touched(
  next: SelectionState,
  previous: SelectionState,
  people: KnownPeople,
  learned: Iterable<string>,
): Set<string> {
  const keys = new Set(learned)
  const under = (id: string) => {
    for (const key of people.severalPathsUnder(id) ?? []) keys.add(key)
  }
  for (const [id, included] of next.departmentDecisions) {
    if (previous.departmentDecisions.get(id) !== included) under(id)
  }
  for (const id of previous.departmentDecisions.keys()) {
    if (!next.departmentDecisions.has(id)) under(id)
  }
  for (const [key, entry] of next.entries) {
    if (entry.item.type === 'user' && previous.entries.get(key) !== entry) keys.add(key)
  }
  for (const [key, entry] of previous.entries) {
    if (entry.item.type === 'user' && !next.entries.has(key)) keys.add(key)
  }
  return keys
}

/** Every ID on any of the paths, once. */
export function union(paths: readonly (readonly string[])[]): readonly string[] {
  if (paths.length === 1) return paths[0] as readonly string[]
  return [...new Set(paths.flat())]
}
