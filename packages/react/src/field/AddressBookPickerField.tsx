import { summarizeValue } from '@epaas-picker/headless'
import type { PickerValue } from '@epaas-picker/protocol'
import { forwardRef, type CSSProperties, type FocusEvent, type ReactNode } from 'react'
import type { AddressBookPickerProps } from '../AddressBookPicker.js'
import { partClass } from '../classNames.js'
import { FieldBox } from './FieldBox.js'
import { FieldDialog } from './FieldDialog.js'
import { useAddressBookPickerField } from './useAddressBookPickerField.js'

/**
 * Props of {@link AddressBookPickerField}: the form field's, plus every option of the picker it
 * opens (filters, `transport`, `lockedItems`, `selectionMode`, `confirmOnSelect`, `locale`, ...).
 */
export interface AddressBookPickerFieldProps extends Omit<
  AddressBookPickerProps,
  | 'value'
  | 'defaultValue'
  | 'onValueChange'
  | 'onConfirm'
  | 'onCancel'
  | 'requireSelection'
  | 'className'
  | 'style'
  | 'id'
> {
  /** The selection, controlled; `null` is empty. */
  value?: PickerValue | null | undefined
  /** The first selection, uncontrolled; a native form reset restores it. */
  defaultValue?: PickerValue | null | undefined
  /** Called with the new value: confirmed in the picker, a chip removed, cleared. */
  onChange?: ((value: PickerValue) => void) | undefined
  /** Called when the focus leaves the field (not when it moves into its picker). */
  onBlur?: ((event: FocusEvent<HTMLInputElement>) => void) | undefined
  /** Called when the field's input gets the focus. */
  onFocus?: ((event: FocusEvent<HTMLInputElement>) => void) | undefined
  /** Name of a hidden input carrying the value as JSON, for native forms (`FormData`). */
  name?: string | undefined
  /** An empty field fails the browser's validation (`form.checkValidity()`), with `messages.field.required`. */
  required?: boolean | undefined
  /** Nothing can be changed, focused or submitted (the hidden input is disabled too). */
  disabled?: boolean | undefined
  /** The chips show and the field is focusable; nothing opens or is removed. */
  readOnly?: boolean | undefined
  /** Shown under the box, and read with the field (`aria-describedby`). */
  error?: ReactNode | undefined
  /** `aria-invalid` of the field. Default: whether `error` is given. */
  invalid?: boolean | undefined
  /** Text of the empty box. Default `messages.field.placeholder` (`请选择`). */
  placeholder?: string | undefined
  /** Most chips shown; the others make one "+N" chip. Default: every chip. */
  maxTagCount?: number | undefined
  /** Title of the picker's dialog. Default `messages.dialogTitle` (`选择人员`). */
  dialogTitle?: ReactNode | undefined
  /** `id` of the field's input (for `<label htmlFor>`). */
  id?: string | undefined
  'aria-label'?: string | undefined
  'aria-labelledby'?: string | undefined
  'aria-describedby'?: string | undefined
  /** Focuses the field on mount. */
  autoFocus?: boolean | undefined
  /** Extra class of the field's root element. */
  className?: string | undefined
  /** Style of the field's root element. */
  style?: CSSProperties | undefined
}

/** What a ref on `AddressBookPickerField` holds: the input's focus and validity, and the picker. */
export interface AddressBookPickerFieldHandle {
  focus(options?: FocusOptions): void
  blur(): void
  /** Opens the picker (not when disabled or read-only). */
  open(): void
  checkValidity(): boolean
  reportValidity(): boolean
  /** A message of the app's (`''` clears it); it wins over the built-in `required` one. */
  setCustomValidity(message: string): void
  /** The field's input, `null` before mount. */
  readonly input: HTMLInputElement | null
}

/**
 * The picker as a form field, like antd's `TreeSelect`: a box with chips (same-named people told
 * apart, "+N" past `maxTagCount`, a remove button on each, a clear button), opening
 * `AddressBookPicker` in a dialog, or a full-screen sheet on a phone; focus comes back to the
 * field on close. Works in a plain `<form>` (`name`, `required`, reset) and with
 * react-hook-form's `Controller` (`value`, `onChange`, `onBlur`, `ref`, `disabled`) without glue.
 * Keyboard: Enter, Space or ArrowDown opens; typing opens it searching for what was typed (on a
 * desk the search box has the focus); Backspace removes the last chip.
 *
 * @example
 * <label htmlFor="recipients">接收人</label>
 * <AddressBookPickerField id="recipients" name="recipients" required maxTagCount={3}
 *   select_role_list={[Role.Student, Role.Parent]} />
 */
export const AddressBookPickerField = forwardRef<
  AddressBookPickerFieldHandle,
  AddressBookPickerFieldProps
>(function AddressBookPickerField(props, ref) {
  const field = useAddressBookPickerField(props, ref)
  const { value, empty, ids, messages, picker } = field
  return (
    <div
      lang={messages.lang}
      className={partClass(
        'field',
        props.classNames,
        `epp-theme-${props.theme ?? 'light'}`,
        props.className,
      )}
      style={props.style}
      data-disabled={props.disabled ? '' : undefined}
      data-readonly={props.readOnly ? '' : undefined}
      data-invalid={field.invalid ? '' : undefined}
    >
      <FieldBox field={field} props={props} />
      {empty ? null : (
        <span id={ids.summary} className="epp-visually-hidden">
          {messages.summary(summarizeValue(value))}
        </span>
      )}
      {props.name ? (
        <input
          type="hidden"
          name={props.name}
          value={JSON.stringify(value)}
          disabled={props.disabled}
        />
      ) : null}
      {ids.error ? (
        <div id={ids.error} className="epp-field-error">
          {props.error}
        </div>
      ) : null}
      {picker.dialog ? (
        <FieldDialog
          sheet={picker.dialog.sheet}
          search={picker.dialog.search}
          value={value}
          title={props.dialogTitle}
          picker={field.pickerProps}
          onConfirm={field.confirm}
          onClose={picker.close}
        />
      ) : null}
    </div>
  )
})
