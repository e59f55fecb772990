/**
 * Prop getters of one row, as functions of the row and its state. They keep their identity for
 * the picker's life, so a virtualized row that reads its own state from the store (and is not
 * drawn again when others change) can use them: `usePicker`'s `getRowProps(row)` is the same
 * getter with the state of the snapshot being drawn.
 */
import type { FocusEvent, HTMLAttributes, MouseEvent } from 'react'
import type { PickerStore } from '../core/PickerStore.js'
import type { RowState } from '../core/rowState.js'
import type { StatusRow, TreeRow } from '../core/types.js'
import type { FocusRegistry } from './FocusRegistry.js'
import { composeHandlers, mergeRefs } from './mergeProps.js'
import type { ElementProps, RowProps } from './usePicker.js'

/** The row prop getters of a picker, for rows that subscribe to their own state. */
export interface RowPropGetters {
  /** Props for a row (`role="treeitem"`): ARIA, roving tabindex, focus tracking. */
  row(row: TreeRow, state: RowState, props?: ElementProps): RowProps
  /** Props for a row's drawn checkbox (hidden from assistive technology; a click ticks). */
  checkbox(row: TreeRow, state: RowState, props?: ElementProps): HTMLAttributes<HTMLElement>
  /** Props for a row's expand/collapse button. */
  expander(row: TreeRow, props?: ElementProps): HTMLAttributes<HTMLElement>
  /** Props for the retry button of an error row. */
  retry(row: StatusRow, props?: ElementProps): HTMLAttributes<HTMLElement>
}

/** The getters for a store and its focus registry. */
export function createRowPropGetters(store: PickerStore, focus: FocusRegistry): RowPropGetters {
  return {
    row: (row, state, props = {}) => rowProps(store, focus, row, state, props),
    checkbox: (row, state, props = {}) => ({
      ...clickOnly(props, () => {
        if (row.kind !== 'node') return
        store.setFocusedKey(row.key)
        store.toggle(row)
      }),
      'aria-hidden': true,
      'data-state': checkboxState(state),
      'data-disabled': state.disabled || !state.selectable ? '' : undefined,
    }),
    expander: (row, props = {}) => ({
      ...clickOnly(props, () => {
        store.setFocusedKey(row.key)
        store.toggleExpanded(row.key)
      }),
      'aria-hidden': true,
    }),
    retry: (row, props = {}) => clickOnly(props, () => store.retryRow(row)),
  }
}

function rowProps(
  store: PickerStore,
  focus: FocusRegistry,
  row: TreeRow,
  state: RowState,
  props: ElementProps,
): RowProps {
  const { ref, ...rest } = props
  // Single choice follows the single-select tree pattern: `aria-selected`, no `aria-checked`.
  const single = store.getSnapshot().selectionMode === 'single'
  const tickable = row.kind === 'node' && state.selectable
  return {
    ...rest,
    ref: ref ? mergeRefs(ref, focus.refFor(row.key)) : focus.refFor(row.key),
    role: 'treeitem',
    'data-key': row.key,
    'aria-level': row.level,
    'aria-setsize': row.setsize,
    'aria-posinset': row.posinset,
    'aria-expanded': state.expandable ? state.expanded : undefined,
    'aria-checked': tickable && !single ? ariaChecked(state) : undefined,
    'aria-selected': tickable && single ? state.checked === true : undefined,
    'aria-disabled': row.kind === 'node' && state.disabled ? true : undefined,
    'aria-busy': state.loading || undefined,
    tabIndex: state.focused ? 0 : -1,
    onFocus: composeHandlers(props.onFocus, (event: FocusEvent<HTMLElement>) => {
      if (event.target === event.currentTarget) store.setFocusedKey(row.key)
    }),
    onClick: composeHandlers(props.onClick, () => store.setFocusedKey(row.key)),
  }
}

const ariaChecked = (state: RowState) =>
  state.checked === 'indeterminate' ? ('mixed' as const) : state.checked

const checkboxState = (state: RowState) =>
  state.checked === 'indeterminate' ? 'indeterminate' : state.checked ? 'checked' : 'unchecked'

/**
 * The caller's props (without a ref) for a part that acts on a click, out of the tab order (the
 * tree's keyboard reaches it); the click does not reach the row.
 */
function clickOnly(props: ElementProps, act: () => void): HTMLAttributes<HTMLElement> {
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
