import type { PickerSnapshot, PickerStore, RowState, TreeRow } from '@epaas-picker/headless'
import { memo, useEffect, useId, useRef, type CSSProperties } from 'react'
import { List, type RowComponentProps } from 'react-window'
import { CheckboxButton } from './CheckboxButton.js'
import { partClass } from './classNames.js'
import { ChevronIcon } from './icons.js'
import { usePickerContext } from './PickerContext.js'
import { useRowSlotProps, useSlotRow, type RowSlotProps } from './useRowSlotProps.js'
import { sameRowProps } from './PickerRow.js'
import { RowLabel, rowAccessibleName, rowHint, type RowDisplay } from './RowLabel.js'
import { StatusRowView } from './StatusLabel.js'

/** Props of {@link DrillList}. */
export interface DrillListProps {
  /** Extra class of the list. */
  className?: string
  /** Style of the list element. */
  style?: CSSProperties
  /** Height (px) assumed before the list is measured. Default 400. */
  defaultHeight?: number
}

const shownRows = (snapshot: PickerSnapshot, search: boolean): readonly TreeRow[] =>
  search ? snapshot.searchRows : snapshot.drill.rows
const drillRows = (snapshot: PickerSnapshot) => shownRows(snapshot, false)
const searchRows = (snapshot: PickerSnapshot) => shownRows(snapshot, true)

const rowKey = (index: number, props: RowSlotProps) => props.rows.keyAt(index)

/**
 * The mobile layout's list: one level of the tree at a time (or the search results), each row
 * with a real checkbox and, for a department, a button that opens its level. Virtualized, with
 * touch targets of at least 44 px.
 */
export function DrillList({ className, style, defaultHeight = 400 }: DrillListProps) {
  const { picker, messages, classNames, rowHeight, searchRowHeight } = usePickerContext()
  const { snapshot } = picker
  const search = snapshot.mode === 'search'
  const rows = shownRows(snapshot, search)
  const rowProps = useRowSlotProps(search, rows)
  const level = search ? '?' : snapshot.drill.path.map((row) => row.key).join('|')
  // The search box's `aria-controls` points at the tree's ID; this list stands in for it.
  const { id } = picker.getTreeProps()
  const shownLevel = useRef(level)
  const focusPending = useRef(false)
  useEffect(() => {
    if (shownLevel.current !== level) {
      shownLevel.current = level
      // The button that opened the level is gone: keyboard focus goes into the new list (once
      // its rows are there) unless the user has put it somewhere already.
      focusPending.current = true
    }
    if (!focusPending.current) return
    const active = document.activeElement
    if (active && active !== document.body) {
      focusPending.current = false
      return
    }
    // By ID: the list's imperative handle reaches its element only one render later.
    const target = document
      .getElementById(id)
      ?.querySelector<HTMLElement>('[role="checkbox"], [role="radio"], button')
    if (target && rows[0]?.kind !== 'status') {
      focusPending.current = false
      target.focus()
    }
  }, [level, rows, id])
  return (
    <List
      key={level}
      id={id}
      aria-label={messages.treeLabel}
      aria-busy={rows[0]?.kind === 'status' && rows[0].status === 'loading' ? true : undefined}
      className={partClass('drillList', classNames, className)}
      style={style}
      rowComponent={DrillSlot}
      rowCount={rows.length}
      rowHeight={search ? searchRowHeight : rowHeight}
      rowProps={rowProps}
      rowKey={rowKey}
      defaultHeight={defaultHeight}
    />
  )
}

// Redrawn by its own subscription when its row or the row's state changes (see PickerTree).
function DrillSlot({ index, style, store, display }: RowComponentProps<RowSlotProps>) {
  const slot = useSlotRow(store, index, display.search ? searchRows : drillRows)
  if (!slot) return null
  return (
    <DrillRow row={slot.row} state={slot.state} store={store} display={display} style={style} />
  )
}

interface DrillRowProps {
  row: TreeRow
  state: RowState
  store: PickerStore
  display: RowDisplay
  style: CSSProperties
}

// A row's own position is its place in the level (or in the results) the list shows.
const DrillRow = memo(function DrillRow({ row, state, store, display, style }: DrillRowProps) {
  const boxId = useId()
  const { messages, classNames } = display
  const item = {
    role: 'listitem',
    // As on tree rows: where the row is, for an app's own styling and tests.
    'data-key': row.key,
    'aria-posinset': row.posinset,
    'aria-setsize': row.setsize,
    style,
  } as const
  if (row.kind === 'status')
    return (
      <StatusRowView
        row={row}
        display={display}
        rowProps={item}
        retryProps={{ onClick: () => store.retryRow(row) }}
      />
    )
  const hint = rowHint(state, messages)
  return (
    <div
      {...item}
      title={hint}
      className={partClass(
        'drillRow',
        classNames,
        state.checked === true && 'epp-row--checked',
        state.disabled && 'epp-row--disabled',
        state.locked && 'epp-row--locked',
      )}
    >
      {state.selectable ? (
        <CheckboxButton
          id={boxId}
          checked={state.checked}
          disabled={state.disabled || state.locked}
          role={display.single ? 'radio' : 'checkbox'}
          aria-label={rowAccessibleName(row, display, hint)}
          className={partClass('checkbox', classNames)}
          onToggle={() => store.toggle(row)}
        />
      ) : (
        <span className="epp-checkbox-spacer" />
      )}
      {state.expandable ? (
        <button type="button" className="epp-drill-open" onClick={() => store.drillInto(row.key)}>
          <span className="epp-visually-hidden">{`${messages.openLevel} `}</span>
          <RowLabel row={row} display={display} reason={state.disabledReason} />
          <ChevronIcon />
        </button>
      ) : (
        <label htmlFor={state.selectable ? boxId : undefined} className="epp-drill-label">
          <RowLabel row={row} display={display} reason={state.disabledReason} flat />
        </label>
      )}
    </div>
  )
}, sameRowProps)
