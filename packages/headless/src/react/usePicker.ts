/**
 * `usePicker`: the picker's state and behaviour for React, with prop getters for a tree of any
 * markup (virtualized or not).
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type Ref,
  type RefCallback,
} from 'react'
import { createPickerStore } from '../core/createPickerStore.js'
import type { PickerSnapshot } from '../core/PickerSnapshot.js'
import type { RowState } from '../core/rowState.js'
import type { PickerStore, PickerStoreOptions } from '../core/PickerStore.js'
import type { NodeRow, StatusRow, TreeRow } from '../core/types.js'
import { childrenLoader } from './childrenLoader.js'
import { FocusRegistry } from './FocusRegistry.js'
import { composeHandlers } from './mergeProps.js'
import { createRowPropGetters, type RowPropGetters } from './rowPropGetters.js'
import { searchInputProps, type SearchInputProps } from './searchInputProps.js'
import { usePickerSnapshot } from './usePickerSnapshot.js'

/** Options of {@link usePicker}: the store's options plus React Query and view wiring. */
export interface UsePickerOptions extends Omit<PickerStoreOptions, 'loadChildren' | 'now'> {
  /** The QueryClient caching loaded levels. Default: the one of the nearest `QueryClientProvider`. */
  queryClient?: QueryClient
  /** First element of the query keys after `'epaas-picker'` (see `pickerKeys`). Default `'default'`. */
  queryScope?: string
  /** Milliseconds a loaded level stays fresh in the QueryClient. Default 5 minutes. */
  staleTime?: number
  /**
   * Called when keyboard focus moves to a row that is not mounted (a virtual list scrolled away),
   * with its index in `rows`: scroll it into view and the row takes focus when it mounts.
   */
  scrollToIndex?: (index: number) => void
}

/** Props spread on the element with `role="tree"`. */
export interface TreeProps extends HTMLAttributes<HTMLElement> {
  id: string
  role: 'tree'
}

/** Props spread on a row (`role="treeitem"`). */
export interface RowProps extends HTMLAttributes<HTMLElement> {
  ref: RefCallback<HTMLElement>
  role: 'treeitem'
  'data-key': string
}

/** Props for a prop getter's caller: any element attributes and a ref. */
export type ElementProps<E extends HTMLElement = HTMLElement> = HTMLAttributes<E> & {
  ref?: Ref<E>
}

/** What {@link usePicker} answers: the snapshot, the actions and the prop getters. */
export interface UsePickerResult {
  /** The current immutable snapshot (rows, value, search, ...). */
  snapshot: PickerSnapshot
  /** The rows to render now: the flattened tree, or the search results. */
  rows: readonly TreeRow[]
  /** The store, for anything the getters do not cover. */
  store: PickerStore
  /** Everything a view needs to draw a row (checked, expanded, loading, focused, ...). */
  getRowState(row: TreeRow): RowState
  /** Props for the tree container (`role="tree"`, keyboard). */
  getTreeProps(props?: ElementProps): TreeProps
  /** Props for a row: ARIA (level, setsize, posinset, expanded, checked, busy), roving tabindex. */
  getRowProps(row: TreeRow, props?: ElementProps): RowProps
  /**
   * Props for a row's visual checkbox. It is hidden from assistive technology (the row carries
   * `aria-checked`) and out of the tab order; a click ticks the row.
   */
  getCheckboxProps(row: TreeRow, props?: ElementProps): HTMLAttributes<HTMLElement>
  /** Props for a row's expand/collapse button (a click toggles; hidden from the tab order). */
  getExpanderProps(row: TreeRow, props?: ElementProps): HTMLAttributes<HTMLElement>
  /** Props for the retry button of an error row. */
  getRetryProps(row: StatusRow, props?: ElementProps): HTMLAttributes<HTMLElement>
  /**
   * Props for the search box: value, change, IME composition, Escape clears, ArrowDown to the
   * list. A `ref` among the caller's props is forwarded.
   */
  getSearchInputProps(props?: SearchInputProps): SearchInputProps
  /**
   * The row getters as functions of a row and its state, the same object for the picker's life:
   * for virtualized rows that read their own state (`snapshot.getRowState(row)`) from the store.
   */
  rowGetters: RowPropGetters
}

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * The address-book picker as a hook: lazy tree through a QueryClient, selection rule, search
 * with debounce and IME handling, WAI-ARIA tree keyboard with roving focus.
 *
 * @example
 * function Picker() {
 *   const picker = usePicker({ select_type: 0, select_role_list: [11, 12] })
 *   return (
 *     <ul {...picker.getTreeProps()}>
 *       {picker.rows.map((row) => (
 *         <li key={row.key} {...picker.getRowProps(row)}>
 *           {row.kind === 'node' ? row.node.name : row.status}
 *         </li>
 *       ))}
 *     </ul>
 *   )
 * }
 */
