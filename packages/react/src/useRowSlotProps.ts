import type { PickerSnapshot, RowState, TreeRow } from '@epaas-picker/headless'
import { useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { usePickerContext, type PickerController } from './PickerContext.js'
import { sameRowState } from './PickerRow.js'
import type { RowDisplay } from './RowLabel.js'

/**
 * The latest picker, behind an object that keeps its identity for the life of the list: the
 * list's row props stay the same object across store changes, so react-window does not draw
 * every row again on each change; each row subscribes to the store for its own row and state.
 */
export interface PickerSource {
  /** The picker of the snapshot being drawn. */
  readonly current: PickerController
}

const createPickerSource = (picker: PickerController) => {
  const source = { current: picker }
  return {
    source: source as PickerSource,
    set: (next: PickerController) => (source.current = next),
  }
}

/**
 * What a virtual list hands each of its rows. No row array here: React's development build walks
 * props with `for...in` (see createPickerHandle).
 */
export interface RowSlotProps {
  source: PickerSource
  display: RowDisplay
  /**
   * A new empty object whenever the list's rows change. react-window compares row props field by
   * field: without it, an expand or a load would keep the row keys of the previous rows.
   */
  rowsToken: object
}

/**
 * The row props of the tree or the mobile list (showing `rows`): one object while the store, the
 * texts and the rows stay the same (not one per snapshot), so that the list's memoised rows are
 * not drawn again for nothing; rows read their changing state with {@link useSlotRow}.
 */
export function useRowSlotProps(search: boolean, rows: readonly TreeRow[]): RowSlotProps {
  const { picker, messages, classNames, showCounts } = usePickerContext()
  const [{ source, set }] = useState(() => createPickerSource(picker))
  // Written during render, before the rows of the same render read it: a row's prop getters must
  // come from the snapshot its state comes from.
  set(picker)
  const display = useMemo<RowDisplay>(
    () => ({ messages, classNames, showCounts, search }),
    [messages, classNames, showCounts, search],
  )
  const store = picker.store
  // A new object when the list's rows change (an expand, a load, a search), so that the list
  // computes its row keys again; not when only row states change (a tick, a focus move).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- renewed on purpose when these change
  const rowsToken = useMemo(() => ({}), [rows, store])
  return useMemo(() => ({ source, display, rowsToken }), [source, display, rowsToken])
}

/** A row of a list and its state, the same object while neither changes. */
export interface SlotRow {
  row: TreeRow
  state: RowState
}

/**
 * The row at `index` of `rowsOf(the store's snapshot)` and its state, re-rendering the calling row
 * only when that row or its state changes (not on every store change).
 */
export function useSlotRow(
  source: PickerSource,
  index: number,
  rowsOf: (snapshot: PickerSnapshot) => readonly TreeRow[],
): SlotRow | undefined {
  const last = useRef<SlotRow | undefined>(undefined)
  const read = (): SlotRow | undefined => {
    const snapshot = source.current.store.getSnapshot()
    const row = rowsOf(snapshot)[index]
    if (!row) return (last.current = undefined)
    const state = snapshot.getRowState(row)
    const prev = last.current
    if (prev && prev.row === row && sameRowState(prev.state, state)) return prev
    return (last.current = { row, state })
  }
  return useSyncExternalStore(source.current.store.subscribe, read, read)
}
