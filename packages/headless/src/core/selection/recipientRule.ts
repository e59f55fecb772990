/**
 * Who receives, as the proxy's `resolve` decides it, for a person known under some paths:
 *
 * - their own decision, when they have one (listed in `users`, or in `excluded`);
 * - else they receive when a selected department lies on one of their paths, unless an excluded
 *   department on one of their paths removes them: an excluded department removes its members
 *   except those who are also members of a selected department inside it.
 *
 * With one path this is the nearest decided department above the person. Paths hold bare
 * department IDs, top first (a node's `id_path`).
 */

/** Department decisions by bare ID: `true` selected, `false` excluded. */
export type DepartmentDecisions = ReadonlyMap<string, boolean>

/**
 * Whether a person without a decision of their own receives, given every path they are known
 * under. O(paths² x depth); people are known under a handful of paths.
 *
 * @example
 * // 三年级 excluded, its 一班 selected: a teacher of 一班 and 二班 receives (一班 protects her).
 * receivesThroughPaths(new Map([['g3', false], ['c1', true]]), [['s', 'g3', 'c1'], ['s', 'g3', 'c2']])
 * // true
 */
export function receivesThroughPaths(
  decisions: DepartmentDecisions,
  paths: readonly (readonly string[])[],
): boolean {
  if (decisions.size === 0) return false
  let selected = false
  for (const path of paths) {
    for (const id of path) if (decisions.get(id) === true) selected = true
  }
  if (!selected) return false
  for (const path of paths) {
    for (const id of path) {
      if (decisions.get(id) === false && !selectedInside(decisions, paths, id)) return false
    }
  }
  return true
}

/** Whether a selected department lies below `excludedId` on one of the paths through it. */
function selectedInside(
  decisions: DepartmentDecisions,
  paths: readonly (readonly string[])[],
  excludedId: string,
): boolean {
  for (const path of paths) {
    const at = path.indexOf(excludedId)
    if (at < 0) continue
    for (let i = at + 1; i < path.length; i++) {
      if (decisions.get(path[i] as string) === true) return true
    }
  }
  return false
}
