import type { StatusRow } from '@epaas-picker/headless'
import type { HTMLAttributes } from 'react'
import { partClass } from './classNames.js'
import type { RowDisplay } from './RowLabel.js'

/** Props of {@link StatusLabel}. */
export interface StatusLabelProps {
  row: StatusRow
  display: RowDisplay
  /** Props of the retry button (the tree keeps it out of the tab order; Enter retries there). */
  retryProps: HTMLAttributes<HTMLElement>
}

/** What a status row says: loading, a load error with a retry button, or nothing there. */
export function StatusLabel({ row, display, retryProps }: StatusLabelProps) {
  const { messages, classNames } = display
  if (row.status === 'loading') {
    return (
      <>
        <span className="epp-spinner" aria-hidden="true" />
        <span>{messages.loading}</span>
      </>
    )
  }
  if (row.status === 'error') {
    return (
      <>
        <span className="epp-error-text">{messages.loadError}</span>
        <button type="button" {...retryProps} className={partClass('retry', classNames)}>
          {messages.retry}
        </button>
      </>
    )
  }
  return <span>{display.search ? messages.noResults(row.query ?? '') : messages.empty}</span>
}

/** Props of {@link StatusRowView}: the label's, plus the row element's own attributes. */
export interface StatusRowViewProps extends StatusLabelProps {
  /** Attributes of the row element (role, ARIA, position). */
  rowProps: HTMLAttributes<HTMLElement>
}

/** A status row of the tree or of the mobile list: its element with the status class. */
export function StatusRowView({ rowProps, ...label }: StatusRowViewProps) {
  const { row, display } = label
  return (
    <div
      {...rowProps}
      className={partClass('statusRow', display.classNames, `epp-status-row--${row.status}`)}
    >
      <StatusLabel {...label} />
    </div>
  )
}
