/**
 * What the parts of the picker share: the headless picker, texts, class hooks and layout.
 */
import type { UsePickerResult } from '@epaas-picker/headless'
import { createContext, useContext } from 'react'
import type { PickerClassNames } from './classNames.js'
import type { PickerMessages } from './messages.js'

// Bundlers replace `process.env.NODE_ENV` with a string literal (React's own builds rely on it);
// declared here, module-local, so the package needs no Node types.
declare const process: { env: { NODE_ENV?: string } }

/** The headless picker plus a way for the mounted virtual list to be scrolled to a row. */
export interface PickerController extends UsePickerResult {
  /**
   * Called by the mounted list with a function scrolling it to a row index; answers the
   * unregister function. The keyboard uses it to reach rows that are not mounted.
   */
  readonly registerScroller?: (scrollTo: (index: number) => void) => () => void
}

/** Which layout is in use: a tree, or drill-down lists with a breadcrumb. */
export type PickerLayout = 'desktop' | 'mobile'

/** The value of {@link PickerContext}. */
export interface PickerContextValue {
  readonly picker: PickerController
  readonly messages: PickerMessages
  readonly classNames: PickerClassNames | undefined
  readonly layout: PickerLayout
  /** Height of a tree row (px). */
  readonly rowHeight: number
  /** Height of a search result row, which has a second line for school and path (px). */
  readonly searchRowHeight: number
  /** Whether department member counts are shown (`need_users_total`). */
  readonly showCounts: boolean
}

/** Shared by every part inside `PickerRoot` (and so inside `AddressBookPicker`). */
export const PickerContext = createContext<PickerContextValue | null>(null)

/**
 * The picker around a part. Throws outside `PickerRoot` / `AddressBookPicker`, where a part
 * would have nothing to show (with the full sentence in development builds).
 */
export function usePickerContext(): PickerContextValue {
  const value = useContext(PickerContext)
  if (!value) {
    throw new Error(
      process.env.NODE_ENV === 'production'
        ? 'No PickerRoot'
        : 'Picker parts must be rendered inside <PickerRoot> or <AddressBookPicker>',
    )
  }
  return value
}
