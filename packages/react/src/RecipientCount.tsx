/**
 * The exact count of the selection, from the proxy's `resolve`, for the parts that show a count
 * (footer, selected panel, mobile bar). Kept in a context of its own so that a new count redraws
 * those parts only, not the tree.
 */
import {
  useRecipientCount,
  type PickerSnapshot,
  type RecipientCounter,
  type RecipientCountState,
} from '@epaas-picker/headless'
import type { Role } from '@epaas-picker/protocol'
import { createContext, useContext, type ReactNode } from 'react'
import type { PickerCount } from './messages.js'
import { usePickerContext } from './PickerContext.js'

/** How the picker counts recipients exactly. */
export interface RecipientCountOptions {
  /** Who counts: `proxyRecipientCounter()` of `@epaas-picker/headless`, or your own. */
  counter: RecipientCounter
  /** Count only these roles (the picker passes its `select_role_list`). Default: every role. */
  role_ids?: readonly Role[] | undefined
}

const RecipientCountContext = createContext<RecipientCountState | undefined>(undefined)

/** Counts the picker's value with `options` for the parts below it. */
export function RecipientCountProvider({
  options,
  children,
}: {
  options: RecipientCountOptions
  children: ReactNode
}) {
  const { picker } = usePickerContext()
  const state = useRecipientCount({
    value: picker.snapshot.value,
    counter: options.counter,
    ...(options.role_ids ? { role_ids: options.role_ids } : {}),
  })
  return <RecipientCountContext.Provider value={state}>{children}</RecipientCountContext.Provider>
}

/** What {@link usePickerCount} answers. */
export interface PickerCountState {
  count: PickerCount
  /** Counts again after a failed exact count. */
  retry: (() => void) | undefined
}

/**
 * The count to show: exact when the picker counts through the proxy, else the tree's estimate
 * (约) when it is honest, else the number of items ticked. Also the retry of a failed count.
 *
 * @param snapshot The snapshot whose selection is counted: the picker's current one by default;
 * the selected panel and the footer pass a deferred one (see `useDeferredValue`).
 */
export function usePickerCount(snapshot?: PickerSnapshot): PickerCountState {
  const { picker } = usePickerContext()
  return useCountOf((snapshot ?? picker.snapshot).summary)
}

/** {@link usePickerCount} of a summary, for parts that do not read the picker's context. */
export function useCountOf(summary: PickerSnapshot['summary']): PickerCountState {
  const exact = useContext(RecipientCountContext)
  const items = summary.departments + summary.users
  if (items === 0) return { count: { kind: 'none' }, retry: undefined }
  if (exact?.status === 'success') {
    return { count: { kind: 'exact', total: exact.count.total }, retry: undefined }
  }
  if (exact?.status === 'loading') return { count: { kind: 'counting' }, retry: undefined }
  if (exact?.status === 'error') return { count: { kind: 'failed' }, retry: exact.retry }
  return {
    count: summary.estimateComplete
      ? { kind: 'estimate', people: summary.estimatedPeople }
      : { kind: 'items', items },
    retry: undefined,
  }
}
