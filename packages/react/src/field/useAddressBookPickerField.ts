import { emptyPickerValue, entityKey, type PickerValue } from '@epaas-picker/protocol'
import {
  useId,
  useImperativeHandle,
  useRef,
  type ChangeEvent,
  type CompositionEvent,
  type ForwardedRef,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import type { AddressBookPickerProps } from '../AddressBookPicker.js'
import { resolveMessages, zhCN, type PickerMessages } from '../messages.js'
import type {
  AddressBookPickerFieldHandle,
  AddressBookPickerFieldProps,
} from './AddressBookPickerField.js'
import { fieldZhCN, type FieldMessages } from './fieldMessages.js'
import { chipItems, isEmptyValue, withoutEntity, type FieldChipItem } from './fieldValue.js'
import { useFieldValidity } from './useFieldValidity.js'
import { useFieldValue } from './useFieldValue.js'
import { usePickerOpening, type PickerOpening } from './usePickerOpening.js'

/** The field's state and actions, for its parts. */
export interface FieldState {
  input: RefObject<HTMLInputElement | null>
  value: PickerValue
  empty: boolean
  chips: FieldChipItem[]
  /** Entity keys of the locked chips, one per line. */
  locked: string
  /** Whether anything can be removed (a chip that is not locked). */
  clearable: boolean
  /** Neither disabled nor read-only. */
  editable: boolean
  invalid: boolean
  ids: { summary: string; error: string | undefined; describedBy: string | undefined }
  messages: PickerMessages
  texts: FieldMessages
  picker: PickerOpening
  /** The picker's options: the props without the field's own. */
  pickerProps: AddressBookPickerProps
  remove: (key: string) => void
  clear: () => void
  confirm: (value: PickerValue) => void
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void
  /**
   * Text typed, pasted or composed with an IME (Chinese input) into the field, which keeps none:
   * the picker opens searching for it, as antd's TreeSelect does.
   */
  onText: (event: ChangeEvent<HTMLInputElement> | CompositionEvent<HTMLInputElement>) => void
}

/** Everything `AddressBookPickerField` holds: value, validity, the picker's opening, the ref. */
export function useAddressBookPickerField(
  props: AddressBookPickerFieldProps,
  ref: ForwardedRef<AddressBookPickerFieldHandle>,
): FieldState {
  const input = useRef<HTMLInputElement>(null)
  const messages = resolveMessages(props.locale, props.messages)
  const texts = { ...fieldZhCN, ...(props.locale ?? zhCN).field, ...props.messages?.field }
  const field = useFieldValue({ ...props, formElement: input })
  const { value, isLocked, change } = field
  const empty = isEmptyValue(value)
  const validity = useFieldValidity({
    input,
    required: props.required ?? false,
    empty,
    requiredMessage: texts.required,
  })
  const picker = usePickerOpening(input, props)
  useFieldHandle(ref, input, picker.open, validity.setCustomValidity)
  const chips = chipItems(value)
  const removable = chips.map(({ item }) => entityKey(item)).filter((key) => !isLocked(key))
  const editable = !props.disabled && !props.readOnly
  const remove = (key: string) => change(withoutEntity(value, key))
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!editable) return
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') {
      // Enter would submit the form, and Space type a space: both open the picker instead.
      event.preventDefault()
      picker.open()
    } else if (event.key === 'Backspace') {
      const last = removable.at(-1)
      if (last) remove(last)
    }
  }
  return {
    input,
    value,
    empty,
    chips,
    locked: chips
      .map(({ item }) => entityKey(item))
      .filter(isLocked)
      .join('\n'),
    clearable: removable.length > 0,
    editable,
    invalid: props.invalid ?? hasError(props.error),
    ids: useFieldIds(props, empty),
    messages,
    texts,
    picker,
    pickerProps: pickerOptions(props),
    remove,
    clear: () => change(emptyPickerValue()),
    confirm: (next) => {
      change(next)
      picker.close()
    },
    onKeyDown,
    onText: (event) => {
      const text = 'data' in event ? event.data : event.target.value
      // Not while an IME composes: its end brings the whole word.
      if (editable && text && !(event.nativeEvent as InputEvent).isComposing) picker.open(text)
    },
  }
}

const hasError = (error: unknown) => error !== undefined && error !== null && error !== false

/** The ids the input is described by: the app's, the chips' summary (when any), the error. */
function useFieldIds(props: AddressBookPickerFieldProps, empty: boolean): FieldState['ids'] {
  const base = useId()
  const summary = `${base}-summary`
  const error = hasError(props.error) ? `${base}-error` : undefined
  const describedBy = [props['aria-describedby'], !empty && summary, error].filter(Boolean)
  return { summary, error, describedBy: describedBy.join(' ') || undefined }
}

/** The ref's handle: the input's focus and validity, and opening the picker. */
function useFieldHandle(
  ref: ForwardedRef<AddressBookPickerFieldHandle>,
  input: RefObject<HTMLInputElement | null>,
  open: () => void,
  setCustomValidity: (message: string) => void,
) {
  useImperativeHandle(
    ref,
    () => ({
      focus: (options) => input.current?.focus(options),
      blur: () => input.current?.blur(),
      open,
      checkValidity: () => input.current?.checkValidity() ?? true,
      reportValidity: () => input.current?.reportValidity() ?? true,
      setCustomValidity,
      get input() {
        return input.current
      },
    }),
    [input, open, setCustomValidity],
  )
}

/** The picker's options: the field's props without the field's own. */
function pickerOptions(props: AddressBookPickerFieldProps): AddressBookPickerProps {
  const {
    value: _value,
    defaultValue: _defaultValue,
    onChange: _onChange,
    onBlur: _onBlur,
    onFocus: _onFocus,
    name: _name,
    required: _required,
    disabled: _disabled,
    readOnly: _readOnly,
    error: _error,
    invalid: _invalid,
    placeholder: _placeholder,
    maxTagCount: _maxTagCount,
    dialogTitle: _dialogTitle,
    id: _id,
    'aria-label': _label,
    'aria-labelledby': _labelledBy,
    'aria-describedby': _describedBy,
    autoFocus: _autoFocus,
    className: _className,
    style: _style,
    ...picker
  } = props
  return picker
}