export function usePicker(options: UsePickerOptions = {}): UsePickerResult {
  const queryClient = useQueryClient(options.queryClient)
  const treeId = useId()
  const storeOptions = useStoreOptions(options, queryClient)
  const [store] = useState(() => createPickerStore(storeOptions))
  const [focus] = useState(() => new FocusRegistry())
  const latest = useRef(options)

  useIsomorphicLayoutEffect(() => {
    latest.current = options
    store.setOptions(storeOptions)
  })
  useEffect(() => {
    store.start()
    return () => store.destroy()
  }, [store])

  const snapshot = usePickerSnapshot(store)
  const rowGetters = useMemo(() => createRowPropGetters(store, focus), [store, focus])

  // A reveal: its row is scrolled into view, and focused when the reveal asked for it.
  const { revealed } = snapshot
  useIsomorphicLayoutEffect(() => {
    if (!revealed) return
    const now = store.getSnapshot()
    if (revealed.focus) focus.request(revealed.key)
    else if (now.focusedKey === revealed.key) latest.current.scrollToIndex?.(now.focusedIndex)
  }, [revealed, store, focus])

  // After keyboard moves: the focused row takes focus, or is scrolled into view first.
  useIsomorphicLayoutEffect(() => {
    focus.settle(snapshot.focusedKey, () => latest.current.scrollToIndex?.(snapshot.focusedIndex))
  }, [snapshot])

  return useMemo<UsePickerResult>(() => {
    const getRowState = (row: TreeRow) => snapshot.getRowState(row)
    const scrollToIndex = (index: number) => latest.current.scrollToIndex?.(index)
    return {
      snapshot,
      rows: snapshot.rows,
      store,
      rowGetters,
      getRowState,
      getTreeProps: (props = {}) => treeProps(store, focus, treeId, snapshot, props),
      getRowProps: (row, props) => rowGetters.row(row, getRowState(row), props),
      getCheckboxProps: (row, props) => rowGetters.checkbox(row, getRowState(row), props),
      getExpanderProps: rowGetters.expander,
      getRetryProps: rowGetters.retry,
      getSearchInputProps: (props = {}) =>
        searchInputProps({ store, focus, treeId, scrollToIndex }, snapshot, props),
    }
  }, [snapshot, store, focus, treeId, rowGetters])
}

/** Props of the tree container: its role, ID, busy state and the tree view pattern's keys. */
function treeProps(
  store: PickerStore,
  focus: FocusRegistry,
  treeId: string,
  snapshot: PickerSnapshot,
  props: ElementProps,
): TreeProps {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if ((event.target as HTMLElement).closest?.('input, textarea, [contenteditable]')) return
    if (event.key === 'Escape' && store.getSnapshot().refusal) {
      store.dismissRefusal()
      return
    }
    if (!store.handleKey(event.key)) return
    event.preventDefault()
    focus.request(store.getSnapshot().focusedKey)
  }
  return {
    ...props,
    id: props.id ?? treeId,
    role: 'tree',
    'aria-multiselectable': snapshot.selectionMode === 'multiple' || undefined,
    'aria-busy': snapshot.rootStatus.status === 'loading' || undefined,
    onKeyDown: composeHandlers(props.onKeyDown, onKeyDown),
  }
}

/**
 * The store's options for the hook's: children loads go through the QueryClient (shared,
 * cached, cancelled with the store's signal).
 */
function useStoreOptions(options: UsePickerOptions, queryClient: QueryClient): PickerStoreOptions {
  const { queryClient: _client, queryScope, staleTime, scrollToIndex: _scroll, ...rest } = options
  const { transport } = options
  const loadChildren = useMemo(
    () => childrenLoader({ queryClient, transport, scope: queryScope, staleTime }),
    [queryClient, transport, queryScope, staleTime],
  )
  return { ...rest, loadChildren }
}

/** Re-exported for callers typing their own row components. */
export type { NodeRow, RowState, StatusRow, TreeRow }
