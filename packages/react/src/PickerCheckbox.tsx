import type { CheckedState } from '@epaas-picker/headless'
import * as Checkbox from '@radix-ui/react-checkbox'
import { forwardRef, type ComponentPropsWithoutRef } from 'react'

/**
 * Props of {@link PickerCheckbox}: Radix's checkbox (`name`, `value`, `required`, `form`, ...)
 * with the picker's tri-state.
 */
export interface PickerCheckboxProps extends Omit<
  ComponentPropsWithoutRef<typeof Checkbox.Root>,
  'checked'
> {
  /** `true`, `false` or `'indeterminate'` (something below is ticked or excluded). */
  checked: CheckedState
}

/**
 * A focusable tri-state checkbox (`@radix-ui/react-checkbox`) for custom layouts whose rows are
 * not tree items. Inside a `<form>` it brings Radix's form integration: a hidden
 * `<input type="checkbox">` that carries `name`, `value` and `required` into the form's data and
 * validation, and a call of `onCheckedChange` with the first state when the form is reset. Give
 * it the class `epp-checkbox` and the stylesheet draws its check or dash mark from `data-state`.
 *
 * The built-in picker does not use it (the mobile list has a plain checkbox button of its own),
 * so an app that does not import it ships no Radix code.
 *
 * @example
 * <PickerCheckbox
 *   className="epp-checkbox"
 *   checked={state.checked}
 *   aria-label={name}
 *   onCheckedChange={() => store.toggle(row)}
 * />
 */
export const PickerCheckbox = forwardRef<HTMLButtonElement, PickerCheckboxProps>(
  function PickerCheckbox({ checked, ...props }, ref) {
    return <Checkbox.Root ref={ref} checked={checked} {...props} />
  },
)
