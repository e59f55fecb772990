import type { PickerValue } from '@epaas-picker/protocol'
import { useDeferredValue, type ReactNode } from 'react'
import { partClass } from './classNames.js'
import { usePickerContext } from './PickerContext.js'
import { usePickerCount } from './RecipientCount.js'

/** Props of {@link PickerFooter}. */
export interface PickerFooterProps {
  /** Called with the value when the confirm button is pressed. */
  onConfirm?: (value: PickerValue) => void
  /** Called when the cancel button is pressed. Without it, no cancel button is shown. */
  onCancel?: () => void
  /** Disables confirm while nothing is selected. Default false. */
  requireSelection?: boolean
  /** Shown before the buttons (the mobile layout puts its selected-panel button here). */
  start?: ReactNode
  /** Extra class of the footer. */
  className?: string
}

/** The footer: the count of people (exact, or estimated), cancel and confirm. */
export function PickerFooter({
  onConfirm,
  onCancel,
  requireSelection = false,
  start,
  className,
}: PickerFooterProps) {
  const { picker, messages, classNames } = usePickerContext()
  // The count follows a tick in a deferred render, after the ticked row has painted.
  const snapshot = useDeferredValue(picker.snapshot)
  const { count } = usePickerCount(snapshot)
  const nothing = count.kind === 'none'
  const { store } = picker
  return (
    <footer className={partClass('footer', classNames, className)}>
      {start ?? (
        <span className="epp-footer-count" aria-live="polite">
          {messages.countText(count)}
        </span>
      )}
      <span className="epp-footer-actions">
        {onCancel ? (
          <button type="button" className="epp-button" onClick={() => onCancel()}>
            {messages.cancel}
          </button>
        ) : null}
        {onConfirm ? (
          <button
            type="button"
            className="epp-button epp-button--primary"
            disabled={requireSelection && nothing}
            // The value as it is now, not as the deferred count last showed it.
            onClick={() => onConfirm(store.getSnapshot().value)}
          >
            {messages.confirm}
          </button>
        ) : null}
      </span>
    </footer>
  )
}
