/**
 * What the units of the store share. Each unit owns one part of the state (the loaded tree, the
 * visible rows and expansion, the selection, the search, focus and drill-down) and reaches the
 * others through this context, never through the public store object, so that no action re-enters
 * the store's public methods and every emit is one the acting unit chose.
 */
import type { PickerFilters } from './filters.js'
import type { Expansion } from './tree/Expansion.js'
import type { Navigation } from './navigation/Navigation.js'
import type { PickerSnapshot } from './PickerSnapshot.js'
import type { PickerStoreOptions } from './PickerStore.js'
import type { SearchModel } from './search/SearchModel.js'
import type { SelectionModel } from './selection/SelectionModel.js'
import type { SelectFetcher } from './transport.js'
import type { TreeLoader } from './tree/TreeLoader.js'

/** The shared context of the store's units. */
export interface StoreContext {
  /** The options in force (the last `setOptions`, or those the store was created with). */
  options: PickerStoreOptions
  /** The request filters of `options`, repeated on every request. */
  filters: PickerFilters
  /** How `/campus/department/select` is reached for searches (and loads without `loadChildren`). */
  fetcher: SelectFetcher
  /** Between `start()` and `destroy()`: requests may be sent. */
  started: boolean
  /** Loaded levels, their load states, what they taught about entities. */
  tree: TreeLoader
  /** The expanded rows and the flattened visible tree. */
  expansion: Expansion
  /** The value, its selection rule and refusals. */
  selection: SelectionModel
  /** The search box and its results. */
  search: SearchModel
  /** Focus, scroll offsets, the keyboard and the mobile drill-down. */
  navigation: Navigation
  /** Makes a new snapshot and tells the subscribers. */
  emit(): void
  /** The current snapshot (what the view shows now). */
  snapshot(): PickerSnapshot
}

/** Which list the view shows: the tree, or search results while the search box holds text. */
export type PickerMode = 'tree' | 'search'
