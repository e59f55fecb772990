import { useEffect, useLayoutEffect } from 'react'

/**
 * `useLayoutEffect` in the browser (it runs before paint), `useEffect` on the server, where a
 * layout effect would only warn and never run.
 */
export const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect
