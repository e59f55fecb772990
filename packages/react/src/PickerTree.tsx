import type { PickerSnapshot } from '@epaas-picker/headless'
import { useRef, type CSSProperties } from 'react'
import { List, useListRef, type RowComponentProps } from 'react-window'
import { partClass } from './classNames.js'
import { usePickerContext } from './PickerContext.js'
import { PickerRow } from './PickerRow.js'
import { useRowSlotProps, useSlotRow, type RowSlotProps } from './useRowSlotProps.js'
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js'

/** Props of {@link PickerTree}. */
export interface PickerTreeProps {
  /** Extra class of the tree element. */
  className?: string
  /** Style of the tree element (give it a height, or let it fill a flex parent). */
  style?: CSSProperties
  /** Height (px) assumed before the list is measured, e.g. on the server. Default 400. */
  defaultHeight?: number
  /**
   * Rows drawn beyond the visible ones, each way. Default 3: each is created and laid out on
   * every jump of a fast scroll.
   */
  overscanCount?: number
}

const treeRows = (snapshot: PickerSnapshot) => snapshot.rows

// Rendered by the list only when its index or position changes; its own subscription redraws it
// when its row or the row's state changes.
function TreeRowSlot({ index, style, store, getters, display }: RowComponentProps<RowSlotProps>) {
  const slot = useSlotRow(store, index, treeRows)
  if (!slot) return null
  return (
    <PickerRow
      row={slot.row}
      state={slot.state}
      store={store}
      getters={getters}
      display={display}
      style={style}
    />
  )
}

// Rows keep their element across inserts above them (an expand splices rows in).
const rowKey = (index: number, props: RowSlotProps) => props.rows.keyAt(index)

/**
 * The virtualized tree (react-window 2): WAI-ARIA tree view with roving focus, type-ahead and
 * multi-select; search results replace the tree while the search box holds text, and the tree
 * comes back with its expanded rows and scroll position.
 */
export function PickerTree({
  className,
  style,
  defaultHeight = 400,
  overscanCount = 3,
}: PickerTreeProps) {
  const { picker, messages, classNames, rowHeight, searchRowHeight } = usePickerContext()
  const listRef = useListRef(null)
  const { snapshot } = picker
  const mode = snapshot.mode
  const rowProps = useRowSlotProps(mode === 'search', picker.rows)

  const register = picker.registerScroller
  useIsomorphicLayoutEffect(
    () => register?.((index) => listRef.current?.scrollToRow({ index, align: 'smart' })),
    [register, listRef],
  )

  // Each mode keeps its own scroll offset in the store; put it back when the mode changes.
  const shownMode = useRef(mode)
  useIsomorphicLayoutEffect(() => {
    if (shownMode.current === mode) return
    shownMode.current = mode
    scrollElementTo(listRef.current?.element, snapshot.scrollOffset)
  }, [mode, snapshot, listRef])

  const store = picker.store
  const treeProps = picker.getTreeProps({ 'aria-label': messages.treeLabel })
  // The store reads the offset when the mode is about to change, not on every scroll: reading
  // `scrollTop` in a scroll handler would force a layout in every frame of a scroll.
  useIsomorphicLayoutEffect(
    () => store.trackScrollOffset(() => listRef.current?.element?.scrollTop ?? 0),
    [store, listRef],
  )

  return (
    <List
      {...treeProps}
      listRef={listRef}
      className={partClass('tree', classNames, className)}
      style={style}
      rowComponent={TreeRowSlot}
      rowCount={picker.rows.length}
      rowHeight={mode === 'search' ? searchRowHeight : rowHeight}
      rowProps={rowProps}
      rowKey={rowKey}
      overscanCount={overscanCount}
      defaultHeight={defaultHeight}
    />
  )
}

function scrollElementTo(element: HTMLElement | null | undefined, offset: number) {
  if (element) element.scrollTop = offset
}
