import type { StatusRow } from '@epaas-picker/headless'
import type { HTMLAttributes } from 'react'
import { partClass } from './classNames.js'
import type { PickerController } from './PickerContext.js'
import type { RowDisplay } from './RowLabel.js'

/** Props of {@link StatusLabel}. */
export interface StatusLabelProps {
  row: StatusRow
  picker: PickerController
  display: RowDisplay
  /** Props of the retry button (the tree keeps it out of the tab order; Enter retries there). */
  retryProps: HTMLAttributes<HTMLElement>
}

/** What a status row says: loading, a load error with a retry button, or nothing there. */
export function StatusLabel({ row, picker, display, retryProps }: StatusLabelProps) {
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
  const { search } = picker.snapshot
  return (
    <span>
      {display.search ? messages.noResults(search.query || search.input.trim()) : messages.empty}
    </span>
  )
}
