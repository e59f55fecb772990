import type { PickerValue } from '@epaas-picker/protocol'
import type { ReactNode } from 'react'
import { AddressBookPicker, type AddressBookPickerProps } from './AddressBookPicker.js'
import { PickerDialog } from './PickerDialog.js'

/** Props of {@link AddressBookPickerDialog}: the picker's, plus the dialog's. */
export interface AddressBookPickerDialogProps extends AddressBookPickerProps {
  /** Whether the dialog is shown. */
  open: boolean
  /** Called with `false` on close, cancel and confirm. */
  onOpenChange: (open: boolean) => void
  /** Title of the dialog. Default `选择人员` (`Choose people` in en-US). */
  title?: ReactNode
}

/**
 * `AddressBookPicker` in a modal dialog with confirm and cancel; confirming or cancelling
 * closes it. Keep the value in the page (`value` / `onValueChange`, or read it in `onConfirm`):
 * the picker is unmounted while the dialog is closed.
 *
 * @example
 * <AddressBookPickerDialog open={open} onOpenChange={setOpen} onConfirm={setRecipients}
 *   defaultValue={recipients} select_role_list={[11, 13]} />
 */
export function AddressBookPickerDialog({
  open,
  onOpenChange,
  title,
  onConfirm,
  onCancel,
  ...props
}: AddressBookPickerDialogProps) {
  return (
    <PickerDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      locale={props.locale}
      messages={props.messages}
    >
      <AddressBookPicker
        {...props}
        onConfirm={(value: PickerValue) => {
          onConfirm?.(value)
          onOpenChange(false)
        }}
        onCancel={() => {
          onCancel?.()
          onOpenChange(false)
        }}
      />
    </PickerDialog>
  )
}
