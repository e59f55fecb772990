import { useId, type ReactNode } from 'react'
import { partClass } from './classNames.js'
import { CrossIcon } from './icons.js'
import { ModalDialog } from './ModalDialog.js'
import { resolveMessages, type PickerMessages } from './messages.js'

/** Props of {@link PickerDialog}. */
export interface PickerDialogProps {
  /** Whether the dialog is shown. The content is mounted only while it is. */
  open: boolean
  /** Called with `false` when the user closes it (close button, Escape, backdrop). */
  onOpenChange: (open: boolean) => void
  /** Title in the header. Default: `messages.dialogTitle` of `locale` (`选择人员`). */
  title?: ReactNode
  /** Language of the built-in title and close button: a locale's texts. Default `zhCN`. */
  locale?: PickerMessages
  /** Replaces the built-in texts used here (`dialogTitle`, `close`). */
  messages?: Partial<PickerMessages>
  /** Accessible name of the close button. Default `messages.close` (`关闭`). */
  closeLabel?: string
  /** Extra class of the `<dialog>`. */
  className?: string
  /** The picker. */
  children: ReactNode
}

/**
 * A modal dialog for the picker (a native `<dialog>`: focus stays inside, Escape closes).
 *
 * @example
 * <PickerDialog open={open} onOpenChange={setOpen}>
 *   <AddressBookPicker onConfirm={(value) => { save(value); setOpen(false) }}
 *     onCancel={() => setOpen(false)} />
 * </PickerDialog>
 */
export function PickerDialog({
  open,
  onOpenChange,
  title,
  locale,
  messages: overrides,
  closeLabel,
  className,
  children,
}: PickerDialogProps) {
  const titleId = useId()
  const messages = resolveMessages(locale, overrides)
  return (
    <ModalDialog
      open={open}
      onClose={() => onOpenChange(false)}
      aria-labelledby={titleId}
      className={partClass('dialog', undefined, className)}
    >
      <div className="epp-dialog-header">
        <h2 id={titleId} className="epp-dialog-title">
          {title ?? messages.dialogTitle}
        </h2>
        <button
          type="button"
          className="epp-icon-button"
          aria-label={closeLabel ?? messages.close}
          onClick={() => onOpenChange(false)}
        >
          <CrossIcon />
        </button>
      </div>
      <div className="epp-dialog-body">{children}</div>
    </ModalDialog>
  )
}
