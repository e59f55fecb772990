import { ItemRules, type SelectionItem } from '@epaas-picker/headless'
import { emptyPickerValue, type PickerValue } from '@epaas-picker/protocol'
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'

/** Options of {@link useFieldValue}: the field's value props. */
export interface FieldValueOptions {
  value?: PickerValue | null | undefined
  defaultValue?: PickerValue | null | undefined
  onChange?: ((value: PickerValue) => void) | undefined
  lockedItems?: readonly SelectionItem[] | undefined
  /** An element inside the field's form: a native form reset restores `defaultValue`. */
  formElement: RefObject<HTMLInputElement | null>
}

/** What {@link useFieldValue} answers. */
export interface FieldValue {
  /** The value shown and submitted: locked items always in it. */
  value: PickerValue
  /** Whether an entity key is locked (its chip has no remove button). */
  isLocked: (key: string) => boolean
  /** Sets a new value (locked items kept): applied when uncontrolled, told to `onChange`. */
  change: (next: PickerValue) => void
}

/**
 * The field's value, controlled (`value`, `null` for empty) or not (`defaultValue`), with the
 * locked items winning as in the picker: a first value without them is shown with them and
 * proposed to `onChange` once, after mount. A native form reset restores `defaultValue` when
 * uncontrolled.
 */
export function useFieldValue({
  value,
  defaultValue,
  onChange,
  lockedItems,
  formElement,
}: FieldValueOptions): FieldValue {
  const [own, setOwn] = useState<PickerValue>(() => defaultValue ?? emptyPickerValue())
  const controlled = value !== undefined
  const given = controlled ? (value ?? EMPTY) : own
  const rules = useMemo(() => new ItemRules([], lockedItems ?? []), [lockedItems])
  const shown = useMemo(() => rules.withLocked(given), [rules, given])
  const latest = useRef({ onChange, controlled, defaultValue, rules })
  useEffect(() => {
    latest.current = { onChange, controlled, defaultValue, rules }
  })
  const change = useMemo(
    () => (next: PickerValue) => {
      const withLocked = latest.current.rules.withLocked(next)
      if (!latest.current.controlled) setOwn(withLocked)
      latest.current.onChange?.(withLocked)
    },
    [],
  )

  // As in the picker: a value without the locked items is shown with them, and the value with
  // them is proposed to the owner after the commit (not during render), once per value given.
  const proposedFor = useRef<PickerValue | undefined>(undefined)
  useEffect(() => {
    if (shown === given || proposedFor.current === given) return
    proposedFor.current = given
    change(shown)
  }, [shown, given, change])

  useEffect(() => {
    const form = formElement.current?.form
    if (!form) return
    const onReset = () => {
      if (!latest.current.controlled) change(latest.current.defaultValue ?? emptyPickerValue())
    }
    form.addEventListener('reset', onReset)
    return () => form.removeEventListener('reset', onReset)
  }, [formElement, change])

  return { value: shown, isLocked: (key) => rules.isLocked(key), change }
}

const EMPTY: PickerValue = Object.freeze(emptyPickerValue()) as PickerValue
