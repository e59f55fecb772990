/**
 * @epaas-picker/headless/core: the framework-free picker. Tree model, flattening, selection
 * rule and tri-state, search, keyboard; no React.
 *
 * The store does the work; the helpers here are the ones a view needs beside it (labels, counts,
 * refusal texts, keys). Internal modules export more for this repository's own packages and tests.
 *
 * @packageDocumentation
 */
export { createPickerStore } from './createPickerStore.js'
export type {
  ChildrenLoader,
  PickerStore,
  PickerStoreOptions,
  SelectionMode,
  ToggleResult,
} from './PickerStore.js'
export type { Revealed } from './navigation/Navigation.js'
export type { RevealResult, RevealTarget } from './navigation/reveal.js'
export { ItemRules } from './selection/ItemRules.js'
export type { TickAllResult } from './selection/tickEach.js'
export type { DisabledItem } from './selection/ItemRules.js'
export { childrenRequest } from './filters.js'
export type { PickerFilters } from './filters.js'
export { isDepartmentNode, rowKeyOf } from './keys.js'
export {
  chipDetails,
  chipLabel,
  parentOf,
  parentRelationLabel,
  headCount,
  memberCountOf,
  summarizeValue,
  whereOf,
} from './labels.js'
export type { ItemContext, PickerLocale, SummaryOptions, ValueSummary } from './labels.js'
export { PickerSnapshot } from './PickerSnapshot.js'
export type { DrillSnapshot, SearchSnapshot, SnapshotInit } from './PickerSnapshot.js'
export type { RowState } from './rowState.js'
export { describeRefusal } from './refusal.js'
export { phoneNumberOf, searchKeyOf } from './search/phoneSearch.js'
export type { Refusal } from './refusal.js'
export { checkedState } from './selection/selection.js'
export type {
  SelectionEntry,
  SelectionItem,
  SelectionState,
  SelectionTarget,
  ToggleContext,
} from './selection/selection.js'
export type { PickerTransport, SelectFetcher } from './transport.js'
export type { TreeKeyAction, TreeKeyboardContext } from './navigation/treeKeyboard.js'
export type {
  CheckedState,
  LoadState,
  NodeRow,
  RowStatus,
  SearchRow,
  StatusRow,
  TreeRow,
} from './types.js'
export { countOf, proxyRecipientCounter } from './recipientCount.js'
export type {
  ProxyRecipientCounterOptions,
  RecipientCount,
  RecipientCounter,
  RecipientCountRequest,
} from './recipientCount.js'
export { matchList, ListMatch } from './paste/matchList.js'
export type {
  ListMatchSnapshot,
  MatchListOptions,
  MatchListResult,
  PasteCounts,
  PasteEntry,
  PasteEntryStatus,
} from './paste/matchList.js'
export { splitTokens } from './paste/splitTokens.js'
export type { PastedTokens } from './paste/splitTokens.js'
export {
  DEFAULT_RECENT_MAX,
  localStorageHistory,
  parseItems,
  recentAfter,
} from './history/PickerHistory.js'
export type { LocalStorageHistoryOptions, PickerHistory } from './history/PickerHistory.js'
