import { chipLabel, summarizeValue } from '@epaas-picker/headless'
import { entityKey, type ExcludedEntity } from '@epaas-picker/protocol'
import { useId, useMemo, type ReactNode } from 'react'
import { partClass } from './classNames.js'
import { CrossIcon } from './icons.js'
import { usePickerContext } from './PickerContext.js'

/** Props of {@link SelectedPanel}. */
export interface SelectedPanelProps {
  /** Extra class of the panel. */
  className?: string
  /** Shown at the end of the header (e.g. a close button in a bottom sheet). */
  headerEnd?: ReactNode
}

/**
 * The selection as chips: departments and people (a parent once, with every child: `王五 ·
 * 张三、李四的家长`), exclusions apart; a remove button on each, clear all, and the count of
 * people by role.
 */
export function SelectedPanel({ className, headerEnd }: SelectedPanelProps) {
  const { picker, messages, classNames } = usePickerContext()
  const { store } = picker
  const { value } = picker.snapshot
  const titleId = useId()
  // Drawn again only when the value (or the texts) change, not on every snapshot: the store is
  // one object for the picker's life.
  return useMemo(() => {
    const summary = summarizeValue(value)
    const items = [...value.departments, ...value.users]
    const empty = items.length === 0 && value.excluded.length === 0
    const chip = (item: (typeof items)[number] | ExcludedEntity, excluded: boolean) => {
      const label = chipLabel(item, messages.parentRelation)
      const key = entityKey(item)
      return (
        <li
          key={key}
          className={partClass('chip', classNames, excluded && 'epp-chip--excluded')}
          data-kind={excluded ? 'excluded' : item.type}
        >
          {item.type === 'user' && !excluded ? (
            <span className="epp-chip-role">{messages.roles[item.role_id]}</span>
          ) : null}
          <span className="epp-chip-label">{label}</span>
          <button
            type="button"
            className="epp-chip-remove"
            aria-label={excluded ? messages.removeExclusion(label) : messages.removeItem(label)}
            onClick={() => store.removeEntity(key)}
          >
            <CrossIcon />
          </button>
        </li>
      )
    }
    return (
      <section
        className={partClass('selectedPanel', classNames, className)}
        aria-labelledby={titleId}
      >
        <header className="epp-selected-header">
          <h2 id={titleId} className="epp-selected-title">
            {messages.selectedTitle}
            {empty ? null : (
              <span className="epp-selected-count">
                {' '}
                {messages.selectedCount(summary.estimatedPeople)}
              </span>
            )}
          </h2>
          {empty ? null : (
            <button type="button" className="epp-clear" onClick={() => store.clearSelection()}>
              {messages.clearAll}
            </button>
          )}
          {headerEnd}
        </header>
        {empty ? (
          <p className="epp-selected-empty">{messages.nothingSelected}</p>
        ) : (
          <>
            <p className="epp-selected-summary" aria-live="polite">
              {messages.summary(summary)}
            </p>
            {items.length > 0 ? (
              <ul className="epp-chips">{items.map((item) => chip(item, false))}</ul>
            ) : null}
            {value.excluded.length > 0 ? (
              <>
                <h3 className="epp-excluded-title">{messages.excludedTitle}</h3>
                <ul className="epp-chips">{value.excluded.map((item) => chip(item, true))}</ul>
              </>
            ) : null}
          </>
        )}
      </section>
    )
  }, [value, store, messages, classNames, className, headerEnd, titleId])
}
