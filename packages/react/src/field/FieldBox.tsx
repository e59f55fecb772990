import type { MouseEvent } from 'react'
import { CrossIcon } from '../icons.js'
import type { AddressBookPickerFieldProps } from './AddressBookPickerField.js'
import { FieldChips } from './FieldChips.js'
import type { FieldState } from './useAddressBookPickerField.js'

/** Props of {@link FieldBox}. */
export interface FieldBoxProps {
  field: FieldState
  props: AddressBookPickerFieldProps
}

/**
 * The input-like box: chips, the input (a combobox opening a dialog, holding the focus and the
 * validity), the clear button. A click anywhere in it but on a button opens the picker.
 */
export function FieldBox({ field, props }: FieldBoxProps) {
  const { input, picker, texts, ids } = field
  const onMouseDown = (event: MouseEvent) => {
    // A press on the chips keeps the focus in the input, instead of dropping it on the page.
    if (event.target !== input.current && !props.disabled) {
      event.preventDefault()
      input.current?.focus()
    }
  }
  const onClick = (event: MouseEvent) => {
    if (!(event.target as Element).closest('button')) picker.open()
  }
  return (
    <div className="epp-field-box" onMouseDown={onMouseDown} onClick={onClick}>
      {field.chips.length > 0 ? (
        <FieldChips
          items={field.chips}
          maxTagCount={props.maxTagCount}
          locked={field.locked}
          removable={field.editable}
          onRemove={field.remove}
          messages={field.messages}
          fieldMessages={texts}
          classNames={props.classNames}
        />
      ) : null}
      <input
        ref={input}
        id={props.id}
        className="epp-field-input"
        role="combobox"
        aria-haspopup="dialog"
        aria-expanded={picker.isOpen}
        aria-required={props.required || undefined}
        aria-invalid={field.invalid || undefined}
        aria-label={props['aria-label']}
        aria-labelledby={props['aria-labelledby']}
        aria-describedby={ids.describedBy}
        // The value is the chips: typed text opens the picker's search instead of staying here,
        // and no keyboard pops up on a phone.
        value=""
        onChange={field.onText}
        inputMode="none"
        autoComplete="off"
        placeholder={field.empty ? (props.placeholder ?? texts.placeholder) : undefined}
        disabled={props.disabled}
        readOnly={props.readOnly}
        autoFocus={props.autoFocus}
        onKeyDown={field.onKeyDown}
        onCompositionEnd={field.onText}
        onFocus={props.onFocus}
        onBlur={(event) => {
          // Into the picker is not away from the field.
          if (!picker.isOpening()) props.onBlur?.(event)
        }}
      />
      {field.editable && field.clearable ? <ClearButton field={field} /> : null}
    </div>
  )
}

/** Clears everything but the locked items; out of the tab order, as the chips' buttons. */
function ClearButton({ field }: { field: FieldState }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      className="epp-icon-button epp-field-clear"
      aria-label={field.texts.clear}
      onMouseDown={(event) => event.preventDefault()}
      onClick={field.clear}
    >
      <CrossIcon />
    </button>
  )
}
