/**
 * Reveal: open the tree down to an item (start where the teacher is), through the normal lazy
 * loads, each echoing the `select_node_type` its parent's answer gave, then put the tab stop on
 * it, scroll to it and open its level in the mobile list. A path that no longer leads to it ends
 * with a `not-found` refusal, and the tree stays as far as it got.
 */
import type { Role } from '@epaas-picker/protocol'
import { isDepartmentNode, levelKey } from '../keys.js'
import { isExpandableRow } from '../rowRules.js'
import type { StoreContext } from '../StoreContext.js'
import type { NodeRow } from '../types.js'

/**
 * Where to go: a value item (it carries `id_path`, and for a person `userid` and `role_id`), or
 * a department's `id_path` alone (top first, the department's own ID last). `name` is used in
 * the message when it is not found.
 */
export type RevealTarget =
  | { type: 'department'; id_path: readonly string[]; name?: string }
  | { type: 'user'; userid: string; role_id: Role; id_path: readonly string[]; name?: string }
  | { id_path: readonly string[]; name?: string }

/** What `reveal` found: the row's key, or nothing. */
export type RevealResult = { found: true; key: string } | { found: false }

/**
 * Opens the tree down to `target`. `focus`: move keyboard focus there (an explicit reveal) or
 * only the tab stop and the scroll (a `defaultRevealed` on mount, which must not steal focus).
 */
export async function reveal(
  ctx: StoreContext,
  target: RevealTarget,
  focus: boolean,
): Promise<RevealResult> {
  const { tree, expansion } = ctx
  const ids = target.id_path
  const ancestors: string[] = []
  let parentKey: string | null = null
  let from = 0
  for (;;) {
    await tree.whenSettled(parentKey)
    const level = tree.childRows.get(levelKey(parentKey)) ?? []
    const person = 'userid' in target && from >= ids.length ? personIn(level, target) : undefined
    if (person) return found(ctx, person.key, ancestors, focus)
    const step = deepestOnPath(level, ids, from)
    if (!step) return notFound(ctx, target)
    if (step.at === ids.length - 1 && !('userid' in target)) {
      return found(ctx, step.row.key, ancestors, focus)
    }
    if (!isExpandableRow(step.row)) return notFound(ctx, target)
    ancestors.push(step.row.key)
    expansion.setOne(step.row.key, true)
    parentKey = step.row.key
    from = step.at + 1
  }
}

/** The department of a level furthest down `ids[from..]` (levels may skip ids, e.g. the root). */
function deepestOnPath(level: readonly NodeRow[], ids: readonly string[], from: number) {
  let best: { row: NodeRow; at: number } | undefined
  for (const row of level) {
    if (!isDepartmentNode(row.node)) continue
    const at = ids.indexOf(row.node.id, from)
    if (at >= 0 && (!best || at > best.at)) best = { row, at }
  }
  return best
}

function personIn(level: readonly NodeRow[], target: { userid: string; role_id: Role }) {
  return level.find(
    (row) =>
      !isDepartmentNode(row.node) &&
      row.node.id === target.userid &&
      row.node.role_id === target.role_id,
  )
}

function found(ctx: StoreContext, key: string, ancestors: string[], focus: boolean): RevealResult {
  ctx.navigation.revealed(key, ancestors, focus)
  return { found: true, key }
}

function notFound(ctx: StoreContext, target: RevealTarget): RevealResult {
  ctx.selection.refuse({ code: 'not-found', entityKey: '', name: target.name ?? '' })
  return { found: false }
}
