import { useSyncExternalStore } from 'react'
import type { PickerStore } from '../core/createPickerStore.js'
import type { PickerSnapshot } from '../core/PickerSnapshot.js'

/**
 * Reads a picker store's snapshot with `useSyncExternalStore`; re-renders on every change.
 * Use it to show a store created outside React (or by {@link usePicker}) in another component,
 * e.g. a selected panel beside the tree.
 *
 * @example
 * const { value, summary } = usePickerSnapshot(store)
 */
export function usePickerSnapshot(store: PickerStore): PickerSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
}
