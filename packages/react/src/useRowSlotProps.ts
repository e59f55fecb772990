import type { PickerSnapshot, PickerStore, RowPropGetters, TreeRow } from '@epaas-picker/headless'
import { useMemo, useSyncExternalStore } from 'react'
import { usePickerContext } from './PickerContext.js'
import type { RowDisplay } from './RowLabel.js'

/**
 * The rows a list shows, in an object that changes exactly when they do. The array sits in a
 * private field: React's development build walks the props of a re-rendered component with
 * `for...in` for its performance tracks, which over a 100,000-row array costs milliseconds.
 */
export class RowList {
  readonly #rows: readonly TreeRow[]
  constructor(rows: readonly TreeRow[]) {
    this.#rows = rows
  }
  /** The key of the row at `index`, or the index past the end. */
  keyAt(index: number): string | number {
    return this.#rows[index]?.key ?? index
  }
}

/**
 * What a virtual list hands each of its rows. Only `rows` changes, and only when the list's rows
 * do (an expand, a load, a search): a tick or a focus move leaves these props as they were, so
 * the list draws nothing again, and each row redraws itself from its own subscription.
 */
export interface RowSlotProps {
  /** The store, for the row's subscription and its actions. */
  store: PickerStore
  /** The row prop getters, as functions of a row and its state. */
  getters: RowPropGetters
  display: RowDisplay
  /** The rows shown, for the list's row keys. */
  rows: RowList
}

/** The row props of the tree or of the mobile list, showing `rows`. */
export function useRowSlotProps(search: boolean, rows: readonly TreeRow[]): RowSlotProps {
  const { picker, messages, classNames, showCounts } = usePickerContext()
  const { store, rowGetters } = picker
  const { rolesHidden, selectionMode } = picker.snapshot
  const single = selectionMode === 'single'
  const display = useMemo<RowDisplay>(
    () => ({ messages, classNames, showCounts, rolesHidden, search, single }),
    [messages, classNames, showCounts, rolesHidden, search, single],
  )
  const list = useMemo(() => new RowList(rows), [rows])
  return useMemo(
    () => ({ store, getters: rowGetters, display, rows: list }),
    [store, rowGetters, display, list],
  )
}

/**
 * The row at `index` of `rowsOf(the store's snapshot)` and its state, re-rendering the calling row
 * only when one of them changes: rows keep their object while they stay in the list, and equal
 * row states are one object (`getRowState`), so both compare by identity.
 */
export function useSlotRow(
  store: PickerStore,
  index: number,
  rowsOf: (snapshot: PickerSnapshot) => readonly TreeRow[],
) {
  const readRow = () => rowsOf(store.getSnapshot())[index]
  const row = useSyncExternalStore(store.subscribe, readRow, readRow)
  const readState = () => {
    const snapshot = store.getSnapshot()
    const current = rowsOf(snapshot)[index]
    return current && snapshot.getRowState(current)
  }
  const state = useSyncExternalStore(store.subscribe, readState, readState)
  return row && state ? { row, state } : undefined
}
