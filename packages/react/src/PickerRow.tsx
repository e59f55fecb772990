import type {
  NodeRow,
  PickerStore,
  RowPropGetters,
  RowState,
  TreeRow,
} from '@epaas-picker/headless'
import { memo, type CSSProperties, type MouseEvent } from 'react'
import { partClass } from './classNames.js'
import { StatusRowView } from './StatusLabel.js'
import { RowLabel, rowAccessibleName, rowHint, type RowDisplay } from './RowLabel.js'

/** Props of {@link PickerRow}. */
export interface PickerRowProps {
  /** The row (an object that keeps its identity while it stays in the list). */
  row: TreeRow
  /** The row's state in the snapshot being drawn (`snapshot.getRowState(row)`). */
  state: RowState
  /** The store the row acts on. */
  store: PickerStore
  /** The picker's row prop getters (`picker.rowGetters`). */
  getters: RowPropGetters
  /** Texts, class hooks and options shared by every row. */
  display: RowDisplay
  /** Position from the virtual list. */
  style?: CSSProperties
}

const sameStyle = (a: CSSProperties | undefined, b: CSSProperties | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.transform === b.transform &&
    a.height === b.height &&
    a.top === b.top &&
    a.width === b.width)

/**
 * Whether a row component can skip drawing: same row object, same state (equal states are one
 * object), same shared display and position. The mobile list's rows are memoised on it too.
 */
export function sameRowProps(
  a: Pick<PickerRowProps, 'row' | 'state' | 'display' | 'style'>,
  b: Pick<PickerRowProps, 'row' | 'state' | 'display' | 'style'>,
): boolean {
  return (
    a.row === b.row && a.state === b.state && a.display === b.display && sameStyle(a.style, b.style)
  )
}

/**
 * One row of the tree: expander, tri-state check box, name, role badge, relation, count; or a
 * loading, error (with retry) or empty row. Memoised on the row object, its state and the
 * shared display: the getters act through the store on `row` only, so a row whose state did not
 * change is not drawn again when the picker's snapshot changes.
 */
export const PickerRow = memo(function PickerRow({
  row,
  state,
  store,
  getters,
  display,
  style,
}: PickerRowProps) {
  const rowStyle = { ...style, '--epp-level': row.level - 1 } as CSSProperties
  if (row.kind === 'status')
    return (
      <StatusRowView
        row={row}
        display={display}
        rowProps={getters.row(row, state, { style: rowStyle })}
        retryProps={getters.retry(row)}
      />
    )

  return (
    <NodeRowView
      row={row}
      state={state}
      store={store}
      getters={getters}
      display={display}
      style={rowStyle}
    />
  )
}, sameRowProps)

/** A node's row: expander, box, label; a click opens a department or ticks anything else. */
function NodeRowView({
  row,
  state,
  store,
  getters,
  display,
  style,
}: PickerRowProps & { row: NodeRow }) {
  const { classNames } = display
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented) return
    // A department opens or closes; anything else is ticked, as its label would.
    if (state.expandable) store.toggleExpanded(row.key)
    else store.toggle(row)
  }
  const hint = rowHint(state, display.messages)
  const checked = state.checked
  return (
    <div
      {...getters.row(row, state, { style, onClick })}
      aria-label={rowAccessibleName(row, display, hint)}
      title={hint}
      className={partClass(
        'row',
        classNames,
        checked === true && 'epp-row--checked',
        checked === 'indeterminate' && 'epp-row--mixed',
        state.disabled && 'epp-row--disabled',
        state.locked && 'epp-row--locked',
        display.search && 'epp-row--result',
        // Where the expander or the box would be, the row's padding keeps the columns aligned:
        // no spacer elements to create while scrolling.
        !state.expandable && 'epp-row--leaf',
        !state.selectable && 'epp-row--boxless',
      )}
    >
      {state.expandable ? (
        <span
          {...getters.expander(row)}
          className={partClass('expander', classNames)}
          data-state={state.expanded ? 'open' : 'closed'}
        />
      ) : null}
      {state.selectable ? (
        // The row is the tree item that carries the checked state (`aria-checked`) and the focus;
        // its box is only drawn (hidden from assistive technology, out of the tab order), so a
        // plain element whose mark the stylesheet draws from `data-state` does: a tick changes
        // attributes, mounts nothing, and scrolling creates a few elements per row.
        <span {...getters.checkbox(row, state)} className={partClass('checkbox', classNames)} />
      ) : null}
      <RowLabel row={row} display={display} reason={state.disabledReason} flat />
    </div>
  )
}
