import type { CheckedState } from '@epaas-picker/headless'

/** Props of {@link CheckboxButton}. */
export interface CheckboxButtonProps {
  /** `true`, `false` or `'indeterminate'` (announced as `aria-checked="mixed"`). */
  checked: CheckedState
  /** Called on a click, on Space and on a click of a `<label htmlFor={id}>`; never on Enter. */
  onToggle: () => void
  /**
   * Marks the box as not tickable (`aria-disabled`, `data-disabled`) while leaving it focusable
   * and clickable: the store refuses the tick and says why. Default `false`.
   */
  disabled?: boolean
  /** ID, for the row's `<label htmlFor>`. */
  id?: string
  /** Accessible name. */
  'aria-label'?: string
  /** Class names. */
  className?: string
  /** `radio` in single choice (one pick in the list). Default `checkbox`. */
  role?: 'checkbox' | 'radio'
}

const dataState = (checked: CheckedState) =>
  checked === 'indeterminate' ? 'indeterminate' : checked ? 'checked' : 'unchecked'

/**
 * The mobile list's focusable tri-state box: a native button with `role="checkbox"` (the
 * WAI-ARIA checkbox pattern), its mark drawn by the stylesheet from `data-state`. Internal: apps
 * that want a form-aware box use `PickerCheckbox`.
 *
 * A button rather than `<input type="checkbox">`, whose mixed state is a DOM property only (the
 * server could not render it). It replaces Radix's checkbox in the default picker: Radix's
 * context, controllable state and hidden form input weighed more than the whole mobile list
 * (see `docs/benchmarks.md`, Size).
 */
export function CheckboxButton({
  checked,
  onToggle,
  disabled = false,
  role = 'checkbox',
  ...props
}: CheckboxButtonProps) {
  return (
    <button
      {...props}
      type="button"
      role={role}
      aria-checked={checked === 'indeterminate' ? (role === 'radio' ? false : 'mixed') : checked}
      aria-disabled={disabled || undefined}
      data-state={dataState(checked)}
      data-disabled={disabled ? '' : undefined}
      onClick={() => onToggle()}
      onKeyDown={(event) => {
        // A button clicks itself on Enter; the checkbox pattern ticks on Space only (as Radix).
        if (event.key === 'Enter') event.preventDefault()
      }}
    />
  )
}
