/**
 * `usePicker`: the picker's state and behaviour for React, with prop getters for a tree of any
 * markup (virtualized or not).
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type CompositionEvent,
  type FocusEvent,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  type RefCallback,
} from 'react'
import {
  createPickerStore,
  type PickerStore,
  type PickerStoreOptions,
} from '../core/createPickerStore.js'
import { pickFilters } from '../core/filters.js'
import type { PickerSnapshot, RowState } from '../core/PickerSnapshot.js'
import { toSelectFetcher, type SelectFetcher } from '../core/transport.js'
import type { NodeRow, StatusRow, TreeRow } from '../core/types.js'
import { composeHandlers, mergeRefs } from './mergeProps.js'
import { childrenQueryOptions } from './pickerQueryOptions.js'
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
  /** Props for the search box: value, change, IME composition, Escape clears, ArrowDown to the list. */
  getSearchInputProps(
    props?: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> },
  ): InputHTMLAttributes<HTMLInputElement>
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
  const fetcher = useMemo(() => toSelectFetcher(options.transport), [options.transport])
  const storeOptions = toStoreOptions(options, queryClient, fetcher)
  const [store] = useState(() => createPickerStore(storeOptions))
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

  // Roving focus that survives virtualization: the focused key lives in the store; the DOM
  // element (if mounted) follows it after keyboard moves.
  const elements = useRef(new Map<string, HTMLElement>())
  const refCallbacks = useRef(new Map<string, RefCallback<HTMLElement>>())
  const pendingFocus = useRef<string | null>(null)

  const refFor = useCallback((key: string): RefCallback<HTMLElement> => {
    let callback = refCallbacks.current.get(key)
    if (!callback) {
      callback = (element) => {
        if (element) {
          elements.current.set(key, element)
          if (pendingFocus.current === key) {
            pendingFocus.current = null
            element.focus()
          }
        } else {
          elements.current.delete(key)
        }
      }
      refCallbacks.current.set(key, callback)
    }
    return callback
  }, [])

  useIsomorphicLayoutEffect(() => {
    const key = pendingFocus.current
    if (key === null || snapshot.focusedKey !== key) return
    const element = elements.current.get(key)
    if (element) {
      pendingFocus.current = null
      element.focus()
    } else {
      latest.current.scrollToIndex?.(snapshot.focusedIndex)
    }
  }, [snapshot])

  return useMemo<UsePickerResult>(() => {
    const getRowState = (row: TreeRow) => snapshot.getRowState(row)

    const onTreeKeyDown = (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      if ((event.target as HTMLElement).closest?.('input, textarea, [contenteditable]')) return
      const action = store.handleKey(event.key)
      if (!action) return
      event.preventDefault()
      pendingFocus.current = store.getSnapshot().focusedKey
    }

    return {
      snapshot,
      rows: snapshot.rows,
      store,
      getRowState,

      getTreeProps: (props = {}) => ({
        ...props,
        id: props.id ?? treeId,
        role: 'tree',
        'aria-multiselectable': true,
        'aria-busy': snapshot.rootStatus.status === 'loading' || undefined,
        onKeyDown: composeHandlers(props.onKeyDown, onTreeKeyDown),
      }),

      getRowProps: (row, props = {}) => {
        const state = getRowState(row)
        const { ref, ...rest } = props
        return {
          ...rest,
          ref: ref ? mergeRefs(ref, refFor(row.key)) : refFor(row.key),
          role: 'treeitem',
          'data-key': row.key,
          'aria-level': row.level,
          'aria-setsize': row.setsize,
          'aria-posinset': row.posinset,
          'aria-expanded': state.expandable ? state.expanded : undefined,
          'aria-checked':
            row.kind === 'node' && state.selectable
              ? state.checked === 'indeterminate'
                ? 'mixed'
                : state.checked
              : undefined,
          'aria-disabled': row.kind === 'node' && state.disabled ? true : undefined,
          'aria-busy': state.loading || undefined,
          tabIndex: state.focused ? 0 : -1,
          onFocus: composeHandlers(props.onFocus, (event: FocusEvent<HTMLElement>) => {
            if (event.target === event.currentTarget) store.setFocusedKey(row.key)
          }),
          onClick: composeHandlers(props.onClick, () => store.setFocusedKey(row.key)),
        }
      },

      getCheckboxProps: (row, props = {}) => {
        const state = getRowState(row)
        return {
          ...buttonProps(props, () => {
            if (row.kind !== 'node') return
            store.setFocusedKey(row.key)
            store.toggle(row)
          }),
          'aria-hidden': true,
          'data-state':
            state.checked === 'indeterminate'
              ? 'indeterminate'
              : state.checked
                ? 'checked'
                : 'unchecked',
          'data-disabled': state.disabled || !state.selectable ? '' : undefined,
        }
      },

      getExpanderProps: (row, props = {}) => ({
        ...buttonProps(props, () => {
          store.setFocusedKey(row.key)
          store.toggleExpanded(row.key)
        }),
        'aria-hidden': true,
      }),

      getRetryProps: (row, props = {}) => buttonProps(props, () => store.retryRow(row)),

      getSearchInputProps: (props = {}) => {
        const { ref: _ref, ...rest } = props
        return {
          ...rest,
          type: 'search',
          autoComplete: 'off',
          'aria-controls': treeId,
          value: snapshot.search.input,
          onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement>) => {
            store.setSearchValue(event.target.value)
          }),
          onCompositionStart: composeHandlers(props.onCompositionStart, () => {
            store.setComposing(true)
          }),
          onCompositionEnd: composeHandlers(
            props.onCompositionEnd,
            (event: CompositionEvent<HTMLInputElement>) => {
              store.setComposing(false, event.currentTarget.value)
            },
          ),
          onKeyDown: composeHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLInputElement>) => {
            if (event.nativeEvent.isComposing) return
            if (event.key === 'Escape' && snapshot.search.input) {
              event.preventDefault()
              store.setSearchValue('')
            } else if (event.key === 'ArrowDown') {
              const key = store.getSnapshot().focusedKey
              if (key === null) return
              event.preventDefault()
              const element = elements.current.get(key)
              if (element) element.focus()
              else {
                pendingFocus.current = key
                latest.current.scrollToIndex?.(store.getSnapshot().focusedIndex)
              }
            }
          }),
        }
      },
    }
  }, [snapshot, store, treeId, refFor])
}

/**
 * The caller's props (without a ref) for a part that acts on a click, out of the tab order (the
 * tree's keyboard reaches it); the click does not reach the row.
 */
function buttonProps(props: ElementProps, act: () => void): HTMLAttributes<HTMLElement> {
  const { ref: _ref, ...rest } = props
  return {
    ...rest,
    tabIndex: -1,
    onClick: composeHandlers(props.onClick, (event: MouseEvent<HTMLElement>) => {
      event.stopPropagation()
      act()
    }),
  }
}

function toStoreOptions(
  options: UsePickerOptions,
  queryClient: QueryClient,
  fetcher: SelectFetcher,
): PickerStoreOptions {
  const {
    queryClient: _queryClient,
    queryScope,
    staleTime,
    scrollToIndex: _scrollToIndex,
    ...storeOptions
  } = options
  const filters = pickFilters(options)
  return {
    ...storeOptions,
    loadChildren: ({ node }) =>
      queryClient.fetchQuery(
        childrenQueryOptions({ node, filters, transport: fetcher, scope: queryScope, staleTime }),
      ),
  }
}

/** Re-exported for callers typing their own row components. */
export type { NodeRow, StatusRow, TreeRow }
