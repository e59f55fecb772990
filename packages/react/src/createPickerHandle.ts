import type { UsePickerResult } from '@epaas-picker/headless'
import type { PickerController } from './PickerContext.js'

// Bundlers replace `process.env.NODE_ENV` with a string literal (React's own builds rely on it);
// declared here, module-local, so the package needs no Node types.
declare const process: { env: { NODE_ENV?: string } }

/**
 * The picker handed to the parts: `usePicker`'s result plus the scroller hook. In development
 * builds every field is non-enumerable on purpose: React's development build compares the props
 * of each re-rendered component property by property for its performance tracks, and `for...in`
 * over a 100,000-row array costs milliseconds per component and per render; an object without
 * enumerable fields costs nothing to compare. Production builds compare nothing of the sort and
 * get a plain object.
 */
export function createPickerHandle(
  result: UsePickerResult,
  registerScroller: (scrollTo: (index: number) => void) => () => void,
): PickerController {
  const fields = { ...result, registerScroller }
  if (process.env.NODE_ENV === 'production') return fields
  const handle = {}
  for (const [key, value] of Object.entries(fields)) Object.defineProperty(handle, key, { value })
  return handle as PickerController
}
