/**
 * Helpers for prop getters that merge the caller's props instead of overwriting them.
 */
import type { Ref, RefCallback } from 'react'

/**
 * Calls the caller's handler first, then ours unless the caller called `preventDefault()`.
 *
 * @example
 * onKeyDown: composeHandlers(props.onKeyDown, ourKeyDown)
 */
export function composeHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}

/** One ref callback feeding several refs (callback or object refs). */
export function mergeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (element) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(element)
      else if (ref) (ref as { current: T | null }).current = element
    }
  }
}
