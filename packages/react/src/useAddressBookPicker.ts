import { usePicker, type UsePickerOptions } from '@epaas-picker/headless'
import { useMemo, useState } from 'react'
import type { PickerController } from './PickerContext.js'
import { createPickerHandle } from './createPickerHandle.js'

/** Holds the scroll function of the mounted virtual list (at most one at a time). */
class ScrollerSlot {
  #scrollTo: ((index: number) => void) | null = null

  register = (scrollTo: (index: number) => void): (() => void) => {
    this.#scrollTo = scrollTo
    return () => {
      if (this.#scrollTo === scrollTo) this.#scrollTo = null
    }
  }

  scrollTo(index: number): void {
    this.#scrollTo?.(index)
  }
}

/**
 * `usePicker` of `@epaas-picker/headless` wired for the styled parts: the virtual list inside
 * `PickerTree` registers itself so that keyboard moves to rows scrolled out of view bring them
 * back. Use it for a custom layout of the parts inside `PickerRoot`.
 *
 * @example
 * const picker = useAddressBookPicker({ select_type: 0, transport })
 * return (
 *   <PickerRoot picker={picker}>
 *     <PickerSearch />
 *     <PickerTree />
 *     <SelectedPanel />
 *   </PickerRoot>
 * )
 */
export function useAddressBookPicker(options: UsePickerOptions = {}): PickerController {
  const [scroller] = useState(() => new ScrollerSlot())
  const external = options.scrollToIndex
  const picker = usePicker({
    ...options,
    scrollToIndex: (index) => {
      external?.(index)
      scroller.scrollTo(index)
    },
  })
  return useMemo(() => createPickerHandle(picker, scroller.register), [picker, scroller])
}
