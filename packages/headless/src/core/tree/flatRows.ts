/**
 * The flattened visible tree as pure functions: which rows sit under a parent (its loaded
 * children and their expanded subtrees, or one status row), and how to put them in place of what
 * was there, copying the row pointers once and never walking the tree.
 */
import { levelKey } from '../keys.js'
import { isExpandableRow } from '../rowRules.js'
import type { LoadState, NodeRow, TreeRow } from '../types.js'
import { statusRowOf } from './createNodeRow.js'

/** What the flattening reads about the loaded tree. */
export interface LoadedLevels {
  /** Load state of a level (`null`: the top level). */
  loadOf(parentKey: string | null): LoadState
  /** Loaded children of a level by {@link levelKey}. */
  readonly childRows: ReadonlyMap<string, readonly NodeRow[]>
  /** Expanded row keys. */
  readonly expanded: ReadonlySet<string>
}

/**
 * The visible rows under a parent (`null`: the whole tree), in display order. Levels that have
 * nothing to show yet get a status row, and those never asked for are added to `toLoad`.
 */
export function rowsUnder(
  levels: LoadedLevels,
  parentKey: string | null,
  level: number,
  toLoad: (string | null)[],
): TreeRow[] {
  const out: TreeRow[] = []
  appendRowsUnder(out, levels, parentKey, level, toLoad)
  return out
}

function appendRowsUnder(
  out: TreeRow[],
  levels: LoadedLevels,
  parentKey: string | null,
  level: number,
  toLoad: (string | null)[],
) {
  const load = levels.loadOf(parentKey)
  const kids = (load.status === 'success' && levels.childRows.get(levelKey(parentKey))) || []
  if (kids.length === 0) {
    out.push(statusRowOf(parentKey, load, level))
    if (load.status === 'idle') toLoad.push(parentKey)
  }
  for (const kid of kids) {
    out.push(kid)
    // People first fail the cheap test: most rows never look up their long key.
    if (isExpandableRow(kid) && levels.expanded.has(kid.key)) {
      appendRowsUnder(out, levels, kid.key, level + 1, toLoad)
    }
  }
}

/** Index just past the subtree of the row at `at` (the next row at its level or above). */
export function subtreeEnd(rows: readonly TreeRow[], at: number): number {
  const level = (rows[at] as TreeRow).level
  let end = at + 1
  while (end < rows.length && (rows[end] as TreeRow).level > level) end++
  return end
}

/**
 * `rows` with what sits under the row at `at` replaced by `replacement` (empty to collapse).
 * `toSpliced` spreads its arguments, which overflows the stack past some 100,000 rows: large
 * replacements are concatenated instead.
 */
export function replaceSubtree(
  rows: readonly TreeRow[],
  at: number,
  replacement: readonly TreeRow[],
): readonly TreeRow[] {
  const end = subtreeEnd(rows, at)
  return replacement.length < 50_000
    ? rows.toSpliced(at + 1, end - at - 1, ...replacement)
    : rows.slice(0, at + 1).concat(replacement, rows.slice(end))
}
