/**
 * @epaas-picker/headless/core: the framework-free picker. Tree model, flattening, selection
 * rule and tri-state, search, keyboard; no React.
 *
 * @packageDocumentation
 */
export { createPickerStore } from './createPickerStore.js'
export type {
  ChildrenLoader,
  PickerStore,
  PickerStoreOptions,
  ToggleResult,
} from './createPickerStore.js'
export { EntityIndex } from './EntityIndex.js'
export { childrenRequest, pickFilters, sameFilters, searchRequest } from './filters.js'
export type { PickerFilters } from './filters.js'
export {
  entityKey,
  entityKeyOfNode,
  entityRefOfNode,
  isDepartmentNode,
  parentKeyOf,
  rowKeyOf,
  rowSegment,
  statusRowKey,
} from './keys.js'
export {
  chipLabel,
  itemFromNode,
  matchRanges,
  parentOf,
  parentRelationLabel,
  summarizeValue,
} from './labels.js'
export type { ItemContext, PickerLocale, ValueSummary } from './labels.js'
export { PickerSnapshot } from './PickerSnapshot.js'
export type { DrillSnapshot, RowState, SearchSnapshot, SnapshotInit } from './PickerSnapshot.js'
export { describeRefusal } from './refusal.js'
export type { Refusal } from './refusal.js'
export {
  addKnownPath,
  checkedState,
  emptySelection,
  itemWeight,
  nearestDecision,
  removeDecision,
  selectionFromValue,
  selectionToValue,
  setChecked,
} from './selection.js'
export type {
  SelectionEntry,
  SelectionItem,
  SelectionState,
  SelectionTarget,
  ToggleContext,
} from './selection.js'
export { DEFAULT_PROXY_BASE_URL, toSelectFetcher } from './transport.js'
export type { PickerTransport, SelectFetcher } from './transport.js'
export { isPrintable, treeKeyAction, Typeahead, TYPEAHEAD_RESET_MS } from './treeKeyboard.js'
export type { TreeKeyAction, TreeKeyboardContext } from './treeKeyboard.js'
export type {
  CheckedState,
  LoadState,
  NodeRow,
  RowStatus,
  SearchRow,
  StatusRow,
  TreeRow,
} from './types.js'
