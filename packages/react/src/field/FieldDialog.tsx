import type { PickerValue } from '@epaas-picker/protocol'
import { useEffect, useId, type ReactNode } from 'react'
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
  /** A search to start with (what was typed into the field). */
  search: string | undefined
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
export function FieldDialog({
  sheet,
  value,
  search,
  onConfirm,
  onClose,
  title,
  picker,
}: FieldDialogProps) {
  const id = useId()
  // The dialog focuses its first button (close) when it opens. On a desk the search box is where
  // typing continues and ArrowDown enters the tree; on a phone it would raise the keyboard over
  // half the sheet, so it is focused there only when something was typed.
  useEffect(() => {
    if (sheet && search === undefined) return
    const box = document.getElementById(id)?.querySelector<HTMLInputElement>('input[type="search"]')
    box?.focus()
    box?.setSelectionRange(box.value.length, box.value.length)
  }, [id, sheet, search])
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
        id={id}
        defaultSearchValue={search ?? picker.defaultSearchValue}
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
