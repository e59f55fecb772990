/**
 * The keyboard of the WAI-ARIA tree view pattern, as a pure function from a key to an action.
 * Works on the flattened rows and a focused key, so it does not care which rows are mounted.
 */
import type { NodeRow, TreeRow } from '../types.js'

/** What a key press asks the store to do. */
export type TreeKeyAction =
  | { type: 'focus'; key: string }
  | { type: 'expand'; key: string }
  | { type: 'collapse'; key: string }
  | { type: 'expand-siblings'; keys: string[] }
  | { type: 'toggle-checked'; key: string }
  | { type: 'retry'; row: TreeRow }

/** What {@link treeKeyAction} reads. */
export interface TreeKeyboardContext {
  readonly rows: readonly TreeRow[]
  /** The row holding the tab stop; the first row when `null` or gone. */
  readonly focusedKey: string | null
  isExpanded(key: string): boolean
  isExpandable(row: NodeRow): boolean
}

/** Milliseconds after which type-ahead starts a new word. */
export const TYPEAHEAD_RESET_MS = 500

/**
 * Maps a `KeyboardEvent.key` to an action, or `null` when the key means nothing here:
 *
 * - `ArrowDown` / `ArrowUp`: next / previous row; `Home` / `End`: first / last row.
 * - `ArrowRight`: expands a closed node, or moves to the first child of an open one.
 * - `ArrowLeft`: collapses an open node, or moves to the parent.
 * - `*`: expands every sibling of the focused row.
 * - `Enter`: expands or collapses a node with children, ticks a leaf, retries an error row.
 * - ` ` (Space): ticks or unticks the focused row, retries an error row.
 * - printable characters (with `typeahead`, the word typed so far): the next row whose name
 *   starts with it.
 */
export function treeKeyAction(
  context: TreeKeyboardContext,
  key: string,
  typeahead?: string,
): TreeKeyAction | null {
  const { rows } = context
  if (rows.length === 0) return null
  let index = context.focusedKey === null ? -1 : rows.findIndex((r) => r.key === context.focusedKey)
  if (index < 0) index = 0
  const row = rows[index] as TreeRow
  const focus = (at: number): TreeKeyAction | null => {
    const target = rows[at]
    return target && target !== row ? { type: 'focus', key: target.key } : null
  }
  const expandable = row.kind === 'node' && context.isExpandable(row)
  const open = expandable && context.isExpanded(row.key)
  const act = (type: 'expand' | 'collapse' | 'toggle-checked'): TreeKeyAction => ({
    type,
    key: row.key,
  })

  switch (key) {
    case 'ArrowDown':
      return focus(index + 1)
    case 'ArrowUp':
      return focus(index - 1)
    case 'Home':
      return focus(0)
    case 'End':
      return focus(rows.length - 1)
    case 'ArrowRight':
      if (!expandable) return null
      return open ? focus(index + 1) : act('expand')
    case 'ArrowLeft':
      // The parent is above the row; a top-level row (no parent) finds nothing.
      return open
        ? act('collapse')
        : focus(rows.findLastIndex((r, i) => i < index && r.key === row.parentKey))
    case '*': {
      const keys = rows
        .filter(
          (r): r is NodeRow =>
            r.kind === 'node' &&
            r.parentKey === row.parentKey &&
            context.isExpandable(r) &&
            !context.isExpanded(r.key),
        )
        .map((r) => r.key)
      return keys.length > 0 ? { type: 'expand-siblings', keys } : null
    }
    case 'Enter':
    case ' ':
      if (row.kind === 'status') return row.status === 'error' ? { type: 'retry', row } : null
      if (key === 'Enter' && expandable) return act(open ? 'collapse' : 'expand')
      return act('toggle-checked')
  }
  if (typeahead && isPrintable(key)) return typeaheadMatch(rows, index, typeahead)
  return null
}

/** Whether a `KeyboardEvent.key` is a single printable character (type-ahead input). */
export function isPrintable(key: string): boolean {
  return [...key].length === 1 && key !== ' '
}

function typeaheadMatch(
  rows: readonly TreeRow[],
  index: number,
  word: string,
): TreeKeyAction | null {
  const needle = word.toLowerCase()
  // A fresh one-letter word moves past the current row; a longer word may stay on it.
  const start = [...word].length === 1 ? index + 1 : index
  for (let step = 0; step < rows.length; step++) {
    const row = rows[(start + step) % rows.length] as TreeRow
    if (row.kind === 'node' && row.node.name.toLowerCase().startsWith(needle)) {
      return rows[index] === row ? null : { type: 'focus', key: row.key }
    }
  }
  return null
}

/** Accumulates type-ahead characters; a pause of {@link TYPEAHEAD_RESET_MS} starts a new word. */
export class Typeahead {
  private word = ''
  private last = -Infinity

  /** Adds a character typed at `now` (ms) and answers the word so far. */
  push(char: string, now: number): string {
    this.word = now - this.last > TYPEAHEAD_RESET_MS ? char : this.word + char
    this.last = now
    return this.word
  }
}
