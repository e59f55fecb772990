import type { CheckedState } from '@epaas-picker/headless'
import * as Checkbox from '@radix-ui/react-checkbox'
import { forwardRef, type ComponentPropsWithoutRef } from 'react'

/** Props of {@link PickerCheckbox}: Radix's checkbox with the picker's tri-state. */
export interface PickerCheckboxProps extends Omit<
  ComponentPropsWithoutRef<typeof Checkbox.Root>,
  'checked'
> {
  /** `true`, `false` or `'indeterminate'` (something below is ticked or excluded). */
  checked: CheckedState
}

/**
 * A focusable tri-state checkbox (`@radix-ui/react-checkbox`), for lists whose rows are not tree
 * items: the mobile drill-down list, custom layouts. Its check or dash mark is drawn by the
 * stylesheet from `data-state`, so a tick changes an attribute instead of mounting a mark.
 *
 * @example
 * <PickerCheckbox checked={state.checked} aria-label={name} onCheckedChange={() => store.toggle(row)} />
 */
export const PickerCheckbox = forwardRef<HTMLButtonElement, PickerCheckboxProps>(
  function PickerCheckbox({ checked, ...props }, ref) {
    return <Checkbox.Root ref={ref} checked={checked} {...props} />
  },
)
