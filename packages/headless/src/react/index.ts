/**
 * React bindings of the picker: `usePicker`, `usePickerSnapshot`, and React Query options.
 *
 * @packageDocumentation
 */
export { childrenQueryOptions, DEFAULT_STALE_TIME, pickerKeys } from './pickerQueryOptions.js'
export type { ChildrenQueryInput, NodeKey } from './pickerQueryOptions.js'
export type { RowPropGetters } from './rowPropGetters.js'
export type { SearchInputProps } from './searchInputProps.js'
export { usePicker } from './usePicker.js'
export type {
  ElementProps,
  RowProps,
  TreeProps,
  UsePickerOptions,
  UsePickerResult,
} from './usePicker.js'
export { usePickerSnapshot } from './usePickerSnapshot.js'
export { selectsNobody, useRecipientCount } from './useRecipientCount.js'
export type { RecipientCountState, UseRecipientCountOptions } from './useRecipientCount.js'
export { useListMatch } from './useListMatch.js'
export { useRecentPicks } from './useRecentPicks.js'
export type { RecentPicks } from './useRecentPicks.js'
