import {
  chipDetails,
  summarizeValue,
  type PickerSnapshot,
  type PickerStore,
  type SelectionItem,
} from '@epaas-picker/headless'
import { entityKey, type PickerValue } from '@epaas-picker/protocol'
import { memo, useDeferredValue, useId, useMemo, type ReactNode } from 'react'
import { ChipItem } from './ChipItem.js'
import { partClass, type PickerClassNames } from './classNames.js'
import { CrossIcon } from './icons.js'
import type { PickerMessages } from './messages.js'
import { usePickerContext } from './PickerContext.js'
import { useCountOf } from './RecipientCount.js'

/** Props of {@link SelectedPanel}. */
export interface SelectedPanelProps {
  /** Extra class of the panel. */
  className?: string
  /** Shown at the end of the header (e.g. a close button in a bottom sheet). */
  headerEnd?: ReactNode
}

/**
 * The selection as chips: departments and people (a parent once, with every child: `王五 ·
 * 张三、李四的家长`), exclusions apart; same-looking chips say what tells them apart (`张三 ·
 * 一年级(1)班`); a remove button on each, clear all, and the count (exact through the proxy, or
 * an honest estimate).
 */
export function SelectedPanel({ className, headerEnd }: SelectedPanelProps) {
  const { picker, messages, classNames } = usePickerContext()
  // A tick paints its row first: the panel follows in a deferred render of its own (and its
  // layout is contained by the stylesheet), so the tick's frame lays out the row alone.
  const snapshot = useDeferredValue(picker.snapshot)
  return (
    <SelectedPanelView
      snapshot={snapshot}
      store={picker.store}
      messages={messages}
      classNames={classNames}
      className={className}
      headerEnd={headerEnd}
    />
  )
}

interface SelectedPanelViewProps extends SelectedPanelProps {
  snapshot: PickerSnapshot
  store: PickerStore
  messages: PickerMessages
  classNames: PickerClassNames | undefined
}

// Drawn when the (deferred) snapshot changes, not when the picker's context does.
const SelectedPanelView = memo(function SelectedPanelView({
  snapshot,
  store,
  messages,
  classNames,
  className,
  headerEnd,
}: SelectedPanelViewProps) {
  const { value } = snapshot
  const { count, retry } = useCountOf(snapshot.summary)
  const titleId = useId()
  const empty = value.departments.length + value.users.length + value.excluded.length === 0
  const keys = [...value.departments, ...value.users, ...value.excluded].map((item) =>
    entityKey(item),
  )
  // Locked items stay whatever is cleared: "clear all" is for the others.
  const locked = keys.filter((key) => snapshot.isLocked(key))
  const clearable = locked.length < keys.length
  return (
    <section
      className={partClass('selectedPanel', classNames, className)}
      aria-labelledby={titleId}
    >
      <header className="epp-selected-header">
        <h2 id={titleId} className="epp-selected-title">
          {messages.selectedTitle}
          {empty ? null : (
            <span className="epp-selected-count" aria-live="polite">
              {' '}
              {messages.countText(count)}
            </span>
          )}
        </h2>
        {retry ? (
          <button type="button" className="epp-clear" onClick={retry}>
            {messages.countRetry}
          </button>
        ) : null}
        {!clearable ? null : (
          <button type="button" className="epp-clear" onClick={() => store.clearSelection()}>
            {messages.clearAll}
          </button>
        )}
        {headerEnd}
      </header>
      {empty ? (
        <p className="epp-selected-empty">{messages.nothingSelected}</p>
      ) : (
        <Chips
          value={value}
          store={store}
          messages={messages}
          classNames={classNames}
          locked={locked.join('\n')}
        />
      )}
    </section>
  )
})

interface ChipsProps {
  value: PickerValue
  store: PickerStore
  messages: PickerMessages
  classNames: PickerClassNames | undefined
  /** Entity keys of the locked items, one per line (a string, so that equal lists compare equal). */
  locked: string
}

// Drawn again only when the value (or the texts) change, not on every snapshot or count.
const Chips = memo(function Chips({ value, store, messages, classNames, locked }: ChipsProps) {
  const items = [...value.departments, ...value.users]
  const excluded = value.excluded as SelectionItem[]
  const lockedKeys = new Set(locked.split('\n'))
  const details = useMemo(
    () =>
      chipDetails([...value.departments, ...value.users, ...(value.excluded as SelectionItem[])]),
    [value],
  )
  const chip = (item: SelectionItem, isExcluded: boolean) => (
    <Chip
      key={entityKey(item)}
      item={item}
      excluded={isExcluded}
      detail={details.get(entityKey(item))}
      locked={lockedKeys.has(entityKey(item))}
      store={store}
      messages={messages}
      classNames={classNames}
    />
  )
  return (
    <>
      <p className="epp-selected-summary">{messages.summary(summarizeValue(value))}</p>
      {items.length > 0 ? (
        <ul className="epp-chips">{items.map((item) => chip(item, false))}</ul>
      ) : null}
      {excluded.length > 0 ? (
        <>
          <h3 className="epp-excluded-title">{messages.excludedTitle}</h3>
          <ul className="epp-chips">{excluded.map((item) => chip(item, true))}</ul>
        </>
      ) : null}
    </>
  )
})

interface ChipProps extends Omit<ChipsProps, 'value' | 'locked'> {
  item: SelectionItem
  excluded: boolean
  /** Locked: no remove button. */
  locked: boolean
  /** What tells the chip apart from another that reads the same. */
  detail: string | undefined
}

function Chip({ item, excluded, detail, locked, store, messages, classNames }: ChipProps) {
  return (
    <ChipItem
      item={item}
      excluded={excluded}
      detail={detail}
      locked={locked}
      messages={messages}
      classNames={classNames}
      end={(removeLabel) =>
        locked ? (
          <span className="epp-chip-lock">{messages.lockedHint}</span>
        ) : (
          <button
            type="button"
            className="epp-chip-remove"
            aria-label={removeLabel}
            onClick={() => store.removeEntity(entityKey(item))}
          >
            <CrossIcon />
          </button>
        )
      }
    />
  )
}
