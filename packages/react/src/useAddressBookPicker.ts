import { usePicker, type UsePickerOptions } from '@epaas-picker/headless'
import { useCallback, useMemo, useRef } from 'react'
import type { PickerController } from './PickerContext.js'

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
  const scrollerRef = useRef<((index: number) => void) | null>(null)
  const external = options.scrollToIndex
  const picker = usePicker({
    ...options,
    scrollToIndex: (index) => {
      external?.(index)
      scrollerRef.current?.(index)
    },
  })
  const registerScroller = useCallback((scrollTo: (index: number) => void) => {
    scrollerRef.current = scrollTo
    return () => {
      if (scrollerRef.current === scrollTo) scrollerRef.current = null
    }
  }, [])
  return useMemo(() => ({ ...picker, registerScroller }), [picker, registerScroller])
}
