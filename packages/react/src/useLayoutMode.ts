import { useState, type RefObject } from 'react'
import type { PickerLayout } from './PickerContext.js'
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js'

/** How the layout is chosen: by the root's width (`auto`), or fixed. */
export type LayoutOption = 'auto' | PickerLayout

/**
 * The layout for an element: `mobile` while it is narrower than `breakpoint` px (with `auto`),
 * `desktop` on the server and until measured.
 */
export function useLayoutMode(
  element: RefObject<HTMLElement | null>,
  option: LayoutOption,
  breakpoint: number,
): PickerLayout {
  const [measured, setMeasured] = useState<PickerLayout>('desktop')
  useIsomorphicLayoutEffect(() => {
    const node = element.current
    if (option !== 'auto' || !node) return
    const pick = (width: number) =>
      setMeasured(width > 0 && width < breakpoint ? 'mobile' : 'desktop')
    pick(node.getBoundingClientRect().width)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1]
      if (entry) pick(entry.contentRect.width)
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [element, option, breakpoint])
  return option === 'auto' ? measured : option
}
