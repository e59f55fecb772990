import type { CheckedState } from '@epaas-picker/headless'
import * as Checkbox from '@radix-ui/react-checkbox'
import { forwardRef, type ComponentPropsWithoutRef } from 'react'
import { CheckIcon, DashIcon } from './icons.js'

/** Props of {@link PickerCheckbox}: Radix's checkbox with the picker's tri-state. */
export interface PickerCheckboxProps extends Omit<
  ComponentPropsWithoutRef<typeof Checkbox.Root>,
  'checked'
> {
  /** `true`, `false` or `'indeterminate'` (something below is ticked or excluded). */
  checked: CheckedState
}

/** A tri-state checkbox (`@radix-ui/react-checkbox`) with check and dash marks. */
export const PickerCheckbox = forwardRef<HTMLButtonElement, PickerCheckboxProps>(
  function PickerCheckbox({ checked, ...props }, ref) {
    return (
      <Checkbox.Root ref={ref} checked={checked} {...props}>
        <Checkbox.Indicator className="epp-checkbox-mark">
          {checked === 'indeterminate' ? <DashIcon /> : <CheckIcon />}
        </Checkbox.Indicator>
      </Checkbox.Root>
    )
  },
)
