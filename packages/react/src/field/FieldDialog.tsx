import type { PickerValue } from '@epaas-picker/protocol'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { AddressBookPicker, type AddressBookPickerProps } from '../AddressBookPicker.js'
import { cx } from '../classNames.js'
import { PickerDialog } from '../PickerDialog.js'

/** Props of {@link FieldDialog}. */
export interface FieldDialogProps {
  /** A full-screen sheet with the mobile layout (phones), else a dialog with the tree. */
  sheet: boolean
  /** The field's value when the picker opens. */
  value: PickerValue
  onConfirm: (value: PickerValue) => void
  onClose: () => void
  title: ReactNode | undefined
  /** The picker's options (filters, transport, locked items, texts, ...). */
  picker: AddressBookPickerProps
}

/**
 * The field's picker: `AddressBookPicker` in the picker's modal dialog, in a portal on
 * `document.body` so that nothing of it is inside the field's form (its search box would submit
 * the form on Enter, its inputs would be validated with it). Confirm hands the value over;
 * cancel, Escape and the close button change nothing.
 */
export function FieldDialog({ sheet, value, onConfirm, onClose, title, picker }: FieldDialogProps) {
  return createPortal(
    <PickerDialog
      open
      onOpenChange={(open) => open || onClose()}
      title={title}
      locale={picker.locale}
      messages={picker.messages}
      // The dialog's frame follows the picker's theme, as the picker does.
      className={cx(
        sheet && 'epp-field-sheet',
        picker.theme && picker.theme !== 'light' && `epp-theme-${picker.theme}`,
      )}
    >
      <AddressBookPicker
        {...picker}
        layout={sheet ? 'mobile' : 'desktop'}
        style={sheet ? { height: '100%' } : undefined}
        defaultValue={value}
        onConfirm={onConfirm}
        onCancel={onClose}
      />
    </PickerDialog>,
    document.body,
  )
}
